using System.IO.Compression;
using System.Text;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.UnitTests.Stages;

public class FileTypeDetectorTests
{
    private static FileKind? Detect(byte[] bytes, string name) => FileTypeDetector.Detect(new MemoryStream(bytes), name);

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }

    public static TheoryData<string, byte[], string> Valid() => new()
    {
        { "informe.pdf", "%PDF-1.7\n..."u8.ToArray(), "application/pdf" },
        { "foto.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png" },
        { "foto.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "image/jpeg" },
        { "foto.jpeg", [0xFF, 0xD8, 0xFF, 0xE1, 0, 0], "image/jpeg" },
        { "datos.csv", Encoding.UTF8.GetBytes("municipio;población\nTandil;150000\n"), "text/csv" },
        { "notas.txt", Encoding.UTF8.GetBytes("Reunión con vecinos: ñandú, acción."), "text/plain" },
        { "plan.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), FileTypeDetector.Docx.ContentType },
        { "plan.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<x/>")), FileTypeDetector.Xlsx.ContentType },
        { "plan.pptx", Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>")), FileTypeDetector.Pptx.ContentType },
        { "plan.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<c/>")), FileTypeDetector.Odt.ContentType },
        { "plan.ods", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), FileTypeDetector.Ods.ContentType },
        { "plan.odp", Zip(("mimetype", "application/vnd.oasis.opendocument.presentation")), FileTypeDetector.Odp.ContentType },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void AllowedTypes_AreRecognisedByTheirContent(string name, byte[] bytes, string contentType) =>
        Assert.Equal(contentType, Detect(bytes, name)?.ContentType);

    public static TheoryData<string, byte[]> Invalid() => new()
    {
        { "informe.pdf", "<html><script>alert(1)</script>"u8.ToArray() },
        { "foto.png", "%PDF-1.7"u8.ToArray() },
        { "informe.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] },
        { "programa.exe", "MZ\u0090\u0000"u8.ToArray() },
        { "pagina.html", "<html></html>"u8.ToArray() },
        { "sin-extension", "%PDF-1.7"u8.ToArray() },
        { "datos.csv", [0x41, 0x00, 0x42] },
        { "datos.txt", [0xC3, 0x28, 0x41] },
        { "plan.docx", Zip(("xl/workbook.xml", "<x/>"), ("[Content_Types].xml", "<Types/>")) },
        { "plan.docx", Zip(("word/document.xml", "<w/>")) },
        { "plan.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")) },
        { "plan.xlsx", "PK\u0003\u0004 no es un zip"u8.ToArray() },
        { "vacio.pdf", [] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void WrongSignatures_AndOtherTypes_AreRefused(string name, byte[] bytes) => Assert.Null(Detect(bytes, name));

    [Theory]
    [InlineData("plano.pdf", true)]
    [InlineData("Informe final (v2).docx", true)]
    [InlineData("../../x.pdf", false)]
    [InlineData("..\\x.pdf", false)]
    [InlineData("carpeta/x.pdf", false)]
    [InlineData("x\u0000.pdf", false)]
    [InlineData("", false)]
    public void FileNames_WithFoldersOrControlCharacters_AreNotPlain(string name, bool plain) =>
        Assert.Equal(plain, StageCommands.IsPlainFileName(name));

    [Fact]
    public async Task LocalDiskStore_NamesFilesRandomly_AndRefusesNamesItDidNotMake()
    {
        var root = Path.Combine(Path.GetTempPath(), "pi-store-" + Guid.NewGuid().ToString("N"));
        var store = new LocalDiskFileStore(root);
        try
        {
            var name = await store.SaveAsync(new MemoryStream("hola"u8.ToArray()));
            Assert.Matches("^[0-9a-f]{32}$", name);
            await using (var stream = await store.OpenReadAsync(name))
            {
                Assert.Equal("hola", await new StreamReader(stream!).ReadToEndAsync());
            }

            await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../../etc/passwd"));
            Assert.Null(await store.OpenReadAsync(new string('a', 32)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
