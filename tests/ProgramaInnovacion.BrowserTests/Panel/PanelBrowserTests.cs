using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Panel;

/// <summary>
/// The whole panel loop on Tandil's open panel (only these tests use it) with an expert account of
/// their own: assignment, declaration, evaluation, publication and the team's answer, axe on each page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PanelBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Expert_DeclaresScoresRecommendsSubmits_CoordinatorPublishes_TeamAnswers()
    {
        const string email = "mesa.navegador@experto.example";
        await browser.Factory.CreateUserAsync(email, Roles.Expert);
        var tandil = await browser.Factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

        // The coordinator assigns the expert from the panel page.
        await using (var coordinator = await browser.NewSessionAsync())
        {
            await coordinator.SignInAsync("coordinacion@programa.example");
            await coordinator.GotoAsync("/coordinacion/panel");
            await coordinator.AssertNoSeriousA11yViolationsAsync();
            await coordinator.Page.GetByLabel("Asignar experto a Tandil").SelectOptionAsync(new SelectOptionValue { Label = $"{email} ({email})" });
            await coordinator.Page.Locator($"form[action='/coordinacion/panel/proyectos/{tandil}/asignaciones'] button").ClickAsync();
            Assert.Contains("Asignamos", await coordinator.Page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        }

        await using (var expert = await browser.NewSessionAsync())
        {
            var page = expert.Page;
            await expert.SignInAsync(email);
            await expert.GotoAsync("/panel");
            await expert.AssertNoSeriousA11yViolationsAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Declarar conflicto de interés (sí o no) con el proyecto de Tandil" }).ClickAsync();
            await expert.AssertNoSeriousA11yViolationsAsync();
            await page.GetByLabel("Declaro que no tengo conflicto de interés con este proyecto").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrar declaración" }).ClickAsync();
            Assert.Contains("no tenés conflicto de interés", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
            await expert.AssertNoSeriousA11yViolationsAsync();

            await expert.GotoAsync($"/panel/proyectos/{tandil}/imprimir");
            await expert.AssertNoSeriousA11yViolationsAsync();

            await expert.GotoAsync($"/panel/proyectos/{tandil}/evaluacion");
            for (var i = 0; i < 6; i++)
            {
                await page.Locator($"input[name='Scores[{i}].Score'][value='4']").CheckAsync();
                await page.Locator($"textarea[name='Scores[{i}].Comment']").FillAsync($"Comentario del criterio {i + 1}");
            }

            var added = page.Locator("fieldset.new-recommendation");
            await added.GetByLabel("Categoría").SelectOptionAsync(new SelectOptionValue { Label = "Escalabilidad" });
            await added.GetByLabel("Prioridad").SelectOptionAsync(new SelectOptionValue { Label = "Alta" });
            await added.GetByLabel("Texto de la nueva recomendación").FillAsync("Documentar la solución para que otras ciudades la repliquen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Agregar recomendación" }).ClickAsync();
            Assert.Contains("Agregamos la recomendación", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("4", await page.Locator("input[name='Scores[0].Score']:checked").InputValueAsync());
            await expert.AssertNoSeriousA11yViolationsAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar evaluación" }).ClickAsync();
            Assert.Contains("queda bloqueada", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
            await expert.AssertNoSeriousA11yViolationsAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sí, enviar evaluación" }).ClickAsync();
            Assert.Contains("Enviaste tu evaluación", await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#form-evaluacion").CountAsync());
            await expert.AssertNoSeriousA11yViolationsAsync();
        }

        await using (var coordinator = await browser.NewSessionAsync())
        {
            await coordinator.SignInAsync("coordinacion@programa.example");
            await coordinator.GotoAsync($"/coordinacion/panel/proyectos/{tandil}");
            await coordinator.AssertNoSeriousA11yViolationsAsync();
            await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Publicar el resultado al equipo" }).ClickAsync();
            // Tandil's two demo experts were assigned too and sent nothing: the warning names them.
            var warning = coordinator.Page.GetByRole(AriaRole.Alert);
            Assert.True(await warning.IsVisibleAsync());
            Assert.Contains("Ana Gómez", await warning.InnerTextAsync(), StringComparison.Ordinal);
            await coordinator.AssertNoSeriousA11yViolationsAsync();
            await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Publicar igual" }).ClickAsync();
            Assert.Contains("Publicamos", await coordinator.Page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
            await coordinator.AssertNoSeriousA11yViolationsAsync();
        }

        await using (var team = await browser.NewSessionAsync())
        {
            var page = team.Page;
            await team.SignInAsync("tandil@programa.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" }).GetByRole(AriaRole.Link, new() { Name = "Mesa de expertos", Exact = true }).ClickAsync();
            Assert.Contains("Documentar la solución", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await team.AssertNoSeriousA11yViolationsAsync();

            var recommendation = page.Locator("li[id^=recomendacion-]").Filter(new() { HasText = "Documentar la solución" });
            await recommendation.GetByLabel("Acepta", new() { Exact = true }).CheckAsync();
            await recommendation.GetByLabel("Acción").FillAsync("Publicar una guía de implementación en el repositorio de la red.");
            await recommendation.GetByLabel("Fecha objetivo").FillAsync("2022-04-30");
            await recommendation.GetByRole(AriaRole.Button, new() { Name = "Guardar respuesta" }).ClickAsync();
            Assert.Contains("Guardamos la respuesta", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Publicar una guía de implementación", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await team.AssertNoSeriousA11yViolationsAsync();
        }
    }
}
