using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Results;

/// <summary>The follow-up forms: each refusal beside its field with what was typed; es-AR numbers and dates read; the adoption form end to end.</summary>
public class FollowUpFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectIdAsync(string slug) => factory.WithDbAsync(db => db.Projects
        .Where(p => p.Municipality.Slug == slug && p.Edition.Name == ReferenceData.FirstEditionName).Select(p => p.Id).SingleAsync());

    private static async Task<IDocument> RefusedPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return await PortalClient.ParseAsync(response);
    }

    /// <summary>The field's message, found through the field's aria-describedby (so a screen reader reads it with the field).</summary>
    private static string ErrorOf(IDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId)!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var describedBy = field.GetAttribute("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy), $"#{fieldId} no tiene aria-describedby");
        return page.GetElementById(describedBy!)!.TextContent.Trim();
    }

    [Fact]
    public async Task Measurement_NotANumberAndAnImpossibleDate_ComeBackBesideTheirFields_WithWhatWasTyped_AndNothingIsSaved()
    {
        var projectId = await ProjectIdAsync("tandil");
        var indicatorId = await factory.WithDbAsync(db => db.FollowUpIndicators.Where(i => i.ProjectId == projectId).Select(i => i.Id).FirstAsync());
        var before = await factory.CountAsync<IndicatorMeasurement>();
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(DemoSeeder.TeamEmail("tandil"));
        var url = $"/proyectos/{projectId}/seguimiento";
        var form = $"form[action='{url}/mediciones']:has(input[value='{indicatorId}'])";

        var page = await RefusedPageAsync(await team.SubmitFormAsync(url, form, new Dictionary<string, string> { ["valor"] = "doce", ["fecha"] = "2026-02-30", ["nota"] = "Medido por planilla" }));
        Assert.Contains("«Valor medido» debe ser un número", ErrorOf(page, $"valor-{indicatorId}"), StringComparison.Ordinal);
        Assert.Equal("La fecha «2026-02-30» no existe: revisá el día y el mes.", ErrorOf(page, $"fecha-{indicatorId}"));
        Assert.Equal("doce", ((IHtmlInputElement)page.GetElementById($"valor-{indicatorId}")!).Value);
        Assert.Equal("Medido por planilla", ((IHtmlInputElement)page.GetElementById($"nota-{indicatorId}")!).Value);
        Assert.True(page.GetElementById($"valor-{indicatorId}")!.Closest("details")!.HasAttribute("open"));
        var summary = page.QuerySelector(".alert-danger")!;
        Assert.Contains("No se pudo registrar la medición", summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector($"a[href='#fecha-{indicatorId}']"));

        // A date after today, and one that is no date at all.
        page = await RefusedPageAsync(await team.SubmitFormAsync(url, form, new Dictionary<string, string> { ["valor"] = "3", ["fecha"] = "2026-12-01" }));
        Assert.Equal("La fecha de la medición no puede ser posterior a hoy (16/11/2026).", ErrorOf(page, $"fecha-{indicatorId}"));
        Assert.Null(page.GetElementById($"valor-{indicatorId}")!.GetAttribute("aria-invalid"));
        page = await RefusedPageAsync(await team.SubmitFormAsync(url, form, new Dictionary<string, string> { ["valor"] = "3", ["fecha"] = "ayer" }));
        Assert.Equal("«ayer» no es una fecha: escribila como dd/mm/aaaa (por ejemplo 31/03/2026).", ErrorOf(page, $"fecha-{indicatorId}"));
        Assert.Equal(before, await factory.CountAsync<IndicatorMeasurement>());
    }

    [Fact]
    public async Task Measurement_TypedTheArgentineWay_IsSavedAsTheNumberAndDateMeant()
    {
        var projectId = await ProjectIdAsync("bahiablanca");
        var indicatorId = await factory.WithDbAsync(db => db.FollowUpIndicators.Where(i => i.ProjectId == projectId).Select(i => i.Id).FirstAsync());
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(DemoSeeder.TeamEmail("bahiablanca"));
        var url = $"/proyectos/{projectId}/seguimiento";
        var saved = await team.SubmitFormAsync(url, $"form[action='{url}/mediciones']:has(input[value='{indicatorId}'])", new Dictionary<string, string> { ["valor"] = "1.234,5", ["fecha"] = "15/10/2026" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDbAsync(db => db.IndicatorMeasurements.Where(m => m.IndicatorId == indicatorId).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal((1234.5m, new DateOnly(2026, 10, 15)), (stored.Value, stored.MeasuredOn));
        Assert.Contains("Se registró la medición.", (await team.GetPageAsync(url)).QuerySelector("[role='status'], .alert-success")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_DiscardedWithoutANote_AsksForTheNoteBesideIt_AndKeepsTheChosenStatus()
    {
        var projectId = await ProjectIdAsync("gualeguaychu");
        var activity = await factory.WithDbAsync(db => db.FollowUpActivities.Where(a => a.ProjectId == projectId).OrderBy(a => a.Position).FirstAsync());
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(DemoSeeder.TeamEmail("gualeguaychu"));
        var url = $"/proyectos/{projectId}/seguimiento";
        var page = await RefusedPageAsync(await team.SubmitFormAsync(url, $"form[action='{url}/actividades']:has(input[value='{activity.Id}'])",
            new Dictionary<string, string> { ["estado"] = nameof(ActivityStatus.Discarded), ["nota"] = " " }));
        Assert.Equal("Contá en la nota por qué se descartó la actividad.", ErrorOf(page, $"nota-actividad-{activity.Id}"));
        Assert.Equal(nameof(ActivityStatus.Discarded), ((IHtmlSelectElement)page.GetElementById($"estado-{activity.Id}")!).Value);
        Assert.Equal(activity.Status, await factory.WithDbAsync(db => db.FollowUpActivities.Where(a => a.Id == activity.Id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Adoption_RefusedBesideItsFields_ThenRecorded_ShownOnTheMunicipalityPage_AndItsContactNeverOnTheShowcase()
    {
        var projectId = await ProjectIdAsync("bariloche");
        var (ownId, adopter, editionId) = await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.MunicipalityId, p.EditionId }).SingleAsync();
            var other = await db.Municipalities.Where(m => m.Id != project.MunicipalityId && !db.Adoptions.Any(a => a.MunicipalityId == m.Id))
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).FirstAsync();
            return (project.MunicipalityId, (other.Id, other.Name), project.EditionId);
        });
        const string contact = "Secretaría de Modernización, modernizacion@municipio-que-adopta.example";
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(DemoSeeder.TeamEmail("bariloche"));
        var url = $"/proyectos/{projectId}/seguimiento";
        var form = $"form[action='{url}/adopciones']";

        // The team's own municipality, a date that does not exist: both beside their fields, everything typed kept.
        var page = await RefusedPageAsync(await team.SubmitFormAsync(url, form, new Dictionary<string, string>
        {
            ["municipio"] = ownId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fechaAdopcion"] = "31/04/2026",
            ["estadoAdopcion"] = nameof(AdoptionStatus.Implementing),
            ["contacto"] = contact,
            ["notaAdopcion"] = "Lo adaptan a su padrón.",
        }));
        Assert.Equal("Elegí el municipio que adopta el proyecto (otro que el del equipo).", ErrorOf(page, "municipio"));
        Assert.Equal("La fecha «31/04/2026» no existe: revisá el día y el mes.", ErrorOf(page, "fechaAdopcion"));
        Assert.Equal(contact, ((IHtmlInputElement)page.GetElementById("contacto")!).Value);
        Assert.Equal("Lo adaptan a su padrón.", ((IHtmlInputElement)page.GetElementById("notaAdopcion")!).Value);
        Assert.Equal(nameof(AdoptionStatus.Implementing), ((IHtmlSelectElement)page.GetElementById("estadoAdopcion")!).Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Adoptions.CountAsync(a => a.ProjectId == projectId && a.MunicipalityId == adopter.Id)));

        var saved = await team.SubmitFormAsync(url, form, new Dictionary<string, string>
        {
            ["municipio"] = adopter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fechaAdopcion"] = "2026-10-20",
            ["estadoAdopcion"] = nameof(AdoptionStatus.Implementing),
            ["contacto"] = contact,
            ["notaAdopcion"] = "Lo adaptan a su padrón.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Adoptions.SingleAsync(a => a.ProjectId == projectId && a.MunicipalityId == adopter.Id));
        Assert.Equal((new DateOnly(2026, 10, 20), AdoptionStatus.Implementing, contact), (stored.AdoptedOn, stored.Status, stored.Contact));
        Assert.Contains(adopter.Name, (await team.GetPageAsync(url)).QuerySelector("#adopciones")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // The coordination reads it on the adopting municipality's page, with its contact.
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync(DemoSeeder.CoordinatorEmail);
        var municipality = (await coordinator.GetPageAsync($"/resultados/municipios/{adopter.Id}")).Body!.TextContent;
        Assert.Contains("El proyecto de Bariloche", municipality, StringComparison.Ordinal);
        Assert.Contains(contact, municipality, StringComparison.Ordinal);

        // The public showcase names the adoption (the project is published) but never its contact or note.
        using var anonymous = factory.CreatePortalClient();
        var showcase = (await anonymous.GetPageAsync($"/vitrina/{editionId}")).DocumentElement.OuterHtml;
        Assert.Contains(adopter.Name, showcase, StringComparison.Ordinal);
        Assert.DoesNotContain("modernizacion@municipio-que-adopta.example", showcase, StringComparison.Ordinal);
        Assert.DoesNotContain("Lo adaptan a su padrón", showcase, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync($"/resultados/municipios/{adopter.Id}")).StatusCode);
    }
}
