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

    /// <summary>Only names this store made (32 hex characters) map to a path.</summary>
    private string PathOf(string storedName) =>
        storedName.Length == 32 && storedName.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Root, storedName)
            : throw new ArgumentException("Nombre de archivo almacenado inválido.", nameof(storedName));
}
