using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>One item of an e-mail: a notice with its link (one for an immediate e-mail, several in a digest).</summary>
public sealed record EmailItemViewModel(string Title, string Body, string Link, string When);

/// <summary>What the e-mail views render.</summary>
/// <summary>A link that switches one category's e-mails off (a digest gathers several categories: one each).</summary>
public sealed record UnsubscribeLinkViewModel(string CategoryName, string Link);

public sealed record EmailViewModel(string Greeting, string Heading, string? Intro, IReadOnlyList<EmailItemViewModel> Items, IReadOnlyList<UnsubscribeLinkViewModel> Unsubscribe)
{
    /// <summary>The one link an account e-mail is for (an invitation, a password reset).</summary>
    public string? ActionLink { get; init; }

    public string? ActionText { get; init; }

    /// <summary>What to do if the e-mail was not expected, under the link.</summary>
    public string? Note { get; init; }
}

public sealed record RenderedEmail(string Html, string Text);

/// <summary>
/// Renders the e-mail Razor views (HTML and plain text) to strings, with or without a request: the
/// worker renders reminders and digests outside any request, so the view gets a context of its own.
/// </summary>
public class EmailRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempData, IServiceProvider services)
{
    private const string HtmlView = "EmailHtml";
    private const string TextView = "EmailText";

    public async Task<RenderedEmail> RenderAsync(EmailViewModel model) =>
        new(await RenderViewAsync(HtmlView, model), (await RenderViewAsync(TextView, model)).Trim() + "\n");

    private async Task<string> RenderViewAsync(string path, EmailViewModel model)
    {
        // As if NotificationsController rendered it: the feature's view folder is found the usual way.
        var descriptor = new ControllerActionDescriptor { ControllerName = "Notifications", ActionName = path, ControllerTypeInfo = typeof(NotificationsController).GetTypeInfo() };
        var routes = new RouteData();
        routes.Values["controller"] = "Notifications";
        var context = new ActionContext(new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = services }, routes, descriptor);
        var view = viewEngine.FindView(context, path, isMainPage: true);
        if (!view.Success)
        {
            throw new InvalidOperationException($"No se encontró la vista de correo {path}.");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<EmailViewModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(context, view.View, viewData, new TempDataDictionary(context.HttpContext, tempData), writer, new HtmlHelperOptions());
        await view.View.RenderAsync(viewContext);
        return writer.ToString();
    }
}
