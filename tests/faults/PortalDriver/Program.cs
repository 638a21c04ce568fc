using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using PortalDriver;

// Drives a running portal for the reliability scripts. Figures are printed, never asserted in a test.
//   load           --url U --pg CONN --workers 16 --writes-per-worker N --restart-after N --restart "cmd" --acks FILE
//   check          --pg CONN --acks FILE --store DIR
//   two-instances  --a URL --b URL --pg CONN
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args.Skip(1).ToArray());
return args.FirstOrDefault() switch
{
    "load" => await Load.RunAsync(options),
    "check" => await Check.RunAsync(options),
    "two-instances" => await TwoInstances.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("uso: PortalDriver load|check|two-instances --opción valor …");
    return 2;
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public string this[string name] => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"falta --{name}");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>One team's stage a worker writes to alone, so no write is refused as a conflict.</summary>
internal sealed record Target(string Team, string StageKey, bool Uploads);

internal static class Teams
{
    public static readonly string[] Slugs = ["tandil", "bariloche", "jesusmaria", "bahiablanca", "gualeguaychu"];

    /// <summary>Workers 0–4 own each team's prototype (draft, comment, upload); the rest own other stages with a long-text field.</summary>
    public static Target For(int worker)
    {
        string[] others = ["desafio", "validacion", "prueba", "proyecto-final"];
        return worker < Slugs.Length
            ? new Target(Slugs[worker], "prototipo", true)
            : new Target(Slugs[worker % Slugs.Length], others[(worker / Slugs.Length) - 1], false);
    }

