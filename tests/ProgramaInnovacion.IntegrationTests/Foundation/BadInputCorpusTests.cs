using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Panel;
using Xunit.Abstractions;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// Issue 12, item 9: every form a person can reach (found by following links from each role's
/// home, not from a hand list) receives a corpus of bad input. No answer may be a server error,
/// no page may echo markup unescaped (neither the answer nor any page afterwards), no file may land
/// outside the file store, and no stored value may exceed its limit (drafts are capped on save).
/// </summary>
public partial class BadInputCorpusTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string ScriptTag = "<script>alert('corpus')</script>";
    private const string EventHandler = "\"><img src=x onerror=alert('corpus')>";
    private const int MaxPagesPerRole = 150;
    private const int MaxFieldsWithAMegabyte = 4;

    /// <summary>What a browser must never receive as markup: a script or handler the corpus wrote.</summary>
    [GeneratedRegex(@"<script>alert\('corpus'\)|<img src=x onerror=alert\('corpus'\)>", RegexOptions.IgnoreCase)]
    private static partial Regex Reflected();

    [GeneratedRegex(@"^(?<table>.+)\.(?<row>\d+)\.(?<column>[^.]+)$")]
    private static partial Regex TableCell();

    /// <summary>The corpus: each item turns a form's fields (as a browser would post them) into a request body.</summary>
    private static readonly (string Name, Func<List<KeyValuePair<string, string>>, HttpContent> Body)[] Corpus =
    [
        ("etiqueta script", f => Every(f, ScriptTag)),
        ("manejador de evento", f => Every(f, EventHandler)),
        ("fragmento SQL", f => Every(f, "'; DROP TABLE \"Projects\"; -- ' OR '1'='1")),
        ("cadena de 1 MB", f => Every(f, new string('x', 1_048_576), MaxFieldsWithAMegabyte)),
        ("fecha inválida", f => Every(f, "2021-02-30")),
        ("fecha sin sentido", f => Every(f, "31/31/20211")),
        ("número enorme", f => Every(f, "1e309")),
        ("número negativo largo", f => Every(f, "-99999999999999999999999999,5")),
        ("caracteres de control", f => Every(f, "a\u0000b\u0001c\u001b[31m\u007f\u200e\ufeff")),
        ("UTF-8 inválido", f => Raw(f, "%FF%FE%C0%AF%ED%A0%80")),
        ("tabla de 10.000 filas", TenThousandRows),
        ("campos repetidos", f => new FormUrlEncodedContent(f.Concat(f.Where(p => !IsToken(p)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value + "-otro"))))),
        ("campos faltantes", f => new FormUrlEncodedContent(f.Where(IsToken))),
        ("multipart mal formado", f => MalformedMultipart()),
    ];

    private static readonly string[] BadFileNames = ["../../corpus-escape.pdf", "..\\..\\corpus-escape.pdf", "nul\0corpus-nul.pdf", new string('n', 296) + ".pdf"];

    [Theory]
    // The expert and the team first: coordination's corpus approves, reopens and closes what they work on.
    // The administrator reaches every coordination form too, so coordinators are not walked again.
    [InlineData("asignada.corpus@experto.example")]
    [InlineData("tandil@programa.example")]
    [InlineData("admin@programa.example")]
    public async Task EveryForm_ReceivingTheCorpus_AnswersWithoutServerErrorsOrReflectedMarkup(string email)
    {
        await ArrangeExpertAsync();
        var watch = Stopwatch.StartNew();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        var (forms, pages) = await DiscoverFormsAsync(client);
        var problems = new List<string>();
        var posts = 0;
        foreach (var form in forms.Values)
        {
            foreach (var (name, body) in Corpus)
            {
                // A fresh page each time: the current version and token, as a person would post.
                var fields = await FieldsAsync(client, form);
                if (fields is null)
                {
                    break; // the page no longer offers the form (e.g. the corpus deleted or closed its object)
                }

                posts++;
                using var response = await client.Http.PostAsync(form.Action, body(fields));
                await CheckAsync(response, $"{name} → POST {form.Action} (de {form.PageUrl})", problems);
            }

            if (form.HasFile)
            {
                foreach (var fileName in BadFileNames)
                {
                    var fields = await FieldsAsync(client, form);
                    if (fields is null)
                    {
                        break;
                    }

                    posts++;
                    using var response = await client.Http.PostAsync(form.Action, Upload(fields, form.FileField!, fileName));
                    await CheckAsync(response, $"archivo «{fileName[..Math.Min(20, fileName.Length)]}…» → POST {form.Action}", problems);
                }
            }
        }

        // Stored input shows up later, on other pages: none may carry it as markup.
        foreach (var url in pages.Take(MaxPagesPerRole))
        {
            using var response = await client.Http.GetAsync(url);
            await CheckAsync(response, $"GET {url} después del corpus", problems);
        }

        output.WriteLine($"{email}: {forms.Count} formularios × {Corpus.Length} entradas del corpus (+ nombres de archivo) = {posts} envíos, {problems.Count} problemas, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(forms.Count >= 3, $"Como {email} solo se encontraron {forms.Count} formularios.");
        Assert.True(problems.Count == 0, $"{problems.Count} problemas en {posts} envíos:\n" + string.Join("\n", problems.Take(60)));
        await AssertNothingOutsideTheFileStoreAsync();
        await AssertStoredValuesWithinLimitsAsync();
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what, List<string> problems)
    {
        if ((int)response.StatusCode >= 500)
        {
            problems.Add($"{what}: respondió {(int)response.StatusCode}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html" && Reflected().IsMatch(await response.Content.ReadAsStringAsync()))
        {
            problems.Add($"{what}: la página devuelve el marcado sin escapar");
        }
    }

    private async Task AssertNothingOutsideTheFileStoreAsync()
    {
        var outside = Directory.GetParent(Path.GetFullPath(factory.Database.DataPath))!.FullName;
        var escaped = Directory.EnumerateFiles(outside, "*corpus-escape*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true }).ToList();
        Assert.True(escaped.Count == 0, "Archivos guardados fuera del almacén: " + string.Join(", ", escaped));
        var storedNames = await factory.WithDbAsync(db => db.Attachments.Select(a => a.StoredName).ToListAsync());
        Assert.All(storedNames, n => Assert.Matches("^[0-9a-f]+$", n));
    }

    /// <summary>Drafts are capped on save: no stored draft value is longer than the longest field limit (ADR 0007).</summary>
    private async Task AssertStoredValuesWithinLimitsAsync()
    {
        var contents = await factory.WithDbAsync(db => db.DeliverableRevisions.Select(r => r.ContentJson).Concat(db.Deliverables.Select(d => d.ContentJson)).ToListAsync());
        var longest = contents.SelectMany(c => Strings(JsonDocument.Parse(c).RootElement)).DefaultIfEmpty("").Max(s => s.Length);
        Assert.True(longest <= 20_000, $"Un borrador guardó un valor de {longest} caracteres.");
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private sealed record FoundForm(string Action, string PageUrl, int Index, bool HasFile, string? FileField);

    /// <summary>Follows links from the home page; every POST form (and every button with its own action) is one target, once per route shape.</summary>
    private static async Task<(Dictionary<string, FoundForm> Forms, List<string> Pages)> DiscoverFormsAsync(PortalClient client)
    {
        var forms = new Dictionary<string, FoundForm>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            if (!visited.Add(url) || !shapes.Add(Shape(url)))
            {
                continue;
            }

            using var response = await client.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await PortalClient.ParseAsync(response);
            var index = 0;
            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var current = index++;
                if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var file = form.QuerySelector("input[type=file]")?.GetAttribute("name");
                var actions = new[] { form.GetAttribute("action") is { Length: > 0 } a ? a : url }
                    .Concat(form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!));
                foreach (var action in actions.Where(IsSafeTarget))
                {
                    forms.TryAdd(Shape(action), new FoundForm(action, url, current, file is not null && action.EndsWith("/adjuntos", StringComparison.Ordinal), file));
                }
            }

            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains("/exportar", StringComparison.Ordinal))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        return (forms, visited.ToList());
    }

    /// <summary>Signing out, or deactivating accounts, would end the walk rather than test input.</summary>
    private static bool IsSafeTarget(string action) =>
        !action.EndsWith("/salir", StringComparison.Ordinal) && !action.EndsWith("/desactivar", StringComparison.Ordinal)
        && (!action.Contains("/admin/usuarios/", StringComparison.Ordinal) || action.EndsWith("/invitar", StringComparison.Ordinal));

    /// <summary>"/proyectos/3/etapas/desafio" and "/proyectos/4/etapas/desafio" are one shape; query strings vary less than paths.</summary>
    private static string Shape(string url) => Regex.Replace(url.Split('?')[0], @"/\d+", "/{n}");

    private static async Task<List<KeyValuePair<string, string>>?> FieldsAsync(PortalClient client, FoundForm form)
    {
        using var response = await client.Http.GetAsync(form.PageUrl);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var page = await PortalClient.ParseAsync(response);
        var forms = page.QuerySelectorAll("form").ToList();
        if (form.Index >= forms.Count)
        {
            return null;
        }

        forms[form.Index].SetAttribute("data-corpus", "");
        return PortalClient.FormFields(page, "form[data-corpus]");
    }

    private static bool IsToken(KeyValuePair<string, string> field) => field.Key == "__RequestVerificationToken";

    private static FormUrlEncodedContent Every(List<KeyValuePair<string, string>> fields, string value, int maxFields = int.MaxValue)
    {
        var replaced = 0;
        return new FormUrlEncodedContent(fields.Select(f => IsToken(f) || replaced++ >= maxFields ? f : new(f.Key, value)));
    }

    /// <summary>Bytes that are not UTF-8, percent-encoded as a browser with a wrong charset would send them.</summary>
    private static StringContent Raw(List<KeyValuePair<string, string>> fields, string encodedValue) =>
        new(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + (IsToken(f) ? Uri.EscapeDataString(f.Value) : encodedValue))), Encoding.ASCII, "application/x-www-form-urlencoded");

    /// <summary>Every table of the form grows to 10,000 rows (and its row count says so).</summary>
    private static FormUrlEncodedContent TenThousandRows(List<KeyValuePair<string, string>> fields)
    {
        var cells = fields.Select(f => TableCell().Match(f.Key)).Where(m => m.Success)
            .Select(m => (Table: m.Groups["table"].Value, Column: m.Groups["column"].Value)).Distinct().ToList();
        var rows = cells.GroupBy(c => c.Table).Take(1)
            .SelectMany(table => Enumerable.Range(0, 10_000).SelectMany(row => table.Select(c => new KeyValuePair<string, string>($"{c.Table}.{row}.{c.Column}", $"fila {row}"))))
            .ToList();
        var counts = cells.Select(c => c.Table).Distinct().Select(t => new KeyValuePair<string, string>($"{t}.filas", "10000"));
        return new FormUrlEncodedContent(fields.Where(f => !TableCell().IsMatch(f.Key)).Concat(rows).Concat(counts));
    }

    private static StringContent MalformedMultipart()
    {
        var content = new StringContent("--limite\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nsin cierre", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=limite");
        return content;
    }

    private static MultipartFormDataContent Upload(List<KeyValuePair<string, string>> fields, string fileField, string fileName)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(AttachmentTestData.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        // Written by hand: the point is what arrives raw (a NUL travels RFC 5987-encoded, as headers cannot carry it).
        var disposition = fileName.Contains('\0', StringComparison.Ordinal)
            ? $"form-data; name=\"{fileField}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}"
            : $"form-data; name=\"{fileField}\"; filename=\"{fileName}\"";
        file.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        content.Add(file);
        return content;
    }

    /// <summary>Tandil's panel open with an expert who declared no conflict, so the evaluation form is reachable.</summary>
    private async Task ArrangeExpertAsync()
    {
        if (await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "asignada.corpus@experto.example")))
        {
            return;
        }

        var tandil = await factory.ProjectIdAsync("tandil");
        await factory.OpenPanelAsync(tandil);
        var expert = await factory.CreateUserAsync("asignada.corpus@experto.example", Roles.Expert);
        await factory.AssignAsync(tandil, expert.Id);
    }
}
