using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Routing;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>How posted forms bind, for every action at once.</summary>
internal static class FormBinding
{
    public static void Apply(MvcOptions options)
    {
        RouteValuesFirst(options.ValueProviderFactories);
        options.ModelMetadataDetailsProviders.Add(new EmptyTextStaysText());
        options.Filters.Add(new OverlongValuesCut());
    }

    /// <summary>
    /// MVC asks the form before the route by default, so a posted `EditionId=999` or `key=desafio`
    /// replaced the edition or stage the URL names (and was authorized for). The URL wins.
    /// </summary>
    private static void RouteValuesFirst(IList<IValueProviderFactory> factories)
    {
        foreach (var factory in factories.OfType<RouteValueProviderFactory>().ToList())
        {
            factories.Remove(factory);
        }

        factories.Insert(0, new RouteParametersValueProviderFactory());
    }

    /// <summary>
    /// The values of the URL's own parameters. Route data also carries "action" and "controller":
    /// asked first, those would fill form fields of the same name (a recommendation's "Action").
    /// </summary>
    private sealed class RouteParametersValueProviderFactory : IValueProviderFactory
    {
        private static readonly HashSet<string> Reserved = new(["action", "controller", "area", "page", "handler"], StringComparer.OrdinalIgnoreCase);

        public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var values = new RouteValueDictionary();
            foreach (var (key, value) in context.ActionContext.RouteData.Values)
            {
                if (!Reserved.Contains(key))
                {
                    values[key] = value;
                }
            }

            context.ValueProviders.Add(new RouteValueProvider(BindingSource.Path, values));
            return Task.CompletedTask;
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
