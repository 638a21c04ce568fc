using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace ProgramaInnovacion.Web.Infrastructure.Text;

/// <summary>
/// Markdown written by users (long-text fields, comments, posts) to safe HTML: Markdig renders it
/// with raw HTML disabled, then HtmlSanitizer keeps only harmless tags and http(s)/mailto links.
/// </summary>
public class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedTags.Remove("img");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
    }

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString(_sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));
}
