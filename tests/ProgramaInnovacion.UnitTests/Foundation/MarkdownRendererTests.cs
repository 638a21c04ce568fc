using ProgramaInnovacion.Web.Infrastructure.Text;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class MarkdownRendererTests
{
    private static string Render(string markdown) => new MarkdownRenderer().Render(markdown).ToString()!;

    [Fact]
    public void Render_FormatsMarkdown()
    {
        var html = Render("**Evidencia**: ver [informe](https://datos.example/informe)\n\n- uno\n- dos");
        Assert.Contains("<strong>Evidencia</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>uno</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://datos.example/informe\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://x.example\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://x.example\"></iframe>")]
    public void Render_LeavesNothingThatCouldRunScript(string markdown)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Render(markdown));
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => (e.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Render_OfNothing_IsEmpty()
    {
        Assert.Equal("", Render("   "));
    }
}
