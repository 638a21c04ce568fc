using System.Globalization;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Survey;

/// <summary>
/// A municipality's dimension scores (0–4) as a radar drawn on the server as SVG (no script, CSP
/// friendly); the page puts the same numbers in a table beside it.
/// </summary>
public sealed class RadarChart(IReadOnlyList<DimensionScore> scores)
{
    public const int Size = 320;
    private const double Center = Size / 2.0;
    private const double Radius = 110;

    public IReadOnlyList<DimensionScore> Scores { get; } = scores;

    private double Angle(int i) => -Math.PI / 2 + (2 * Math.PI * i / Math.Max(1, Scores.Count));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private string Point(int i, double value)
    {
        var r = Radius * value / MaturityScoring.MaxAnswer;
        return $"{F(Center + (r * Math.Cos(Angle(i))))},{F(Center + (r * Math.Sin(Angle(i))))}";
    }

    /// <summary>The grid polygon of one level of the 0–4 scale.</summary>
    public string Ring(int level) => string.Join(" ", Scores.Select((_, i) => Point(i, level)));

    public string Shape => string.Join(" ", Scores.Select((s, i) => Point(i, s.Score ?? 0)));

    public (string X1, string Y1, string X2, string Y2) Axis(int i)
    {
        var end = Point(i, MaturityScoring.MaxAnswer).Split(',');
        return (F(Center), F(Center), end[0], end[1]);
    }

    /// <summary>Where the dimension's name goes, just outside the axis, and its text anchor.</summary>
    public (string X, string Y, string Anchor) Label(int i)
    {
        var x = Center + ((Radius + 12) * Math.Cos(Angle(i)));
        var y = Center + ((Radius + 12) * Math.Sin(Angle(i)));
        var anchor = Math.Abs(x - Center) < 1 ? "middle" : x > Center ? "start" : "end";
        return (F(x), F(y + 4), anchor);
    }

    /// <summary>The dimension's short name on the chart (the table beside it has the full one).</summary>
    public static string ShortName(string name) => name.Split(' ')[0];
}
