using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// A value over its field's [StringLength]/[MaxLength] is refused with a message, but the form it
/// re-renders with used to carry the whole value back (a 1 MB name came back as 1 MB of HTML). When
/// binding found errors, the bound text and the value tag helpers show are cut to the field's limit,
/// so the person sees the message and what fits, not everything again.
/// </summary>
internal sealed class OverlongValuesCut : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid)
        {
            return;
        }

        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (context.ActionArguments.TryGetValue(parameter.Name, out var argument) && argument is not null and not string && !argument.GetType().IsValueType)
            {
                Cut(context, parameter.BindingInfo?.BinderModelName ?? parameter.Name, argument);
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static void Cut(ActionExecutingContext context, string prefix, object model)
    {
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || !property.CanWrite || property.GetIndexParameters().Length > 0 || Limit(property) is not { } limit
                || property.GetValue(model) is not string value || value.Length <= limit)
            {
                continue;
            }

            var cut = value[..limit];
            property.SetValue(model, cut);
            // The key is "Form.Name" with a prefix, "Name" when MVC fell back to binding without one.
            var key = context.ModelState.ContainsKey($"{prefix}.{property.Name}") || !context.ModelState.ContainsKey(property.Name) ? $"{prefix}.{property.Name}" : property.Name;
            context.ModelState.SetModelValue(key, cut, cut);
        }
    }

    private static int? Limit(PropertyInfo property) =>
        property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? property.GetCustomAttribute<MaxLengthAttribute>()?.Length;
}
