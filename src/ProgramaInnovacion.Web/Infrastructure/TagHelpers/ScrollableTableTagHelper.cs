using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProgramaInnovacion.Web.Infrastructure.TagHelpers;

/// <summary>
/// Every data table scrolls inside its own box on a phone, never the page, and that box is a named
/// region a keyboard user can reach and scroll (axe: scrollable-region-focusable; issue 15). A
/// Bootstrap table (<c>class="table"</c>) that no view wrapped gets a <c>.table-responsive</c> box;
/// a box a view wrote gets what it lacks: <c>role="region"</c>, <c>tabindex="0"</c> and a name taken
/// from the table's caption (an id is given to the caption when it has none). A box that already
/// has a tabindex was labelled by its view and is left alone. One rule for all 25 tables of the
/// portal, so a new table cannot forget it.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-responsive]")]
[HtmlTargetElement("table", Attributes = "[class^=table]")]
public partial class ScrollableTableTagHelper : TagHelper
{
    private const string InsideScrollBox = "ScrollableTableTagHelper.Inside";

    [GeneratedRegex(@"<caption(?<attributes>[^>]*)>")]
    private static partial Regex CaptionTag();

    [GeneratedRegex(@"\bid=""(?<id>[^""]+)""")]
    private static partial Regex IdAttribute();

    private static bool HasClass(TagHelperContext context, string name) =>
        context.AllAttributes.TryGetAttribute("class", out var attribute)
        && (attribute.Value?.ToString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal);

    private static bool IsScrollBox(TagHelperContext context) => context.TagName == "div" && HasClass(context, "table-responsive");

    public override void Init(TagHelperContext context)
    {
        // Items flow to the tag helpers of child elements: a table inside a box is not boxed again.
        if (IsScrollBox(context))
        {
            context.Items[InsideScrollBox] = true;
        }
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (IsScrollBox(context))
        {
            if (output.Attributes.ContainsName("tabindex"))
            {
                return;
            }

            var name = await NameFromCaptionAsync(output, context.UniqueId);
            output.Attributes.SetAttribute("role", "region");
            output.Attributes.SetAttribute("tabindex", "0");
            output.Attributes.SetAttribute(name.Attribute, name.Value);
            return;
        }

        if (context.TagName != "table" || !HasClass(context, "table") || context.Items.ContainsKey(InsideScrollBox))
        {
            return;
        }

        var label = await NameFromCaptionAsync(output, context.UniqueId);
        output.PreElement.SetHtmlContent($"<div class=\"table-responsive\" role=\"region\" tabindex=\"0\" {label.Attribute}=\"{System.Net.WebUtility.HtmlEncode(label.Value)}\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    /// <summary>aria-labelledby pointing at the caption (given an id if it has none), or a generic aria-label.</summary>
    private static async Task<(string Attribute, string Value)> NameFromCaptionAsync(TagHelperOutput output, string uniqueId)
    {
        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = CaptionTag().Match(content);
        if (!caption.Success)
        {
            output.Content.SetHtmlContent(content);
            return ("aria-label", "Tabla");
        }

        var existing = IdAttribute().Match(caption.Groups["attributes"].Value);
        if (existing.Success)
        {
            output.Content.SetHtmlContent(content);
            return ("aria-labelledby", existing.Groups["id"].Value);
        }

        var id = "tabla-" + uniqueId;
        output.Content.SetHtmlContent(string.Concat(content.AsSpan(0, caption.Index), $"<caption id=\"{id}\"", content.AsSpan(caption.Index + "<caption".Length)));
        return ("aria-labelledby", id);
    }
}
