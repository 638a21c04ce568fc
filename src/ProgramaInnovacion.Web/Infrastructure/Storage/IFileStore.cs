namespace ProgramaInnovacion.Web.Infrastructure.Storage;

/// <summary>
/// Where uploaded files' bytes live. Names are chosen by the store (random), never by the user, so
/// a user's file name can never become a path. Local disk now; an S3 store can replace it.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes and returns the new random name.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken = default);

    Task DeleteAsync(string storedName, CancellationToken cancellationToken = default);
}
