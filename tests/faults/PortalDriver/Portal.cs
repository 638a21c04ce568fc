using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PortalDriver;

/// <summary>A signed-in browser-like client: reads forms, posts them with their antiforgery token.</summary>
public sealed class Portal(HttpClient http)
{
    public const string DemoPassword = "Innovacion-2021";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static Portal Create(CookieContainer cookies, TimeSpan timeout) =>
        new(new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = timeout });

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {url} → {(int)response.StatusCode}", null, response.StatusCode);
        }

        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public async Task SignInAsync(string baseUrl, string email, string password)
    {
        var page = await PageAsync(baseUrl + "/cuenta/ingresar");
        var fields = Fields((IHtmlFormElement)(page.QuerySelector("form[action*='ingresar']") ?? page.Forms[page.Forms.Length - 1]!));
        fields["Email"] = email;
        fields["Password"] = password;
        var response = await Http.PostAsync(baseUrl + "/cuenta/ingresar", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"El ingreso de {email} respondió {(int)response.StatusCode}.");
        }
    }

    /// <summary>What a browser posts for the form (buttons and files left out).</summary>
    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields[input.Name] = input.Value;
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected);
                    if (chosen is not null)
                    {
                        fields[select.Name] = chosen.Value;
                    }

                    break;
                default:
                    break;
            }
        }

        return fields;
    }

    public static IHtmlFormElement StageForm(IHtmlDocument page) =>
        page.QuerySelector("#form-entregable") as IHtmlFormElement ?? throw new InvalidOperationException("La página de la etapa no tiene el formulario del entregable.");

    /// <summary>The name of the form's first long-text field (a textarea of the deliverable, not of a table row).</summary>
    public static string FirstLongTextField(IHtmlFormElement form) =>
        form.QuerySelectorAll("textarea[name^='f.']").OfType<IHtmlTextAreaElement>().Select(t => t.Name!).First(n => n.Count(c => c == '.') == 1);
}
