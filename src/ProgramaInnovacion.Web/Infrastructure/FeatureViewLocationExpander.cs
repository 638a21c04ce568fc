using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// Finds views by feature folder, so no controller or view spells out a "~/Features/…" path: a
/// controller's views are in the Views folder of its namespace's feature (PanelTeamController →
/// Features/Panel/Views), and partials or view-component views that several features share
/// (_DeliverableView, _Assignments) are found in whichever feature holds them.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string FeaturesNamespace = "ProgramaInnovacion.Web.Features.";

    /// <summary>Every feature folder (one per namespace under Features), in a fixed order so a lookup never depends on chance.</summary>
    private static readonly IReadOnlyList<string> Features = typeof(FeatureViewLocationExpander).Assembly.GetTypes()
        .Select(t => t.Namespace)
        .Where(ns => ns is not null && ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
        .Select(ns => ns![FeaturesNamespace.Length..].Split('.')[0])
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action && FeatureOf(action.ControllerTypeInfo.Namespace) is { } feature)
        {
            context.Values[FeatureKey] = feature;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return "/Features/" + feature + "/Views/{0}" + RazorViewEngine.ViewExtension;
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }

        if (context.IsMainPage)
        {
            yield break;
        }

        // A view component asks for "Components/<Name>/<View>": its view is a partial of its feature.
        var name = context.ViewName.StartsWith("Components/", StringComparison.Ordinal) ? context.ViewName[(context.ViewName.LastIndexOf('/') + 1)..] : null;
        foreach (var other in Features)
        {
            yield return "/Features/" + other + "/Views/" + (name ?? "{0}") + RazorViewEngine.ViewExtension;
        }
    }

    private static string? FeatureOf(string? ns) =>
        ns is not null && ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? ns[FeaturesNamespace.Length..].Split('.')[0] : null;
}
