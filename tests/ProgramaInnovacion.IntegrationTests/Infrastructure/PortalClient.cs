using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// An HttpClient that talks to the portal like a browser: reads pages with AngleSharp, posts
/// forms with their antiforgery token, and signs in through the real login form.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<IDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} respondió {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html));
    }

    /// <summary>Submits the form matched by selector on the page at url, overriding fields with values.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string url, string formSelector, IDictionary<string, string> values)
    {
        var page = await GetPageAsync(url);
        return await SubmitFormAsync(page, formSelector, values, url);
    }

    public async Task<HttpResponseMessage> SubmitFormAsync(IDocument page, string formSelector, IDictionary<string, string> values, string pageUrl)
    {
        var form = Form(page, formSelector);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await Http.PostAsync(target, new FormUrlEncodedContent(FormFields(page, formSelector, values)));
    }

    /// <summary>The fields a browser would post for the form (buttons and files excluded), with overrides.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IDocument page, string formSelector, IDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in Form(page, formSelector).Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                default:
                    break;
            }
        }

        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        return fields;
    }

    private static IHtmlFormElement Form(IDocument page, string formSelector) =>
        page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No hay un formulario «{formSelector}» en {page.Url}.");

    public Task<HttpResponseMessage> LoginAsync(string email, string password = DemoSeeder.DemoPassword) =>
        SubmitFormAsync("/cuenta/ingresar", "form[action='/cuenta/ingresar']", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>Signs in and asserts it worked (redirect away from the login page).</summary>
    public async Task SignInAsync(string email, string password = DemoSeeder.DemoPassword)
    {
        var response = await LoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"El ingreso de {email} no redirigió (HTTP {(int)response.StatusCode}).");
    }

    public void Dispose() => Http.Dispose();
}
