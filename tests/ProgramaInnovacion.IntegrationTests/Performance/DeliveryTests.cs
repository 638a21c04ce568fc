using System.Net;
using System.Net.Http.Headers;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Performance;

/// <summary>
/// How responses travel (issue 14): exports are written as they are produced, fingerprinted static
/// files are compressed and cached for a year, and pages are never compressed (BREACH).
/// </summary>
public class DeliveryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/coordinacion/exportar/entregables.csv")]
    [InlineData("/coordinacion/exportar/progreso.csv")]
    public async Task CsvExport_IsStreamed_WithoutALengthKnownInAdvance(string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");

        using var response = await client.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength); // a buffered file states its length; a streamed one cannot
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileNameStar, StringComparison.Ordinal);
        Assert.StartsWith("Municipio;", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FingerprintedStylesheet_IsCompressedAndCachedForAYear_ThePageIsNotCompressed()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetPageAsync("/cuenta/ingresar");
        var stylesheet = page.QuerySelectorAll("link[rel='stylesheet']").Select(l => l.GetAttribute("href")!).First(h => h.Contains("bootstrap.min.css", StringComparison.Ordinal));
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);

        using var css = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        css.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var cssResponse = await client.Http.SendAsync(css);
        Assert.Equal(HttpStatusCode.OK, cssResponse.StatusCode);
        Assert.Equal(["br"], cssResponse.Content.Headers.ContentEncoding);
        Assert.Equal(TimeSpan.FromDays(365), cssResponse.Headers.CacheControl!.MaxAge);
        Assert.True(cssResponse.Headers.CacheControl.Public);

        using var login = new HttpRequestMessage(HttpMethod.Get, "/cuenta/ingresar");
        login.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var loginResponse = await client.Http.SendAsync(login);
        Assert.Empty(loginResponse.Content.Headers.ContentEncoding);
    }
}
