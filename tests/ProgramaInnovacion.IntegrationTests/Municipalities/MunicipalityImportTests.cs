using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Municipalities;

/// <summary>Uploads a municipalities CSV as the import page's form does and confirms its preview.</summary>
internal static class MunicipalityImportClient
{
    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, byte[] file, string fileName = "municipios.csv")
    {
        var page = await client.GetPageAsync("/admin/municipios/importar");
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in PortalClient.FormFields(page, "form.municipality-import-form"))
        {
            content.Add(new StringContent(value), key);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "archivo", fileName);
        return await client.Http.PostAsync("/admin/municipios/importar", content);
    }

    public static async Task<IDocument> PreviewAsync(PortalClient client, byte[] file)
    {
        var response = await UploadAsync(client, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(response);
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(PortalClient client, IDocument preview) =>
        await client.Http.PostAsync("/admin/municipios/importar/confirmar", new FormUrlEncodedContent(PortalClient.FormFields(preview, "form.municipality-import-confirm")));

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
}

public class MunicipalityImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Count(IDocument page, string kind) => page.QuerySelector($".import-summary .import-{kind}")!.TextContent.Trim();

    private static List<string> Rows(IDocument page, string kind) =>
        page.QuerySelectorAll($"table.import-{kind} tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();

    private async Task<PortalClient> AdminAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        return client;
    }

    [Fact]
    public async Task Preview_SortsRowsIntoNewChangedUnchangedAndInvalid_WithAReason_AndWritesNothing()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Municipalities.AddRange(
                new Municipality { Name = "Villa Previa Cambia", Province = "La Pampa", Slug = "previa-cambia", OfficialCode = "P00001", Population = 10_000 },
                new Municipality { Name = "Villa Previa Igual", Province = "La Pampa", Slug = "previa-igual", OfficialCode = "P00002", Population = 20_000 });
            await db.SaveChangesAsync();
        });
        var before = await factory.WithDbAsync(db => db.Municipalities.CountAsync());
        using var client = await AdminAsync();
        var csv = "Código INDEC;Nombre;Provincia;Población\n"
            + "P00001;Villa Previa Cambia;La Pampa;12.345\n"
            + "P00002;Villa Previa Igual;La Pampa;20.000\n"
            + "P00003;Villa Previa Nueva;La Pampa;7.500\n"
            + "P00004;Villa Sin Población;La Pampa;\n"
            + "P00005;Villa Mal Número;La Pampa;1,250\n"
            + "P00003;Villa Repetida;La Pampa;100\n"
            + ";Villa Sin Código;La Pampa;100\n"
            + "P00006;;La Pampa;100\n";
        var page = await MunicipalityImportClient.PreviewAsync(client, MunicipalityImportClient.Utf8WithBom(csv));

        Assert.Equal(("1", "1", "1", "5"), (Count(page, "new"), Count(page, "changed"), Count(page, "unchanged"), Count(page, "invalid")));
        Assert.Contains(Rows(page, "changed"), r => r.Contains("Villa Previa Cambia", StringComparison.Ordinal) && r.Contains("población: 10.000 → 12.345", StringComparison.Ordinal));
        Assert.Contains(Rows(page, "new"), r => r.StartsWith("4 | P00003 | Villa Previa Nueva | La Pampa | 7.500", StringComparison.Ordinal));
        var invalid = Rows(page, "invalid");
        Assert.Contains(invalid, r => r.StartsWith("5 |", StringComparison.Ordinal) && r.EndsWith("Falta la población.", StringComparison.Ordinal));
        Assert.Contains(invalid, r => r.StartsWith("6 |", StringComparison.Ordinal) && r.Contains("no es un número entero de habitantes", StringComparison.Ordinal));
        Assert.Contains(invalid, r => r.StartsWith("7 |", StringComparison.Ordinal) && r.EndsWith("El código P00003 ya aparece en la fila 4.", StringComparison.Ordinal));
        Assert.Contains(invalid, r => r.StartsWith("8 |", StringComparison.Ordinal) && r.EndsWith("Falta el código oficial.", StringComparison.Ordinal));
        Assert.Contains(invalid, r => r.StartsWith("9 |", StringComparison.Ordinal) && r.EndsWith("Falta el nombre del municipio.", StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Municipalities.CountAsync()));
        Assert.Equal(10_000, await factory.WithDbAsync(db => db.Municipalities.Where(m => m.OfficialCode == "P00001").Select(m => m.Population).SingleAsync()));
    }

    [Fact]
    public async Task Confirm_UpsertsByCode_AttachesCodesByNameAndProvince_CategorizesByBands_DeletesNothing_AndAudits()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Municipalities.AddRange(
                new Municipality { Name = "Villa Confirma Cambia", Province = "Chubut", Slug = "confirma-cambia", OfficialCode = "C00001", Population = 40_000, Category = MunicipalityCategory.Small },
                new Municipality { Name = "Villa Confirma Sin Código", Province = "Chubut", Slug = "confirma-sin-codigo", Population = 5_000, Category = MunicipalityCategory.Small },
                new Municipality { Name = "Villa Confirma Ausente", Province = "Chubut", Slug = "confirma-ausente", OfficialCode = "C00009", Population = 5_000, Category = MunicipalityCategory.Small });
            await db.SaveChangesAsync();
        });
        var before = await factory.WithDbAsync(db => db.Municipalities.CountAsync());
        using var client = await AdminAsync();
        var csv = "codigo,nombre,provincia,poblacion\n"
            + "C00001,Villa Confirma Cambia,Chubut,\"240.000\"\n"
            + "C00002,Villa Confirma Sin Código,Chubut,5000\n"
            + "C00003,San Martín,Chubut,60.000\n"
            + "C00004,\"San Martín\",Chaco,1.200\n"
            + "C00005,Villa Rota,Chubut,doce\n";
        var preview = await MunicipalityImportClient.PreviewAsync(client, Encoding.UTF8.GetBytes(csv));
        var response = await MunicipalityImportClient.ConfirmAsync(client, preview);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2 municipios nuevos, 2 actualizados, 0 sin cambios y 1 filas con errores que no se importaron.", list.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var rows = await factory.WithDbAsync(db => db.Municipalities.Where(m => m.Province == "Chubut" || m.Province == "Chaco")
            .Select(m => new { m.OfficialCode, m.Name, m.Province, m.Population, m.Category, m.Slug }).ToListAsync());
        Assert.Equal(before + 2, await factory.WithDbAsync(db => db.Municipalities.CountAsync()));
        Assert.Contains(rows, m => m is { OfficialCode: "C00001", Population: 240_000, Category: MunicipalityCategory.Large });
        Assert.Contains(rows, m => m is { OfficialCode: "C00002", Name: "Villa Confirma Sin Código", Slug: "confirma-sin-codigo" });
        Assert.Contains(rows, m => m is { OfficialCode: "C00003", Name: "San Martín", Province: "Chubut", Category: MunicipalityCategory.Intermediate, Slug: "san-martin" });
        Assert.Contains(rows, m => m is { OfficialCode: "C00004", Province: "Chaco", Category: MunicipalityCategory.Small, Slug: "san-martin-c00004" });
        Assert.Contains(rows, m => m is { OfficialCode: "C00009", Name: "Villa Confirma Ausente" });
        Assert.DoesNotContain(rows, m => m.Name == "Villa Rota");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.MunicipalitiesImported).OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync());
        Assert.Equal("2 nuevos, 2 actualizados, 0 sin cambios, 1 filas con errores (no importadas).", audit);
    }

    [Fact]
    public async Task Latin1FileFromASpreadsheet_ReadsItsAccents()
    {
        using var client = await AdminAsync();
        var latin1 = Encoding.Latin1.GetBytes("Código;Nombre;Provincia;Población\r\nL00001;Añatuya;Santiago del Estero;20.261\r\n;;;\r\n");
        var page = await MunicipalityImportClient.PreviewAsync(client, latin1);

        Assert.Equal("1", Count(page, "new"));
        Assert.Contains(Rows(page, "new"), r => r == "2 | L00001 | Añatuya | Santiago del Estero | 20.261");
        Assert.Equal("0", Count(page, "invalid"));
    }

    [Theory]
    [InlineData("", "Elegí un archivo CSV")]
    [InlineData("nombre;provincia\nTandil;Buenos Aires\n", "faltan las columnas «código», «población»")]
    [InlineData("codigo;nombre;provincia;poblacion\n", "ningún municipio")]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0006\u0000xl/workbook.xml", "no es un CSV de texto")]
    public async Task BadFiles_GetAClearSpanishMessage_NeverAnError(string content, string message)
    {
        using var client = await AdminAsync();
        var response = await MunicipalityImportClient.UploadAsync(client, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#archivo-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmWithoutTheFile_AsksToUploadAgain()
    {
        using var client = await AdminAsync();
        var page = await client.GetPageAsync("/admin/municipios/importar");
        var fields = PortalClient.FormFields(page, "form.municipality-import-form");
        fields.Add(new("contenido", "esto no es base64 %%"));
        var response = await client.Http.PostAsync("/admin/municipios/importar/confirmar", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Subilo de nuevo", (await PortalClient.ParseAsync(response)).QuerySelector("#archivo-error")!.TextContent, StringComparison.Ordinal);
    }
}
