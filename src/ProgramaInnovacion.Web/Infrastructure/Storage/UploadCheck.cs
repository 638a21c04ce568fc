namespace ProgramaInnovacion.Web.Infrastructure.Storage;

/// <summary>The checks every upload passes before it is stored (stage attachments, commitment letters): a plain name, not empty, within the size limit, of an allowed type by its bytes.</summary>
public static class UploadCheck
{
    /// <summary>The file's type, or the Spanish reason it is refused.</summary>
    public static (FileKind? Kind, string? Problem) Check(IFormFile file, UploadOptions uploads)
    {
        var displayName = file.FileName;
        if (!IsPlainFileName(displayName))
        {
            return (null, $"El nombre del archivo «{Shorten(displayName)}» no es válido: no puede incluir carpetas («/», «\\» o «..»). Cambiale el nombre y volvé a subirlo.");
        }

        if (file.Length == 0)
        {
            return (null, $"El archivo «{displayName}» está vacío.");
        }

        if (file.Length > uploads.MaxUploadBytes)
        {
            return (null, $"El archivo «{displayName}» pesa {file.Length / 1024.0 / 1024.0:0.#} MB y el máximo es {uploads.MaxUploadText}.");
        }

        using var stream = file.OpenReadStream();
        var kind = FileTypeDetector.Detect(stream, displayName);
        return kind is null
            ? (null, $"El archivo «{displayName}» no es de un tipo permitido o su contenido no coincide con su extensión. Tipos permitidos: {FileTypeDetector.AllowedList}.")
            : (kind, null);
    }

    public static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 200
        && name.Trim().Length > 0
        && !name.Contains('/', StringComparison.Ordinal)
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Any(char.IsControl);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
