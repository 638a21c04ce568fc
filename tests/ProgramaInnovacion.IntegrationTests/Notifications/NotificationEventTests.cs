using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Panel;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Notifications;

/// <summary>Each event tells the people NotificationRules names, and nobody else (both providers).</summary>
public class NotificationEventTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    private static void AssertTold(IEnumerable<(string Email, string Title, NotificationCategory Category)> told, ISet<string> expected, string title)
    {
        var recipients = told.Where(n => n.Title == title).Select(n => n.Email).ToList();
        Assert.Equal(expected.Order(), recipients.Order());
    }

    [Fact]
    public async Task ReviewLoop_TellsCoordinatorsOfSubmissions_TheTeamOfDecisions_AndEachSideOfTheOthersComments_AndNobodyElse()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        var url = $"/proyectos/{projectId}/etapas/validacion";
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, "validacion"));
        // A coordinator of no edition: coordinators are scoped to editions, so this one hears nothing.
        const string Outsider = "coordinacion.otra.edicion@programa.example";
        await factory.CreateUserAsync(Outsider, Roles.Coordinator);
        var coordinators = await factory.EditionCoordinatorEmailsAsync(projectId);
        Assert.DoesNotContain(Outsider, coordinators);
        var team = await factory.TeamEmailsAsync("jesusmaria");
        Assert.NotEmpty(coordinators);
        Assert.NotEmpty(team);
        using var teamClient = await SignedInAsync("jesusmaria@programa.example");
        using var coordinator = await SignedInAsync(Coordinator);
        var mark = await factory.MarkAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.SubmitAsync(teamClient, await teamClient.GetPageAsync(url), url, values)).StatusCode);
        var review = await coordinator.GetPageAsync(url + "/revision");
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(coordinator, review, url + "/revision/solicitar-cambios", new Dictionary<string, string> { ["comentario"] = "Falta la evidencia." }, "#form-solicitar-cambios")).StatusCode);
        values["f.conclusiones"] = "Conclusiones corregidas.";
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.SubmitAsync(teamClient, await teamClient.GetPageAsync(url), url, values)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(coordinator, await coordinator.GetPageAsync(url + "/revision"), url + "/revision/aprobar", null, "#form-aprobar")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(teamClient, await teamClient.GetPageAsync(url), url + "/comentarios", new Dictionary<string, string> { ["texto"] = "¡Gracias por la devolución!" }, "form[action$='/comentarios']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(coordinator, await coordinator.GetPageAsync(url), url + "/comentarios", new Dictionary<string, string> { ["texto"] = "A seguir con la ideación." }, "form[action$='/comentarios']")).StatusCode);

        var told = await factory.SinceAsync(mark);
        var submitted = told.Where(n => n.Title == "Jesús María entregó «Validación territorial»").ToList();
        Assert.Equal(coordinators.Count * 2, submitted.Count); // the first submission and the resubmission
        Assert.All(submitted, n => Assert.Contains(n.Email, coordinators));
        AssertTold(told, team, "La coordinación pidió cambios en «Validación territorial»");
        AssertTold(told, team, "Se aprobó «Validación territorial»");
        AssertTold(told, team, "Ya podés trabajar en «Ideación»");
        var comments = told.Where(n => n.Category == NotificationCategory.Comments).ToList();
        // The team's comment goes to the coordinators, then the coordinator's to the team.
        Assert.Equal(coordinators.Order(), comments.Take(coordinators.Count).Select(n => n.Email).Order());
        Assert.Equal(team.Order(), comments.Skip(coordinators.Count).Select(n => n.Email).Order());
        Assert.Equal(coordinators.Count * 2 + team.Count * 3 + comments.Count, told.Count); // nobody else, nothing more
        Assert.DoesNotContain(told, n => n.Email == Outsider);

        // Every e-mail is delivered once; a second pass sends nothing again.
        await factory.DeliverMailAsync();
        Assert.Equal(0, (await factory.DeliverMailAsync()).Sent);
        foreach (var (email, title) in told.Select(n => (n.Email, n.Title)).Distinct())
        {
            Assert.Equal(told.Count(n => n.Email == email && n.Title == title), factory.Mails(email, title).Count);
        }

        foreach (var member in team)
        {
            var mail = Assert.Single(factory.Mails(member, "Se aprobó «Validación territorial»"));
            Assert.Contains($"/proyectos/{projectId}/etapas/validacion", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Revisiones y etapas habilitadas", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("/avisos/baja?t=", mail.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Panel_TellsTheAssignedExpert_CoordinatorsOfEvaluations_AndTheTeamOfThePublication()
    {
        var projectId = await factory.ProjectIdAsync("gualeguaychu");
        await factory.OpenPanelAsync(projectId);
        var expert = await factory.NewExpertAsync("Avisada Experta");
        var other = await factory.NewExpertAsync("Otro Experto");
        using var coordinator = await SignedInAsync(Coordinator);
        var mark = await factory.MarkAsync();

        var assigned = await coordinator.SubmitFormAsync("/coordinacion/panel", $"form[action='/coordinacion/panel/proyectos/{projectId}/asignaciones']", new Dictionary<string, string> { ["ExpertId"] = expert.Id });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var told = await factory.SinceAsync(mark);
        var notice = Assert.Single(told);
        Assert.Equal((expert.Email!, "Te asignamos a la mesa de expertos de Gualeguaychú", NotificationCategory.Panel), notice);
        Assert.DoesNotContain(told, n => n.Email == other.Email);

        var assignmentId = await factory.WithDbAsync(db => db.PanelAssignments.Where(a => a.ProjectId == projectId && a.ExpertId == expert.Id).Select(a => a.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var assignment = await db.PanelAssignments.SingleAsync(a => a.Id == assignmentId);
            assignment.Declaration = ConflictDeclaration.NoConflict;
            await db.SaveChangesAsync();
        });
        mark = await factory.MarkAsync();
        using var expertClient = await SignedInAsync(expert.Email!);
        var evaluationUrl = $"/panel/proyectos/{projectId}/evaluacion";
        var scores = new Dictionary<string, string> { ["Command"] = "enviar" };
        for (var i = 0; i < 6; i++)
        {
            scores[$"Scores[{i}].Score"] = "4";
        }

        var sent = await expertClient.ConfirmAsync(await expertClient.SubmitFormAsync(evaluationUrl, "#form-evaluacion", scores), evaluationUrl, new() { ["Command"] = "enviar" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        AssertTold(await factory.SinceAsync(mark), await factory.EditionCoordinatorEmailsAsync(projectId), "Llegó una evaluación de la mesa de expertos (Gualeguaychú)");
        Assert.Equal((await factory.EditionCoordinatorEmailsAsync(projectId)).Count, (await factory.SinceAsync(mark)).Count);

        mark = await factory.MarkAsync();
        var confirmation = await coordinator.SubmitFormAsync($"/coordinacion/panel/proyectos/{projectId}", $"form[action='/coordinacion/panel/proyectos/{projectId}/publicar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.ConfirmAsync(confirmation, $"/coordinacion/panel/proyectos/{projectId}/publicar")).StatusCode);
        var published = await factory.SinceAsync(mark);
        AssertTold(published, await factory.TeamEmailsAsync("gualeguaychu"), "Ya está la devolución de la mesa de expertos");
        Assert.Equal((await factory.TeamEmailsAsync("gualeguaychu")).Count, published.Count);
    }

    [Fact]
    public async Task Network_APostTellsTheEditionsOtherTeams_AndACommentTellsItsAuthor()
    {
        using var tandil = await SignedInAsync("tandil@programa.example");
        var mark = await factory.MarkAsync();
        var created = await tandil.SubmitFormAsync("/red/nueva", "form.post-form", new Dictionary<string, string> { ["Kind"] = "Learning", ["Title"] = "Turnos en línea sin papel", ["Body"] = "Lo que aprendimos al digitalizar los turnos." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var postId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var editionTeams = await factory.WithDbAsync(async db =>
        {
            var editionId = await db.NetworkPosts.Where(p => p.Id == postId).Select(p => p.EditionId).SingleAsync();
            return (await db.ProjectMembers.Where(m => m.Project.EditionId == editionId).Select(m => m.User.Email!).ToListAsync()).ToHashSet();
        });
        editionTeams.Remove("tandil@programa.example");
        Assert.NotEmpty(editionTeams);
        AssertTold(await factory.SinceAsync(mark), editionTeams, "Nueva publicación en la red de aprendizaje: «Turnos en línea sin papel»");
        Assert.Equal(editionTeams.Count, (await factory.SinceAsync(mark)).Count);

        mark = await factory.MarkAsync();
        using var bariloche = await SignedInAsync("bariloche@programa.example");
        Assert.Equal(HttpStatusCode.Redirect, (await bariloche.SubmitFormAsync($"/red/{postId}", "form.comment-form", new Dictionary<string, string> { ["Comment.Body"] = "¡Nos sirve!" })).StatusCode);
        var commented = Assert.Single(await factory.SinceAsync(mark));
        Assert.Equal(("tandil@programa.example", "Comentaron tu publicación «Turnos en línea sin papel»", NotificationCategory.Network), commented);

        // The network's default is the daily digest: no e-mail now.
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Subject.Contains("Turnos en línea sin papel"))));
    }
}