    /// <summary>Opens the stages the load writes to (as a coordinator unlocking them would).</summary>
    public static async Task OpenStagesAsync(string connection, int workers)
    {
        var keys = Enumerable.Range(0, workers).Select(For).Select(t => t.StageKey).Distinct().ToArray();
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE "ProjectStages" ps SET "State" = 'InProgress'
            FROM "StageDefinitions" d WHERE ps."StageDefinitionId" = d."Id" AND d."Key" = ANY(@keys)
            """, db);
        command.Parameters.AddWithValue("keys", keys);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<int> ProjectIdAsync(Portal portal, string baseUrl)
    {
        // A team's home links to its project.
        var home = await portal.PageAsync(baseUrl + "/");
        var link = home.QuerySelectorAll("a[href^='/proyectos/']").Select(a => a.GetAttribute("href")!).First();
        return int.Parse(link.Split('/')[2].Split('?')[0], CultureInfo.InvariantCulture);
    }
}

internal static class Load
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options["url"].TrimEnd('/');
        var workers = options.Int("workers", 16);
        var perWorker = options.Int("writes-per-worker", 30);
        var restartAfter = options.Int("restart-after", workers * perWorker / 3);
        await Teams.OpenStagesAsync(options["pg"], workers);

        // One sign-in per team (workers of a team share its cookies), as a team's members would.
        var portals = new Dictionary<string, (Portal Portal, int ProjectId)>();
        foreach (var slug in Teams.Slugs)
        {
            var portal = Portal.Create(new CookieContainer(), TimeSpan.FromSeconds(60));
            await portal.SignInAsync(url, $"{slug}@programa.example", Portal.DemoPassword);
            portals[slug] = (portal, await Teams.ProjectIdAsync(portal, url));
        }

        var acks = new ConcurrentBag<string>();
        var results = new ConcurrentBag<(double At, bool Ok, string What)>();
        var clock = Stopwatch.StartNew();
        var completed = 0;
        var restart = new TaskCompletionSource<(double Start, double End)>();
        var restartTask = Task.Run(async () =>
        {
            while (Volatile.Read(ref completed) < restartAfter)
            {
                await Task.Delay(20);
            }

            var start = clock.Elapsed.TotalSeconds;
            using var process = Process.Start(new ProcessStartInfo("bash", ["-c", options["restart"]]))!;
            await process.WaitForExitAsync();
            restart.SetResult((start, clock.Elapsed.TotalSeconds));
        });

        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var target = Teams.For(worker);
            var (portal, projectId) = portals[target.Team];
            var stageUrl = $"{url}/proyectos/{projectId}/etapas/{target.StageKey}";
            for (var i = 0; i < perWorker; i++)
            {
                var kind = (i % 3) switch { 0 => "save", 1 => "comment", _ => target.Uploads ? "upload" : "save" };
                var marker = $"carga-{worker:00}-{i:000}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
                bool ok;
                string detail;
                try
                {
                    (ok, detail) = await WriteAsync(portal, stageUrl, kind, marker);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    (ok, detail) = (false, e.Message);
                }

                results.Add((clock.Elapsed.TotalSeconds, ok, $"{kind} {detail}"));
                if (ok)
                {
                    acks.Add($"{kind}\t{marker}");
                }

                Interlocked.Increment(ref completed);
            }
        })));
        var total = clock.Elapsed.TotalSeconds;
        await restartTask;
        var (restartStart, restartEnd) = await restart.Task;
        await File.WriteAllLinesAsync(options["acks"], acks);

        var errors = results.Where(r => !r.Ok).OrderBy(r => r.At).ToList();
        var recovery = errors.Count == 0 ? 0 : Math.Max(0, errors[^1].At - restartEnd);
        Console.WriteLine($"escrituras intentadas:            {results.Count} ({workers} conexiones, {perWorker} cada una, {total:0.0} s)");
        Console.WriteLine($"escrituras confirmadas (éxito):   {acks.Count}");
        Console.WriteLine($"reinicio de PostgreSQL:           de {restartStart:0.00} s a {restartEnd:0.00} s ({restartEnd - restartStart:0.00} s)");
        Console.WriteLine($"errores durante el reinicio:      {errors.Count}");
        Console.WriteLine($"segundos hasta cero errores:      {recovery:0.00} (último error a {(errors.Count == 0 ? 0 : errors[^1].At):0.00} s)");
        foreach (var error in errors.Take(5))
        {
            Console.WriteLine($"  error a {error.At:0.00} s: {error.What}");
        }

        File.WriteAllText(options["acks"] + ".recovery", recovery.ToString("0.00", CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>One write as a browser makes it (page, then post); acknowledged when the portal redirects.</summary>
    private static async Task<(bool Ok, string Detail)> WriteAsync(Portal portal, string stageUrl, string kind, string marker)
    {
        var page = await portal.PageAsync(stageUrl);
        HttpResponseMessage response;
        if (kind == "comment")
        {
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action$='/comentarios']")!;
            var fields = Portal.Fields(form);
            fields["texto"] = marker;
            response = await portal.Http.PostAsync(stageUrl + "/comentarios", new FormUrlEncodedContent(fields));
        }
        else
        {
            var form = Portal.StageForm(page);
            var fields = Portal.Fields(form);
            fields[Portal.FirstLongTextField(form)] = marker;
            if (kind == "save")
            {
                response = await portal.Http.PostAsync(stageUrl + "/guardar", new FormUrlEncodedContent(fields));
            }
            else
            {
                var content = new MultipartFormDataContent();
                foreach (var (name, value) in fields)
                {
                    content.Add(new StringContent(value), name);
                }

                content.Add(new StringContent("adjuntos"), "campo");
                content.Add(new ByteArrayContent(UploadBytes(marker)), "f.adjuntos.archivo", marker + ".pdf");
                response = await portal.Http.PostAsync(stageUrl + "/adjuntos", content);
            }
        }

        return (response.StatusCode == HttpStatusCode.Redirect, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    public static byte[] UploadBytes(string marker) => [.. "%PDF-1.4\n"u8, .. Encoding.ASCII.GetBytes(marker), .. new byte[64 * 1024]];
}

internal static class Check
{
    public static async Task<int> RunAsync(Options options)
    {
        var acks = (await File.ReadAllLinesAsync(options["acks"])).Select(l => l.Split('\t')).ToList();
        var store = options["store"];
        await using var db = new NpgsqlConnection(options["pg"]);
        await db.OpenAsync();
        var missing = new List<string>();
        foreach (var ack in acks)
        {
            var (kind, marker) = (ack[0], ack[1]);
            var found = kind switch
            {
                "save" => await ExistsAsync(db, """SELECT count(*) FROM "DeliverableRevisions" WHERE "ContentJson" LIKE '%' || @m || '%'""", marker),
                "comment" => await ExistsAsync(db, """SELECT count(*) FROM "Comments" WHERE "BodyMarkdown" = @m""", marker),
                _ => await UploadFoundAsync(db, store, marker),
            };
            if (!found)
            {
                missing.Add($"{kind} {marker}");
            }
        }

        Console.WriteLine($"escrituras confirmadas:           {acks.Count}");
        Console.WriteLine($"escrituras encontradas:           {acks.Count - missing.Count} (base de datos y almacén de archivos)");
        foreach (var m in missing.Take(20))
        {
            Console.WriteLine($"  FALTA: {m}");
        }

        return missing.Count == 0 ? 0 : 1;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection db, string sql, string marker)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("m", marker);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The attachment row, and its bytes in the store with the size the row says.</summary>
    private static async Task<bool> UploadFoundAsync(NpgsqlConnection db, string store, string marker)
    {
        await using var command = new NpgsqlCommand("""SELECT "StoredName", "SizeBytes" FROM "Attachments" WHERE "OriginalFileName" = @f""", db);
        command.Parameters.AddWithValue("f", marker + ".pdf");
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return false;
        }

        var file = new FileInfo(Path.Combine(store, reader.GetString(0)));
        return file.Exists && file.Length == reader.GetInt64(1) && file.Length == Load.UploadBytes(marker).Length;
    }
}

internal static class TwoInstances
{
    public static async Task<int> RunAsync(Options options)
    {
        var a = options["a"].TrimEnd('/');
        var b = options["b"].TrimEnd('/');
        await Teams.OpenStagesAsync(options["pg"], workers: 1); // Tandil's prototype stage, where files go
        // One cookie jar for both: cookies do not depend on the port, as behind a load balancer.
        var portal = Portal.Create(new CookieContainer(), TimeSpan.FromSeconds(30));
        var failures = 0;

        async Task StepAsync(string name, Func<Task<string>> step)
        {
            try
            {
                Console.WriteLine($"PASA  {name}: {await step()}");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"FALLA {name}: {e.Message}");
            }
        }

        var projectId = 0;
        await StepAsync("ingreso en la instancia A, la cookie sirve en la B", async () =>
        {
            await portal.SignInAsync(a, "tandil@programa.example", Portal.DemoPassword);
            projectId = await Teams.ProjectIdAsync(portal, b); // a page only a signed-in team member gets
            var account = await portal.PageAsync(b + $"/proyectos/{projectId}");
            return account.Title ?? "página del proyecto";
        });

        var stageUrl = $"/proyectos/{projectId}/etapas/prototipo";
        await StepAsync("formulario generado por A, enviado a B", async () =>
        {
            var form = Portal.StageForm(await portal.PageAsync(a + stageUrl));
            var fields = Portal.Fields(form);
            var marker = "dos-instancias-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            fields[Portal.FirstLongTextField(form)] = marker;
            var response = await portal.Http.PostAsync(b + stageUrl + "/guardar", new FormUrlEncodedContent(fields));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"B respondió {(int)response.StatusCode} al guardar");
            }

            var shown = (await portal.PageAsync(a + stageUrl)).QuerySelector("#form-entregable")!.TextContent;
            return shown.Contains(marker, StringComparison.Ordinal)
                ? "B guardó el borrador (token antifalsificación de A aceptado) y A lo muestra"
                : throw new InvalidOperationException("A no muestra el borrador guardado en B");
        });

        await StepAsync("archivo subido en A, descargado de B", async () =>
        {
            var form = Portal.StageForm(await portal.PageAsync(a + stageUrl));
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in Portal.Fields(form))
            {
                content.Add(new StringContent(value), name);
            }

            var marker = "archivo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var bytes = Load.UploadBytes(marker);
            content.Add(new StringContent("adjuntos"), "campo");
            content.Add(new ByteArrayContent(bytes), "f.adjuntos.archivo", marker + ".pdf");
            var upload = await portal.Http.PostAsync(a + stageUrl + "/adjuntos", content);
            if (upload.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"A respondió {(int)upload.StatusCode} a la subida");
            }

            var page = await portal.PageAsync(b + stageUrl);
            var link = page.QuerySelectorAll("a[href*='/adjuntos/']").FirstOrDefault(l => l.TextContent.Contains(marker, StringComparison.Ordinal))
                ?? throw new InvalidOperationException("B no lista el archivo");
            var download = await portal.Http.GetAsync(b + link.GetAttribute("href"));
            var received = await download.Content.ReadAsByteArrayAsync();
            return download.StatusCode == HttpStatusCode.OK && received.AsSpan().SequenceEqual(bytes)
                ? $"{received.Length} bytes idénticos"
                : throw new InvalidOperationException($"B respondió {(int)download.StatusCode} con {received.Length} bytes");
        });

        Console.WriteLine(failures == 0 ? "Todos los pasos pasaron." : $"{failures} paso(s) fallaron.");
        return failures == 0 ? 0 : 1;
    }
}
