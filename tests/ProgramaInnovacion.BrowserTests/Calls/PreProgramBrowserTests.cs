using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Calls;

[Collection(BrowserCollection.Name)]
public class PreProgramBrowserTests(BrowserFixture browser)
{
    /// <summary>An edition with an open call and an open survey around the portal's clock.</summary>
    private async Task<int> EditionAsync(string name, EditionPhase phase) =>
        await browser.Factory.WithDbAsync(async db =>
        {
            var now = browser.Factory.Time.GetUtcNow().UtcDateTime;
            var edition = new ProgramEdition
            {
                Name = name,
                Theme = "Trámites en línea",
                StartsAtUtc = now.AddDays(60),
                CreatedAtUtc = now,
                Phase = phase,
                Stages = DefaultStageTemplate.Stages.Select(t => t.ToDefinition()).ToList(),
            };
            db.Editions.Add(edition);
            db.ApplicationCalls.Add(new ApplicationCall { Edition = edition, OpensAtUtc = now.AddDays(-1), ClosesAtUtc = now.AddDays(20) });
            db.SurveyCampaigns.Add(new SurveyCampaign
            {
                Edition = edition,
                Name = "Relevamiento " + name,
                OpensAtUtc = now.AddDays(-1),
                ClosesAtUtc = now.AddDays(20),
                CreatedAtUtc = now,
                Dimensions = MaturityScoring.DefaultDimensions(),
            });
            await db.SaveChangesAsync();
            return edition.Id;
        });

    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task AMunicipality_StartsAndSavesItsApplication_WithoutAnAccount(int width)
    {
        var editionId = await EditionAsync($"Convocatoria navegador {width}", EditionPhase.CallOpen);
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.GotoAsync($"/convocatorias/{editionId}");
        await session.Page.GetByLabel("Municipio").SelectOptionAsync(new SelectOptionValue { Label = "Gualeguaychú (Entre Ríos)" });
        await session.Page.GetByLabel("Persona de contacto").FillAsync("Marta Ruiz");
        await session.Page.GetByLabel("Correo de contacto").FillAsync($"marta{width}@gualeguaychu.example");
        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "El inicio de la postulación");
        await session.AssertNoSeriousA11yViolationsAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Empezar la postulación" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Postulación de Gualeguaychú" })).ToBeVisibleAsync();
        await session.Page.GetByLabel("Desafío propuesto de digitalización de servicios").FillAsync("Habilitaciones comerciales en línea");
        await session.Page.GetByLabel("Integrante 1: nombre").FillAsync("Marta Ruiz");
        await session.Page.GetByLabel("Integrante 1: correo").FillAsync($"marta{width}@gualeguaychu.example");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Guardar borrador" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByText("Guardamos el borrador de la postulación.")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByLabel("Desafío propuesto de digitalización de servicios")).ToHaveValueAsync("Habilitaciones comerciales en línea");
        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "La postulación");
        Assert.Null(await VisibleLayout.PageOverflowAsync(session.Page));
        await VisibleLayout.SaveScreenshotAsync(session.Page, $"postulacion-{width}");
        await session.AssertNoSeriousA11yViolationsAsync();
    }

    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task AMunicipality_AnswersTheSurveyThroughItsLink(int width)
    {
        var editionId = await EditionAsync($"Relevamiento navegador {width}", EditionPhase.Survey);
        var municipalityId = await browser.Factory.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "bariloche").Select(m => m.Id).SingleAsync());
        await using var coordination = await browser.NewSessionAsync();
        await coordination.SignInAsync("admin@programa.example");
        await coordination.GotoAsync($"/admin/ediciones/{editionId}/relevamiento");
        var link = new Uri(await coordination.Page.Locator($"#link-{municipalityId}").InputValueAsync()).PathAndQuery;

        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.GotoAsync(link);
        await Assertions.Expect(session.Page.Locator("p.lead")).ToContainTextAsync("Bariloche");
        var options = session.Page.Locator("form.survey-form input[type=radio][value='2']");
        for (var i = 0; i < await options.CountAsync(); i++)
        {
            await options.Nth(i).CheckAsync();
        }

        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "El relevamiento");
        Assert.Null(await VisibleLayout.PageOverflowAsync(session.Page));
        await session.AssertNoSeriousA11yViolationsAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Enviar respuestas" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByText("Enviamos las respuestas.")).ToBeVisibleAsync();
        await VisibleLayout.SaveScreenshotAsync(session.Page, $"relevamiento-{width}");
        Assert.Equal(MaturityLevel.Developing, await browser.Factory.WithDbAsync(db => db.SurveyResponses.Where(r => r.Campaign.EditionId == editionId).Select(r => r.Level).SingleAsync()));
    }
}
