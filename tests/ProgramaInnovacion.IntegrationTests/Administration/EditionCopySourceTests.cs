using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Administration;

public class EditionCopySourceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("999")]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task NewEdition_CopyingFromAnEditionThatDoesNotExist_IsRefusedWithAMessage_AndKeepsWhatWasTyped(string source)
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var editions = await factory.CountAsync<Core.Domain.ProgramEdition>();

        var response = await admin.SubmitFormAsync("/admin/ediciones/nueva", "form.edition-form", new Dictionary<string, string>
        {
            ["Form.Name"] = $"Edición copiada de {source}",
            ["Form.Theme"] = "Tema",
            ["Form.StartDate"] = "2022-07-26",
            ["Form.CopyFromEditionId"] = source,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Esa edición no existe", page.QuerySelector("#Form_CopyFromEditionId-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Edición copiada de {source}", page.QuerySelector("#Form_Name")!.GetAttribute("value"));
        Assert.Equal(editions, await factory.CountAsync<Core.Domain.ProgramEdition>());
    }
}
