using System.Globalization;
using System.Text;
using CsvHelper;

namespace ProgramaInnovacion.Web.Features.Municipalities;

/// <summary>One data row of the file as typed (the line is the file's row number, header = 1).</summary>
public sealed record MunicipalityCsvRow(int Line, string Code, string Name, string Province, string Population);

/// <summary>The rows of a file, or why it could not be read (a Spanish message for the whole file).</summary>
public sealed record MunicipalityCsvReading(IReadOnlyList<MunicipalityCsvRow> Rows, string? Error)
{
    public static MunicipalityCsvReading Fail(string error) => new([], error);
}

/// <summary>
/// Reads the municipalities file the way Argentine spreadsheets export it: UTF-8 with or without a
/// BOM, or Windows-1252 (Latin-1) when the bytes are not valid UTF-8; "," or ";" between columns
/// (the header row decides); columns named in Spanish in any order, with or without accents.
/// Parsing is CsvHelper's (quotes, separators inside quotes); this class only decides the dialect.
/// </summary>
public static class MunicipalityCsv
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;

    public const string ExpectedColumns = "código, nombre, provincia y población";

    private static readonly string[] CodeHeaders = ["codigo", "codigoindec", "codigooficial", "cod", "codindec", "id", "codigobahra"];
    private static readonly string[] NameHeaders = ["nombre", "municipio", "gobiernolocal", "localidad"];
    private static readonly string[] ProvinceHeaders = ["provincia"];
    private static readonly string[] PopulationHeaders = ["poblacion", "habitantes"];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM dropped), otherwise Windows-1252, a superset of Latin-1 for letters.</summary>
    public static string Decode(byte[] bytes)
    {
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    private static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static MunicipalityCsvReading Read(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return MunicipalityCsvReading.Fail("El archivo está vacío. Subí un CSV con una fila de títulos y una fila por municipio.");
        }

        return bytes.Length > MaxBytes
            ? MunicipalityCsvReading.Fail($"El archivo pesa más de {MaxBytes / 1024 / 1024} MB; un CSV de todos los municipios del país pesa menos de 1 MB.")
            : Parse(Decode(bytes));
    }

    public static MunicipalityCsvReading Parse(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        if (firstLine.Contains('\0', StringComparison.Ordinal))
        {
            return MunicipalityCsvReading.Fail("El archivo no es un CSV de texto (¿es una planilla .xlsx?). Guardala como «CSV» desde la planilla y volvé a subirla.");
        }

        var options = CsvReaderOptions.Default with
        {
            // The header row decides: an Argentine spreadsheet writes ";" (its decimal mark is the comma).
            Separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            var names = csv.Headers.Select(Normalize).ToList();
            if (names.All(n => n.Length == 0))
            {
                return MunicipalityCsvReading.Fail("El archivo está vacío. Subí un CSV con una fila de títulos y una fila por municipio.");
            }

            var missing = new List<string>();
            var code = Column(names, CodeHeaders, "código", missing);
            var name = Column(names, NameHeaders, "nombre", missing);
            var province = Column(names, ProvinceHeaders, "provincia", missing);
            var population = Column(names, PopulationHeaders, "población", missing);
            if (missing.Count > 0)
            {
                return MunicipalityCsvReading.Fail($"A la primera fila le {(missing.Count == 1 ? "falta la columna" : "faltan las columnas")} «{string.Join("», «", missing)}». La primera fila nombra las columnas: {ExpectedColumns} (separadas por coma o por punto y coma).");
            }

            var rows = new List<MunicipalityCsvRow>();
            while (csv.Read())
            {
                if (rows.Count == MaxRows)
                {
                    return MunicipalityCsvReading.Fail($"El archivo tiene más de {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("es-AR"))} filas; el país tiene unos 2.300 gobiernos locales.");
                }

                string Field(int index) => index < csv.FieldCount ? csv.GetString(index).Trim() : "";
                var row = new MunicipalityCsvRow((int)csv.LineNumber, Field(code), Field(name), Field(province), Field(population));
                if (row is { Code: "", Name: "", Province: "", Population: "" })
                {
                    continue; // a row of empty cells, as spreadsheets leave at the end
                }

                rows.Add(row);
            }

            return rows.Count == 0
                ? MunicipalityCsvReading.Fail("El archivo tiene la fila de títulos pero ningún municipio.")
                : new MunicipalityCsvReading(rows, null);
        }
        catch (CsvFormatException)
        {
            return MunicipalityCsvReading.Fail("El archivo no se pudo leer como CSV (¿comillas sin cerrar?). Guardalo de nuevo como «CSV» desde la planilla.");
        }
    }

    private static int Column(List<string> names, string[] accepted, string label, List<string> missing)
    {
        var index = names.FindIndex(accepted.Contains);
        if (index < 0)
        {
            missing.Add(label);
        }

        return index;
    }

    /// <summary>"Código INDEC" → "codigoindec": headers match without case, accents, spaces or punctuation.</summary>
    public static string Normalize(string? header) =>
        new(Core.Knowledge.SearchText.Fold(header ?? "").Where(char.IsAsciiLetterOrDigit).ToArray());
}
