using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>How posted forms bind, for every action at once.</summary>
internal static class FormBinding
{
    public static void Apply(MvcOptions options)
    {
        RouteValuesFirst(options.ValueProviderFactories);
        options.ModelMetadataDetailsProviders.Add(new EmptyTextStaysText());
    }

    /// <summary>
    /// MVC asks the form before the route by default, so a posted `EditionId=999` or `key=desafio`
    /// replaced the edition or stage the URL names (and was authorized for). The URL wins.
    /// </summary>
    private static void RouteValuesFirst(IList<IValueProviderFactory> factories)
    {
        var route = factories.OfType<RouteValueProviderFactory>().ToList();
        foreach (var factory in route)
        {
            factories.Remove(factory);
        }

        for (var i = route.Count - 1; i >= 0; i--)
        {
            factories.Insert(0, route[i]);
        }
    }

    /// <summary>
    /// A blank input posts "", which MVC turns into null — also for properties declared as
    /// non-nullable `string`, whose code then trims them and fails with a 500. For those, "" stays
    /// "", so [Required] and the services' own checks answer with their Spanish message.
    /// </summary>
    private sealed class EmptyTextStaysText : IDisplayMetadataProvider
    {
        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key is { MetadataKind: ModelMetadataKind.Property, ModelType: var type, PropertyInfo: { } property } && type == typeof(string)
                && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
            {
                context.DisplayMetadata.ConvertEmptyStringToNull = false;
            }
        }
    }
}
