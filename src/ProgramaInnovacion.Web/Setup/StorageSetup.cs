namespace ProgramaInnovacion.Web.Setup;

public static class StorageSetup
{
    /// <summary>
    /// The app's data folder (SQLite file, uploads, e-mail pickup): `Storage:DataPath`, relative to
    /// the content root, default App_Data. Outside wwwroot so nothing in it is served as a static file.
    /// </summary>
    public static string ResolveDataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataPath"];
        var path = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));
        Directory.CreateDirectory(full);
        return full;
    }
}
