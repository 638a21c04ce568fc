using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;
using ProgramaInnovacion.Web.Features.Notifications;

namespace ProgramaInnovacion.IntegrationTests.Notifications;

/// <summary>The worker: retries against a real SMTP server, reminders in Argentina days, and two hosts racing (this class moves its own clock).</summary>
public class DeliveryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<DispatchPass> PassAsync(WebApplicationFactory<Program> host, string workerId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(workerId);
    }

    [Fact]
    public async Task WhenTheSmtpServerRefusesAtFirst_TheRequestSucceeds_AndTheEmailIsRetriedWithBackoff_AndDeliveredOnce()
    {
        var port = FreePort();
        await using var smtpHost = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Email:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Email:Smtp:Security", "None");
        });
        var url = $"/proyectos/{await StageForms.ProjectIdAsync(factory, "tandil")}/etapas/desafio";
        using (var coordinator = new PortalClient(smtpHost.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") })))
        {
            await coordinator.SignInAsync("coordinacion@programa.example");
            // Nothing listens on the port: the mail server is down, and the comment is saved all the same.
            var posted = await StageForms.PostAsync(coordinator, await coordinator.GetPageAsync(url), url + "/comentarios", new Dictionary<string, string> { ["texto"] = "Con el servidor de correo caído." }, "form[action$='/comentarios']");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        const string subject = "Nuevo comentario en «Desafío» (Tandil)";
        Task<OutgoingEmail> EmailAsync() => factory.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.To == "tandil@programa.example" && e.Subject == subject));
        var failed = await PassAsync(smtpHost, "worker-smtp");
        Assert.True(failed.Retried >= 1);
        var afterFailure = await EmailAsync();
        Assert.Equal((EmailStatus.Pending, 1, null), (afterFailure.Status, afterFailure.Attempts, afterFailure.SentAtUtc));
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime.AddSeconds(30), afterFailure.NextAttemptAtUtc);
        Assert.NotNull(afterFailure.LastError);

        using var server = SimpleSmtpServer.Start(port);
        await PassAsync(smtpHost, "worker-smtp"); // not yet due: the backoff holds it back
        Assert.Equal(0, server.ReceivedEmailCount);

        factory.Time.Advance(TimeSpan.FromSeconds(31));
        await PassAsync(smtpHost, "worker-smtp");
        await PassAsync(smtpHost, "worker-smtp");
        factory.Time.Advance(TimeSpan.FromHours(2));
        await PassAsync(smtpHost, "worker-smtp");
        var received = server.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == "tandil@programa.example") && m.Headers["Subject"]!.Contains("Desaf", StringComparison.Ordinal)).ToList();
        Assert.Single(received);
        var delivered = await EmailAsync();
        Assert.Equal((EmailStatus.Sent, 2), (delivered.Status, delivered.Attempts));
        Assert.NotNull(delivered.SentAtUtc);
    }

    /// <summary>Due on 20 December at 23:59 in Argentina (02:59 UTC on the 21st).</summary>
    private async Task<(int StageId, HashSet<string> Team)> StageDueOnTheTwentiethAsync()
    {
        var stageId = await StageForms.SetStateAsync(factory, "bariloche", "casos", StageState.InProgress);
        await factory.WithDbAsync(async db =>
        {
            var definition = await db.ProjectStages.Where(s => s.Id == stageId).Select(s => s.StageDefinition).SingleAsync();
            definition.DueAtUtc = ArgentinaTime.EndOfLocalDay(new DateOnly(2026, 12, 20));
            await db.SaveChangesAsync();
        });
        return (stageId, await factory.TeamEmailsAsync("bariloche"));
    }

    private Task<List<string>> RemindersToBarilocheAsync() =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Category == NotificationCategory.Reminders && n.ProjectId == db.Projects.Where(p => p.Municipality.Slug == "bariloche" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).First() && n.Title.Contains("Estudio de casos"))
            .OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());

    [Fact]
    public async Task Reminders_CountArgentinaDays_ThreeDaysBefore_OnTheDueDay_AndOnceOverdue_EachOnce()
    {
        var (_, team) = await StageDueOnTheTwentiethAsync();
        async Task<List<string>> AtAsync(int day, int hour, int minute)
        {
            factory.Time.SetUtcNow(new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.Zero));
            await factory.DeliverMailAsync();
            await factory.DeliverMailAsync();
            return (await RemindersToBarilocheAsync()).Distinct().ToList();
        }

        // 16 Dec, 23:30 in Argentina is already the 17th in UTC: still four days before, no reminder.
        Assert.Empty(await AtAsync(17, 2, 30));
        // 17 Dec, 00:05 in Argentina: three days before.
        Assert.Equal(["«Estudio de casos» vence en pocos días"], await AtAsync(17, 3, 5));
        // 19 Dec, 23:30 in Argentina (the 20th in UTC): not yet the due day.
        Assert.Single(await AtAsync(20, 2, 30));
        Assert.Equal(["«Estudio de casos» vence en pocos días", "«Estudio de casos» vence hoy"], await AtAsync(20, 3, 5));
        // 20 Dec, 23:58 in Argentina: still on time; 21 Dec, 00:00 in Argentina: overdue.
        Assert.Equal(2, (await AtAsync(21, 2, 58)).Count);
        Assert.Equal(["«Estudio de casos» vence en pocos días", "«Estudio de casos» vence hoy", "«Estudio de casos» está vencida"], await AtAsync(21, 3, 0));
        Assert.Equal(3, (await AtAsync(25, 12, 0)).Count);

        var all = await RemindersToBarilocheAsync();
        Assert.Equal(team.Count * 3, all.Count); // each reminder once per team member, however many passes ran
        foreach (var member in team)
        {
            var mail = Assert.Single(factory.Mails(member, "«Estudio de casos» está vencida"));
            Assert.Contains("Venció el 20 de diciembre de 2026, 23:59", mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoHostsOnOneDatabase_RaceOnTheSameReminders_AndEachIsWrittenAndSentExactlyOnce()
    {
        var stages = new[] { "tandil", "jesusmaria", "bahiablanca", "gualeguaychu" };
        foreach (var slug in stages)
        {
            await StageForms.SetStateAsync(factory, slug, "prueba", StageState.InProgress);
        }

        await factory.WithDbAsync(async db =>
        {
            foreach (var definition in await db.StageDefinitions.Where(d => d.Key == "prueba").ToListAsync())
            {
                definition.DueAtUtc = ArgentinaTime.EndOfLocalDay(ArgentinaTime.LocalDate(factory.Time.GetUtcNow().UtcDateTime).AddDays(-2));
            }

            await db.SaveChangesAsync();
        });
        await using var second = factory.WithWebHostBuilder(_ => { });

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Task.Run(() => PassAsync(factory, $"host-a-{round}")), Task.Run(() => PassAsync(second, $"host-b-{round}")));
        }

        foreach (var slug in stages)
        {
            var title = "«Prueba en territorio» está vencida";
            var team = await factory.TeamEmailsAsync(slug);
            var projectId = await StageForms.ProjectIdAsync(factory, slug);
            var told = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Title == title && n.ProjectId == projectId));
            Assert.Equal(team.Count, told);
            foreach (var member in team)
            {
                Assert.Single(factory.Mails(member, title));
                Assert.Equal(1, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == member && e.Subject == title && e.Status == EmailStatus.Sent)));
            }
        }
    }
}
