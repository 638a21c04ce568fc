using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure.Email;

// Queues N e-mails in the outbox of a fresh PostgreSQL database and lets two workers (each with its
// own connection, as two app instances would) deliver them to a pickup folder; prints the rate and
// checks that every e-mail went out exactly once.
// Usage: dotnet run -- [emails=2000] [postgres connection string without Database]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var baseConnection = args.Length > 1 ? args[1] : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
var connection = $"{baseConnection};Database=notification_bench_{Environment.ProcessId}";
AppDbContext NewContext() => new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).Options);

await using (var db = NewContext())
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
    var now = DateTime.UtcNow;
    db.OutgoingEmails.AddRange(Enumerable.Range(1, count).Select(i => new OutgoingEmail
    {
        To = $"persona{i}@programa.example",
        Subject = $"Aviso {i}",
        TextBody = "Hola:\n\nHay novedades en el portal.\n",
        HtmlBody = "<p>Hola:</p><p>Hay novedades en el portal.</p>",
        Category = NotificationCategory.Comments,
        CreatedAtUtc = now,
        NextAttemptAtUtc = now,
    }));
    await db.SaveChangesAsync();
}

var folder = Path.Combine(Path.GetTempPath(), $"notification-bench-{Environment.ProcessId}");
var emailOptions = Options.Create(new EmailOptions());
var settings = Options.Create(new NotificationOptions { BatchSize = 100 });

async Task<int> WorkerAsync(string id)
{
    await using var db = NewContext();
    var sender = new PickupFolderEmailSender(emailOptions, folder, NullLogger<PickupFolderEmailSender>.Instance);
    // Delivering needs only the database, the sender, the settings and the clock; the parts that
    // write notices (notifier, renderer, outbox, unsubscribe links) are not used by DeliverAsync.
    var dispatcher = new NotificationDispatcher(db, sender, null!, null!, null!, null!, settings, TimeProvider.System, NullLogger<NotificationDispatcher>.Instance);
    var sent = 0;
    while (true)
    {
        var (done, _, _) = await dispatcher.DeliverAsync(id);
        if (done == 0 && !await db.OutgoingEmails.AnyAsync(e => e.Status == EmailStatus.Pending))
        {
            return sent;
        }

        sent += done;
    }
}

var watch = Stopwatch.StartNew();
var results = await Task.WhenAll(Task.Run(() => WorkerAsync("worker-1")), Task.Run(() => WorkerAsync("worker-2")));
watch.Stop();

var files = Directory.GetFiles(folder, "*.eml").Length;
await using (var db = NewContext())
{
    var sentRows = await db.OutgoingEmails.CountAsync(e => e.Status == EmailStatus.Sent);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} correos, 2 workers en PostgreSQL: {watch.Elapsed.TotalSeconds:0.00} s → {count / watch.Elapsed.TotalSeconds:0} correos/s (worker-1: {results[0]}, worker-2: {results[1]})"));
    Console.WriteLine($"Enviados según la base: {sentRows}; archivos .eml: {files}; duplicados: {files - count}");
    await db.Database.EnsureDeletedAsync();
}

Directory.Delete(folder, recursive: true);
return files == count && results.Sum() == count ? 0 : 1;
