using System.IO.Compression;
using System.Text;

namespace ProgramaInnovacion.Web.Infrastructure.Storage;

/// <summary>An accepted file type: the extensions it may carry and the content type it is served with.</summary>
public sealed record FileKind(string Name, IReadOnlyList<string> Extensions, string ContentType);

/// <summary>
/// Decides whether an upload is one of the allowed types by looking at its bytes (magic numbers,
/// the inside of Office/OpenDocument zips, valid UTF-8 for text), and that the extension agrees.
/// </summary>
public static class FileTypeDetector
{
    public static readonly FileKind Pdf = new("PDF", [".pdf"], "application/pdf");
    public static readonly FileKind Docx = new("Word", [".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly FileKind Xlsx = new("Excel", [".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly FileKind Pptx = new("PowerPoint", [".pptx"], "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    public static readonly FileKind Odt = new("OpenDocument texto", [".odt"], "application/vnd.oasis.opendocument.text");
    public static readonly FileKind Ods = new("OpenDocument hoja de cálculo", [".ods"], "application/vnd.oasis.opendocument.spreadsheet");
    public static readonly FileKind Odp = new("OpenDocument presentación", [".odp"], "application/vnd.oasis.opendocument.presentation");
    public static readonly FileKind Png = new("PNG", [".png"], "image/png");
    public static readonly FileKind Jpeg = new("JPG", [".jpg", ".jpeg"], "image/jpeg");
    public static readonly FileKind Csv = new("CSV", [".csv"], "text/csv");
    public static readonly FileKind Text = new("Texto", [".txt"], "text/plain");

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Docx, Xlsx, Pptx, Odt, Ods, Odp, Png, Jpeg, Csv, Text];

    /// <summary>"pdf, docx, xlsx…" for messages.</summary>
    public static string AllowedList => string.Join(", ", All.SelectMany(k => k.Extensions).Select(e => e.TrimStart('.')));

    /// <summary>The kind the bytes prove and the extension agrees with; null otherwise. The stream must be seekable.</summary>
    public static FileKind? Detect(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var claimed = All.FirstOrDefault(k => k.Extensions.Contains(extension));
        if (claimed is null)
        {
            return null;
        }

        content.Position = 0;
        var head = new byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var matches = claimed switch
        {
            _ when claimed == Pdf => StartsWith(head, read, "%PDF-"u8),
            _ when claimed == Png => StartsWith(head, read, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            _ when claimed == Jpeg => StartsWith(head, read, [0xFF, 0xD8, 0xFF]),
            _ when claimed == Csv || claimed == Text => IsUtf8Text(content),
            _ => StartsWith(head, read, "PK\u0003\u0004"u8) && ZipMatches(content, claimed),
        };
        content.Position = 0;
        return matches ? claimed : null;
    }

    private static bool StartsWith(byte[] head, int read, ReadOnlySpan<byte> magic) =>
        read >= magic.Length && head.AsSpan(0, magic.Length).SequenceEqual(magic);

    private static bool IsUtf8Text(Stream content)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(content, strict, detectEncodingFromByteOrderMarks: false, bufferSize: 81920, leaveOpen: true);
            var buffer = new char[81920];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (buffer.AsSpan(0, n).Contains('\0'))
                {
                    return false;
                }
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool ZipMatches(Stream content, FileKind claimed)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (claimed == Odt || claimed == Ods || claimed == Odp)
            {
                var entry = zip.GetEntry("mimetype");
                if (entry is null || entry.Length > 200)
                {
                    return false;
                }

                using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == claimed.ContentType;
            }

            var folder = claimed == Docx ? "word/" : claimed == Xlsx ? "xl/" : "ppt/";
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
