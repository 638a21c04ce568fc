using System.Net;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>Moves the clock forward (it never goes back), so it owns its database.</summary>
public class PanelExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ExportFileName_CarriesTheArgentinaDate_NotUtcs()
    {
        // 23:30 on 16 November in Argentina is already 17 November in UTC.
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 17, 2, 30, 0, TimeSpan.Zero));
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");

        var excel = await coordinator.Http.GetAsync("/coordinacion/panel/exportar");

        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("mesa-de-expertos-2026-11-16.xlsx", excel.Content.Headers.ContentDisposition!.FileName);
    }
}
