using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Notifications;

/// <summary>Preferences, the daily digest, unsubscribing, the bell and the delivery log (this class moves its own clock).</summary>
public partial class NotificationPreferenceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    [GeneratedRegex(@"https?://\S+/avisos/baja\?t=\S+")]
    private static partial Regex UnsubscribeLink();

    /// <summary>The bell's accessible name: its text without what is hidden from assistive technology.</summary>
    private static string Bell(AngleSharp.Dom.IDocument page)
    {
        var link = page.QuerySelector("a.notification-bell")!;
        var text = string.Concat(link.ChildNodes.Where(n => n is not AngleSharp.Dom.IElement e || e.GetAttribute("aria-hidden") != "true").Select(n => n.TextContent));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // any white space collapses, as in an accessible name
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    private async Task ChooseAsync(string email, NotificationCategory category, EmailDelivery delivery)
    {
        using var client = await SignedInAsync(email);
        var page = await client.GetPageAsync("/avisos/preferencias");
        var index = page.QuerySelectorAll("fieldset").Select((f, i) => (f, i)).Single(x => x.f.QuerySelector("legend")!.TextContent == NotificationCategories.Name(category)).i;
        var response = await client.SubmitFormAsync(page, "main form", new Dictionary<string, string> { [$"Rows[{index}].Delivery"] = delivery.ToString() }, "/avisos/preferencias");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task CommentAsCoordinatorAsync(string url, string text)
    {
        using var coordinator = await SignedInAsync(Coordinator);
        var posted = await StageForms.PostAsync(coordinator, await coordinator.GetPageAsync(url), url + "/comentarios", new Dictionary<string, string> { ["texto"] = text }, "form[action$='/comentarios']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task Preferences_AreHonoured_AndTheDigestGathersTheDayIntoOneEmail_SentOnceFromSevenInTheMorning()
    {
        var immediate = "bariloche@programa.example";
        var off = (await factory.CreateUserAsync("sin.correos@bariloche.example", Roles.MunicipalTeam, "bariloche")).Email!;
        var digest = (await factory.CreateUserAsync("resumen@bariloche.example", Roles.MunicipalTeam, "bariloche")).Email!;
        await ChooseAsync(off, NotificationCategory.Comments, EmailDelivery.Off);
        await ChooseAsync(digest, NotificationCategory.Comments, EmailDelivery.DailyDigest);
        var url = $"/proyectos/{await StageForms.ProjectIdAsync(factory, "bariloche")}/etapas/desafio";
        var mark = await factory.MarkAsync();

        await CommentAsCoordinatorAsync(url, "Primera observación del día.");
        await CommentAsCoordinatorAsync(url, "Segunda observación del día.");
        var title = "Nuevo comentario en «Desafío» (Bariloche)";
        var told = await factory.SinceAsync(mark);
        Assert.Equal(2, told.Count(n => n.Email == off)); // in-app always
        Assert.Equal(2, told.Count(n => n.Email == digest));
        await factory.DeliverMailAsync();
        Assert.Equal(2, factory.Mails(immediate, title).Count);
        Assert.Empty(factory.Mails(off, title));
        Assert.Empty(factory.Mails(digest, title));

        // The next day before seven (Argentina) nothing yet; from seven, one digest; never a second.
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 17, 9, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await factory.DeliverMailAsync()).Digests);
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 17, 10, 0, 0, TimeSpan.Zero));
        await CommentAsCoordinatorAsync(url, "Observación del día siguiente.");
        await factory.DeliverMailAsync();
        await factory.DeliverMailAsync();
        var mail = Assert.Single(factory.Mails(digest, "Tu resumen diario: 2 novedades"));
        Assert.Contains("Primera observación del día.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Segunda observación del día.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Observación del día siguiente.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("16 de noviembre de 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Matches(UnsubscribeLink(), mail.TextBody);
        Assert.Empty(factory.Mails(off, "Tu resumen diario: 2 novedades"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Recipient.Email == digest && n.Digest == DigestState.Waiting)));
    }

    [Fact]
    public async Task TheUnsubscribeLinkOfAnEmail_WorksWithoutSigningIn_AndSwitchesOnlyThatCategoryOff()
    {
        var person = (await factory.CreateUserAsync("baja@tandil.example", Roles.MunicipalTeam, "tandil")).Email!;
        await CommentAsCoordinatorAsync($"/proyectos/{await StageForms.ProjectIdAsync(factory, "tandil")}/etapas/desafio", "Un comentario para darse de baja.");
        await factory.DeliverMailAsync();
        var mail = Assert.Single(factory.Mails(person, "Nuevo comentario en «Desafío» (Tandil)"));
        var link = new Uri(UnsubscribeLink().Match(mail.TextBody ?? "").Value);

        using var anonymous = factory.CreatePortalClient();
        var confirm = await anonymous.GetPageAsync(link.PathAndQuery);
        Assert.Contains("¿Querés dejar de recibir los correos de «Comentarios en las entregas»?", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.NotificationPreferences.Where(p => p.User.Email == person).Select(p => (EmailDelivery?)p.Delivery).SingleOrDefaultAsync()));
        var done = await anonymous.SubmitFormAsync(confirm, "main form", new Dictionary<string, string>(), link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("ya no vas a recibir correos de «Comentarios en las entregas»", (await PortalClient.ParseAsync(done)).Body!.TextContent, StringComparison.Ordinal);
        var chosen = await factory.WithDbAsync(db => db.NotificationPreferences.Where(p => p.User.Email == person).Select(p => new { p.Category, p.Delivery }).ToListAsync());
        Assert.Equal([(NotificationCategory.Comments, EmailDelivery.Off)], chosen.Select(c => (c.Category, c.Delivery)));

        var forged = await anonymous.GetPageAsync("/avisos/baja?t=no-es-un-token");
        Assert.Contains("El enlace no es válido", forged.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBell_CountsUnread_AndMarkingOneOrAllReadChangesIt_ButNeverAnotherPersonsNotice()
    {
        var person = (await factory.CreateUserAsync("campana@gualeguaychu.example", Roles.MunicipalTeam, "gualeguaychu")).Email!;
        var url = $"/proyectos/{await StageForms.ProjectIdAsync(factory, "gualeguaychu")}/etapas/desafio";
        await CommentAsCoordinatorAsync(url, "Aviso uno.");
        await CommentAsCoordinatorAsync(url, "Aviso dos.");
        await CommentAsCoordinatorAsync(url, "Aviso tres.");
        using var client = await SignedInAsync(person);

        var list = await client.GetPageAsync("/avisos");
        Assert.Equal("Notificaciones, 3 sin leer", Bell(list));
        Assert.Equal(3, list.QuerySelectorAll($"ul.notification-list a[href='{url}']").Length);
        Assert.Contains("Aviso dos.", list.QuerySelector("ul.notification-list")!.TextContent, StringComparison.Ordinal);

        var one = await client.SubmitFormAsync(list, "ul.notification-list form", new Dictionary<string, string>(), "/avisos");
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal("Notificaciones, 2 sin leer", Bell(await client.GetPageAsync("/avisos")));

        var othersNotice = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Recipient.Email != person && n.ReadAtUtc == null).Select(n => n.Id).FirstAsync());
        var token = (await client.GetPageAsync("/avisos")).QuerySelector("form[action='/avisos/leidas'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await client.Http.PostAsync($"/avisos/{othersNotice}/leida", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Null(await factory.WithDbAsync(db => db.Notifications.Where(n => n.Id == othersNotice).Select(n => n.ReadAtUtc).SingleAsync()));

        var all = await client.SubmitFormAsync("/avisos", "form[action='/avisos/leidas']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal("Notificaciones, ninguna sin leer", Bell(await client.GetPageAsync("/")));
    }

    [Fact]
    public async Task DeliveryLog_ShowsCoordinatorsWhatWasSentToWhom_AndResendQueuesACopy_ButTeamsCannotSeeIt()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        await CommentAsCoordinatorAsync($"/proyectos/{projectId}/etapas/desafio", "Para el registro de envíos.");
        await factory.DeliverMailAsync();
        using var coordinator = await SignedInAsync(Coordinator);

        var log = await coordinator.GetPageAsync($"/proyectos/{projectId}/correos");
        var row = Assert.Single(log.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("bahiablanca@programa.example", StringComparison.Ordinal)
            && r.TextContent.Contains("Nuevo comentario en «Desafío» (Bahía Blanca)", StringComparison.Ordinal));
        Assert.Contains("Enviado", row.TextContent, StringComparison.Ordinal);
        var before = await factory.CountAsync<OutgoingEmail>();
        var action = row.QuerySelector("form")!.GetAttribute("action")!;
        var resend = await coordinator.SubmitFormAsync(log, $"form[action='{action}']", new Dictionary<string, string>(), $"/proyectos/{projectId}/correos");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal(before + 1, await factory.CountAsync<OutgoingEmail>());
        Assert.Contains("En cola", (await coordinator.GetPageAsync($"/proyectos/{projectId}/correos")).QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);

        using var team = await SignedInAsync("bahiablanca@programa.example");
        var denied = await team.Http.GetAsync($"/proyectos/{projectId}/correos");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Http.GetAsync(denied.Headers.Location)).StatusCode);
    }
}
