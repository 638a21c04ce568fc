using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>
/// The screenshots in docs/screenshots (linked from README): each role's main pages at 1280 and
/// 375 px, taken by the accessibility crawl as it passes them. Written only when UPDATE_SCREENSHOTS=1,
/// so an ordinary test run (CI included) never changes the repository; the demo and the test clock
/// are fixed, so running it again redraws the same pages.
/// </summary>
public static class Screenshots
{
    public const string EnvironmentVariable = "UPDATE_SCREENSHOTS";

    /// <summary>Role → (page shape as <see cref="PageCrawler.Shape"/> writes it, file name).</summary>
    private static readonly Dictionary<string, (string Shape, string Name)[]> MainPages = new(StringComparer.Ordinal)
    {
        ["publico"] = [("^/cuenta/ingresar$", "ingresar")],
        ["equipo"] =
        [
            ("^/$", "inicio"), ("^/proyectos/#/etapas/actores$", "etapa-actores"), ("^/proyectos/#/historial$", "historial"),
            ("^/mesa-de-expertos$", "mesa-de-expertos"), ("^/red$", "red"), ("^/calendario$", "calendario"),
        ],
        ["coordinacion"] =
        [
            ("^/coordinacion$", "tablero"), ("^/revision$", "entregas-por-revisar"), ("^/proyectos/#/etapas/\\*/revision$", "revision"),
            ("^/coordinacion/vencimientos$", "vencimientos"), ("^/coordinacion/panel$", "mesa-de-expertos"), ("^/proyectos/#/dossier$", "dossier"),
        ],
        ["administracion"] = [("^/admin$", "administracion"), ("^/admin/usuarios$", "usuarios"), ("^/admin/ediciones/#/etapas$", "etapas-de-la-edicion")],
        ["experto"] = [("^/panel$", "proyectos-asignados"), ("^/panel/proyectos/#/evaluacion$", "evaluacion")],
        ["mentor"] = [("^/$", "proyectos-acompanados"), ("^/proyectos/#/etapas/desafio$", "etapa-desafio")],
    };

    private static readonly ConcurrentDictionary<string, byte> Taken = new(StringComparer.Ordinal);

    public static bool Enabled => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>The repository's docs/screenshots, found from the test binaries upwards.</summary>
    public static string Directory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ProgramaInnovacion.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("No encontré ProgramaInnovacion.sln."), "docs", "screenshots");
        }
    }

    /// <summary>Saves the page at its current width when it is one of <paramref name="role"/>'s main pages (first one of each).</summary>
    public static async Task SaveIfMainPageAsync(IPage page, string role, string path)
    {
        if (!Enabled || !MainPages.TryGetValue(role, out var pages))
        {
            return;
        }

        var shape = PageCrawler.Shape(path);
        foreach (var (pattern, name) in pages.Where(p => Regex.IsMatch(shape, p.Shape)))
        {
            var file = $"{role}-{name}-{page.ViewportSize?.Width}.png";
            if (Taken.TryAdd(file, 0))
            {
                System.IO.Directory.CreateDirectory(Directory);
                await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, file), FullPage = true, Animations = ScreenshotAnimations.Disabled });
            }
        }
    }
}
