using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Municipalities;

/// <summary>The administrators' band editor: one rule recategorizes every municipality with a population.</summary>
public class CategoryBandTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Page = "/admin/municipios/categorias";
    private const string Form = "form.category-bands-form";

    private async Task<int> MunicipalityAsync(string name, int? population, MunicipalityCategory category) =>
        await factory.WithDbAsync(async db =>
        {
            var m = new Municipality { Name = name, Province = "Prueba", Slug = "banda-" + Guid.NewGuid().ToString("N")[..8], Population = population, Category = category };
            db.Municipalities.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    private Task<MunicipalityCategory> CategoryAsync(int id) =>
        factory.WithDbAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => m.Category).SingleAsync());

    [Fact]
    public async Task SavingBands_RecategorizesByPopulation_KeepsHandChosenCategories_AndIsAudited()
    {
        var grows = await MunicipalityAsync("Villa Banda Ochenta", 80_000, MunicipalityCategory.Intermediate);
        var shrinks = await MunicipalityAsync("Villa Banda Nueve", 9_000, MunicipalityCategory.Small);
        var typed = await MunicipalityAsync("Villa Banda Sin Dato", null, MunicipalityCategory.Large);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        try
        {
            var response = await client.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["Form.SmallMax"] = "8.000", ["Form.IntermediateMax"] = "70000" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await client.GetPageAsync(Page);
            Assert.Contains("municipios cambiaron de categoría", page.QuerySelector("[role=status], .alert")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("hasta 8.000 habitantes", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("más de 70.000 habitantes", page.Body!.TextContent, StringComparison.Ordinal);

            Assert.Equal(MunicipalityCategory.Large, await CategoryAsync(grows));
            Assert.Equal(MunicipalityCategory.Intermediate, await CategoryAsync(shrinks));
            Assert.Equal(MunicipalityCategory.Large, await CategoryAsync(typed));
            var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.CategoryBandsEdited).OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync());
            Assert.Contains("Después: hasta 8.000 habitantes", audit, StringComparison.Ordinal);
        }
        finally
        {
            await client.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["Form.SmallMax"] = "50.000", ["Form.IntermediateMax"] = "200.000" });
        }

        Assert.Equal(MunicipalityCategory.Intermediate, await CategoryAsync(grows));
    }

    [Theory]
    [InlineData("60.000", "50.000", "Form.IntermediateMax", "tiene que ser mayor")]
    [InlineData("cincuenta mil", "200.000", "Form.SmallMax", "número entero")]
    [InlineData("50.000", "", "Form.IntermediateMax", "número entero")]
    [InlineData("4,5", "200.000", "Form.SmallMax", "número entero")]
    public async Task InvalidBands_ShowASpanishMessage_KeepTheTypedValues_AndChangeNothing(string small, string intermediate, string field, string message)
    {
        var before = await factory.WithDbAsync(db => db.CategoryBands.OrderBy(b => b.Id).Select(b => b.MaxPopulation).ToListAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        var response = await client.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["Form.SmallMax"] = small, ["Form.IntermediateMax"] = intermediate });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var id = field.Replace('.', '_');
        Assert.Contains(message, page.QuerySelector($"#{id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(small, page.QuerySelector("#Form_SmallMax")!.GetAttribute("value"));
        Assert.Equal(intermediate, page.QuerySelector("#Form_IntermediateMax")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.CategoryBands.OrderBy(b => b.Id).Select(b => b.MaxPopulation).ToListAsync()));
    }

    [Fact]
    public async Task EditingThePopulation_RecomputesTheCategory_WhateverCategoryIsPosted()
    {
        var id = await MunicipalityAsync("Villa Banda Crece", 30_000, MunicipalityCategory.Small);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        var response = await client.SubmitFormAsync($"/admin/municipios/{id}", "form.municipality-form", new Dictionary<string, string> { ["Form.Population"] = "250000", ["Form.Category"] = "Small" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MunicipalityCategory.Large, await CategoryAsync(id));
    }
}
