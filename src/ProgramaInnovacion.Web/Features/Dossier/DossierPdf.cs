using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Dossier;

/// <summary>
/// The dossier as a PDF drawn on the server with PDFsharp (MIT): A4, the running head on every
/// page with the page number, each approved deliverable, the panel's result and recommendations,
/// the action plan and the timeline each starting a page, and an outline (bookmarks) per section.
/// Text is wrapped word by word; a long section flows onto as many pages as it needs.
/// </summary>
public static class DossierPdf
{
    public const string FontFamily = "DejaVu Sans";

    private const double Margin = 50;
    private const double HeadHeight = 28;

    private static readonly CultureInfo EsAr = CultureInfo.GetCultureInfo("es-AR");

    static DossierPdf()
    {
        // PDFsharp 6 finds no system fonts on Linux by itself: the bundled DejaVu Sans has every Spanish character.
        if (GlobalFontSettings.FontResolver is null)
        {
            GlobalFontSettings.FontResolver = new BundledFontResolver();
        }
    }

    public static byte[] Render(DossierViewModel model)
    {
        var document = new PdfDocument();
        document.Info.Title = $"Dossier de {model.Municipality}{(model.Title is null ? "" : $": {model.Title}")}";
        document.Info.Subject = model.Edition;
        document.Info.Creator = "Programa de Innovación – RIL";
        var writer = new Writer(document, model.RunningHead);

        writer.NewSection($"Dossier de {model.Municipality}");
        writer.Paragraph(model.Edition, writer.Small);
        writer.Paragraph($"Dossier de {model.Municipality} ({model.Province})", writer.Title);
        if (model.Title is not null)
        {
            writer.Paragraph(model.Title, writer.Heading);
        }

        writer.Paragraph($"{model.Stages.Count} entregables aprobados." + (model.Panel is null ? " La mesa de expertos todavía no publicó su resultado." : ""), writer.Body);

        foreach (var stage in model.Stages)
        {
            writer.NewSection($"{stage.Order}. {stage.Name}");
            writer.Paragraph($"{stage.Order}. {stage.Name}", writer.Heading);
            if (stage.ApprovedAtUtc is { } approved)
            {
                writer.Paragraph($"Aprobada el {ArgentinaClock.DateText(approved)}", writer.Small);
            }

            var content = stage.Content.Content;
            foreach (var field in stage.Content.Schema.Fields)
            {
                writer.Paragraph(field.Label, writer.Label);
                if (field.Type == FieldType.Table)
                {
                    var rows = content.DisplayRows(field);
                    if (rows.Count == 0)
                    {
                        writer.Paragraph("(sin filas)", writer.Body);
                    }

                    foreach (var (row, index) in rows.Select((r, i) => (r, i + 1)))
                    {
                        var cells = (field.Columns ?? []).Select(c => $"{c.Label}: {(row.TryGetValue(c.Key, out var v) && v.Length > 0 ? v : "—")}");
                        writer.Paragraph($"{index}. {string.Join(" · ", cells)}", writer.Body, indent: 12);
                    }
                }
                else
                {
                    var text = content.Display(field);
                    writer.Paragraph(text.Length == 0 ? "(vacío)" : text, writer.Body);
                }
            }
        }

        if (model.Panel is { } panel)
        {
            writer.NewSection("Resultado de la mesa de expertos");
            writer.Paragraph("Resultado de la mesa de expertos", writer.Heading);
            if (model.PanelPublishedAtUtc is { } published)
            {
                writer.Paragraph($"Publicado el {ArgentinaClock.DateText(published)}", writer.Small);
            }

            writer.Paragraph($"Promedio ponderado: {Score(panel.WeightedAverage)} sobre 5", writer.Label);
            foreach (var criterion in panel.Criteria)
            {
                writer.Paragraph($"{criterion.Criterion.Name} (peso {criterion.Criterion.Weight} %): {Score(criterion.Average)}", writer.Body, indent: 12);
            }

            writer.Paragraph("Recomendaciones", writer.Label);
            foreach (var group in panel.RecommendationsByCategory)
            {
                foreach (var recommendation in group)
                {
                    writer.Paragraph($"{group.Key.Label()} · prioridad {recommendation.Priority.Label().ToLowerInvariant()} · {recommendation.ExpertLabel}: {recommendation.Text}", writer.Body, indent: 12);
                }
            }

            writer.NewSection("Plan de acción del equipo");
            writer.Paragraph("Plan de acción del equipo", writer.Heading);
            if (model.ActionPlan.Count == 0)
            {
                writer.Paragraph("El equipo todavía no respondió las recomendaciones.", writer.Body);
            }

            foreach (var item in model.ActionPlan)
            {
                var response = item.Response!;
                writer.Paragraph(item.Text, writer.Label);
                writer.Paragraph($"{response.Decision!.Value.Label()}: {response.Action}" +
                    (response.TargetDate is { } target ? $" (fecha prevista: {target.ToString("d 'de' MMMM 'de' yyyy", EsAr)})" : ""), writer.Body, indent: 12);
            }
        }

        writer.NewSection("Historial del proyecto");
        writer.Paragraph("Historial del proyecto", writer.Heading);
        foreach (var row in model.Timeline.Where(r => r.Action != StageAction.SaveDraft))
        {
            writer.Paragraph($"{ArgentinaClock.DateTimeText(row.OccurredAtUtc)} · {row.Stage} · {row.ActionText} ({row.Who})" +
                (string.IsNullOrWhiteSpace(row.Comment) ? "" : $": {row.Comment}"), writer.Body);
        }

        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Score(double? value) => value?.ToString("0.00", EsAr) ?? "—";

    /// <summary>Lays paragraphs out top to bottom, opening pages as needed.</summary>
    private sealed class Writer(PdfDocument document, string runningHead)
    {
        public readonly XFont Title = new(FontFamily, 18, XFontStyleEx.Bold);
        public readonly XFont Heading = new(FontFamily, 14, XFontStyleEx.Bold);
        public readonly XFont Label = new(FontFamily, 10.5, XFontStyleEx.Bold);
        public readonly XFont Body = new(FontFamily, 10, XFontStyleEx.Regular);
        public readonly XFont Small = new(FontFamily, 8.5, XFontStyleEx.Regular);

        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        public void NewSection(string outline)
        {
            NewPage();
            document.Outlines.Add(outline, _page!, true);
        }

        public void Paragraph(string text, XFont font, double indent = 0)
        {
            var width = _page!.Width.Point - (2 * Margin) - indent;
            var lineHeight = font.GetHeight() * 1.25;
            foreach (var line in Wrap(text, font, width))
            {
                if (_y + lineHeight > _page.Height.Point - Margin)
                {
                    NewPage();
                }

                _y += lineHeight;
                _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y));
            }

            _y += lineHeight * 0.4;
        }

        public void Finish()
        {
            _gfx?.Dispose();
            for (var i = 0; i < document.PageCount; i++)
            {
                using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var page = document.Pages[i];
                gfx.DrawString(runningHead, Small, XBrushes.Black, new XPoint(Margin, Margin - 12));
                gfx.DrawLine(XPens.Gray, Margin, Margin - 6, page.Width.Point - Margin, Margin - 6);
                var number = $"Página {i + 1} de {document.PageCount}";
                gfx.DrawString(number, Small, XBrushes.Black, new XPoint(page.Width.Point - Margin - gfx.MeasureString(number, Small).Width, page.Height.Point - (Margin / 2)));
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin + HeadHeight - 20;
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (line.Length > 0 && _gfx!.MeasureString(candidate, font).Width > width)
                    {
                        yield return line;
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                yield return line;
            }
        }
    }

    /// <summary>Resolves every family to the DejaVu Sans faces embedded in the assembly.</summary>
    private sealed class BundledFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var resource = typeof(DossierPdf).Assembly.GetManifestResourceStream($"Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Falta la fuente {faceName} en el ensamblado.");
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
