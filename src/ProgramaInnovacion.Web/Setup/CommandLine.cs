using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// Operator verbs run instead of the web server:
/// <c>migrate</c> applies migrations and seeds reference data;
/// <c>create-admin --email X [--name N]</c> creates the first administrator of an empty database;
/// <c>migrate-files</c> copies the local file store into S3 (<see cref="MigrateFilesCommand"/>);
/// <c>seed-synthetic</c> writes a large synthetic edition (<see cref="SeedSyntheticCommand"/>).
/// </summary>
public static class CommandLine
{
    public static async Task<int?> TryRunVerbAsync(WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-'));
        return verb switch
        {
            "migrate" => await MigrateAsync(app),
            "create-admin" => await CreateAdminAsync(app, args),
            "migrate-files" => await MigrateFilesCommand.RunAsync(app),
            "seed-synthetic" => await SeedSyntheticCommand.RunAsync(app, args),
            _ => null,
        };
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = await db.Database.ApplyPendingMigrationsAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
        Console.WriteLine(pending.Count == 0
            ? "La base de datos ya estaba al día."
            : $"Se aplicaron {pending.Count} migraciones: {string.Join(", ", pending)}.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = OptionValue(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Uso: create-admin --email persona@dominio [--name \"Nombre\"]");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ApplyPendingMigrationsAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"Ya existe una cuenta con el correo {email}.");
            return 1;
        }

        // A random password shown once: the administrator changes it after the first sign-in.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = OptionValue(args, "--name") ?? email,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("No se pudo crear la cuenta: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine($"Administrador creado: {email}");
        Console.WriteLine($"Contraseña temporal (se muestra una sola vez; cambiala al ingresar): {password}");
        return 0;
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
