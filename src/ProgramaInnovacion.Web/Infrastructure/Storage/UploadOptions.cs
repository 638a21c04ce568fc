namespace ProgramaInnovacion.Web.Infrastructure.Storage;

/// <summary>Configuration `Storage:MaxUploadBytes` (default 20 MB).</summary>
public sealed class UploadOptions
{
    public const long DefaultMaxUploadBytes = 20L * 1024 * 1024;

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>"20 MB" as a person reads it.</summary>
    public string MaxUploadText => MaxUploadBytes % (1024 * 1024) == 0 ? $"{MaxUploadBytes / (1024 * 1024)} MB" : $"{MaxUploadBytes / 1024.0 / 1024.0:0.#} MB";
}
