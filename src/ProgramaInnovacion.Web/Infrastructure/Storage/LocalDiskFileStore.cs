using System.Security.Cryptography;

namespace ProgramaInnovacion.Web.Infrastructure.Storage;

/// <summary>Files under the data folder's uploads directory (outside wwwroot), named by 128 random bits.</summary>
public sealed class LocalDiskFileStore(string root) : IFileStore
{
    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(name);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return name;
    }

    public Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(storedName);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(storedName));
        return Task.CompletedTask;
    }

    /// <summary>The names of the files in the store (for the migrate-files command).</summary>
    public IEnumerable<string> StoredNames() =>
        Directory.EnumerateFiles(Root).Select(Path.GetFileName).OfType<string>().Where(IsStoredName);

    public string PathOf(string storedName) => Path.Combine(Root, CheckedName(storedName));

    /// <summary>Only names a store made (32 lowercase hex characters) map to a path or a key.</summary>
    internal static string CheckedName(string storedName) =>
        IsStoredName(storedName) ? storedName : throw new ArgumentException("Nombre de archivo almacenado inválido.", nameof(storedName));

    private static bool IsStoredName(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);
}
