using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Administration;

/// <summary>
/// A blank input posts an empty value; the administration forms answered that with a 500. Now they
/// come back with the Spanish message next to the field and keep what else the person typed.
/// </summary>
public class BlankFieldTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/admin/ediciones/nueva", "form.edition-form", "Form.Name", "Form.Theme", "Escribí el nombre de la edición.")]
    [InlineData("/admin/ediciones/{edition}", "form.edition-form", "Form.Name", "Form.Theme", "Escribí el nombre de la edición.")]
    [InlineData("/admin/municipios/nuevo", "form.municipality-form", "Form.Name", "Form.Province", "Escribí el nombre del municipio.")]
    [InlineData("/admin/municipios/nuevo", "form.municipality-form", "Form.Province", "Form.Name", "Escribí la provincia.")]
    [InlineData("/admin/municipios/nuevo", "form.municipality-form", "Form.Slug", "Form.Name", "Escribí la clave corta")]
    [InlineData("/admin/municipios/{municipality}", "form.municipality-form", "Form.Name", "Form.Province", "Escribí el nombre del municipio.")]
    [InlineData("/admin/municipios/{municipality}", "form.municipality-form", "Form.Province", "Form.Name", "Escribí la provincia.")]
    [InlineData("/admin/municipios/{municipality}", "form.municipality-form", "Form.Slug", "Form.Name", "Escribí la clave corta")]
    [InlineData("/admin/ediciones/{edition}/etapas/{stage}/campos/nuevo", "form.field-form", "Form.Key", "Form.Label", "La clave lleva de 1 a 60 caracteres")]
    [InlineData("/admin/ediciones/{edition}/etapas/{stage}/campos/nuevo", "form.field-form", "Form.Label", "Form.Key", "Escribí la etiqueta que ve el equipo.")]
    [InlineData("/admin/ediciones/{edition}/etapas/{stage}/campos/{field}", "form.field-form", "Form.Label", "Form.Help", "Escribí la etiqueta que ve el equipo.")]
    public async Task BlankField_ShowsItsSpanishMessageInPlace_AndKeepsTheOtherFields(string urlTemplate, string form, string blank, string kept, string message)
    {
        var url = await ResolveAsync(urlTemplate);
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var keptValue = kept == "Form.Key" ? "clave-que-queda" : "Lo que escribió la persona";

        var response = await admin.SubmitFormAsync(url, form, new Dictionary<string, string> { [blank] = "", [kept] = keptValue });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var id = blank.Replace('.', '_');
        Assert.Contains(message, page.QuerySelector($"#{id}-error")!.TextContent, StringComparison.Ordinal);
        var keptField = page.QuerySelector($"[name='{kept}']")!;
        Assert.Equal(keptValue, keptField.LocalName == "textarea" ? keptField.TextContent : keptField.GetAttribute("value"));
    }

    private async Task<string> ResolveAsync(string template) =>
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.StageDefinitions.OrderBy(s => s.EditionId).ThenBy(s => s.Order).FirstAsync(s => s.Key == "desafio");
            var municipality = await db.Municipalities.Where(m => m.Slug == "gualeguaychu").Select(m => m.Id).SingleAsync();
            var field = Regex.Match(stage.SchemaJson, "\"key\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
            return template.Replace("{edition}", stage.EditionId.ToString()).Replace("{stage}", stage.Id.ToString())
                .Replace("{municipality}", municipality.ToString()).Replace("{field}", field);
        });
}
