using Microsoft.AspNetCore.Html;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.Web.Features.Library;

/// <summary>
/// An excerpt as HTML: every segment's text is HTML-encoded and only the highlight becomes markup
/// (<c>&lt;mark&gt;</c>), with no whitespace between pieces, so "trámites," stays glued to its comma.
/// </summary>
public static class ExcerptHtml
{
    public static IHtmlContent Render(IEnumerable<SnippetSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.Highlighted)
            {
                html.AppendHtml("<mark>").Append(segment.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }
}
