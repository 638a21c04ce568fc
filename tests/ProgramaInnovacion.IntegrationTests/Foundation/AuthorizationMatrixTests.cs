using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Panel;
using Xunit.Abstractions;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// Every endpoint × every kind of caller, with the outcome the matrix (AuthorizationMatrix) expects.
/// POSTs carry a valid antiforgery token and an empty (harmless) body, so they test who gets through,
/// not validation.
/// </summary>
public class AuthorizationMatrixTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<Caller, string> Emails = new()
    {
        [Caller.OtherTeam] = "bariloche@programa.example",
        [Caller.UnassignedExpert] = "sin.asignar@experto.example",
        [Caller.ConflictedExpert] = "con.conflicto@experto.example",
        [Caller.AssignedExpert] = "asignada@experto.example",
        [Caller.Mentor] = MentorDemoSeeder.AwsMentorEmail,
        [Caller.MentorDraftNotShared] = MentorDemoSeeder.OsCityMentorEmail,
        [Caller.OtherEditionCoordinator] = "coordinacion.otra@programa.example",
        [Caller.OwningTeam] = "tandil@programa.example",
        [Caller.Coordinator] = "coordinacion@programa.example",
        [Caller.Administrator] = "admin@programa.example",
    };

    /// <summary>Route templates of the app's endpoints, keyed like the matrix rows ("GET proyectos/{id:int}").</summary>
    private List<string> EndpointKeys() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

    [Fact]
    public void EveryEndpoint_HasARowInTheMatrix()
    {
        var keys = EndpointKeys();
        var rows = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();
        var missing = keys.Except(rows).Order().ToList();
        var stale = rows.Except(keys).Order().ToList();
        var duplicated = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(missing.Count == 0, "Endpoints sin fila en AuthorizationMatrix.Rows (agregá una fila que diga quién puede llamarlos):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Filas de AuthorizationMatrix.Rows sin endpoint (¿cambió la ruta?):\n" + string.Join("\n", stale));
        Assert.True(duplicated.Count == 0, "Filas repetidas: " + string.Join(", ", duplicated));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachCaller_AsTheMatrixSays()
    {
        var ids = await ArrangeAsync();
        var problems = new List<string>();
        var checkedCount = 0;

        // Callers whose rights depend on data go first; coordination and administration (whose rights
        // are by role) go last, so their allowed POSTs cannot change what the others see. A sign-out
        // row runs last for each caller.
        foreach (var caller in Enum.GetValues<Caller>())
        {
            ids = ids with { DisposableCalendarSession = await NewCalendarSessionAsync(), MentorAssignment = await NewMentorAssignmentAsync(ids.OtherProject) };
            await ShareDraftWithMentorsAsync(ids.Project, caller != Caller.MentorDraftNotShared);
            using var client = factory.CreatePortalClient();
            var token = await SignInAsync(client, caller);
            foreach (var row in AuthorizationMatrix.Rows.OrderBy(r => r.EndsSession))
            {
                var url = row.Url(ids);
                using var response = row.Method == "GET"
                    ? await client.Http.GetAsync(url)
                    : await client.Http.PostAsync(url, new FormUrlEncodedContent(Body(row, ids, token)));
                var actual = (int)response.StatusCode == row.PageStatus ? Outcome.Allowed : Classify(response);
                var expected = row.Expected(caller);
                checkedCount++;
                // A redirect after a successful POST is "allowed" too; "sent back" must be a redirect.
                if (actual != expected && !(expected == Outcome.Allowed && actual == Outcome.SentBack))
                {
                    problems.Add($"{caller,-16} {row.Method,-4} {url}: esperado {row.Expected(caller)}, respondió {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        output.WriteLine($"Matriz de autorización: {AuthorizationMatrix.Rows.Count} endpoints × {Enum.GetValues<Caller>().Length} tipos de usuario = {checkedCount} pedidos comprobados.");
        Assert.True(problems.Count == 0, $"{problems.Count} de {checkedCount} respuestas no son las de la matriz:\n" + string.Join("\n", problems));
    }

    private static Dictionary<string, string> Body(MatrixRow row, MatrixIds ids, string token)
    {
        var body = row.Body?.Invoke(ids) ?? [];
        body["__RequestVerificationToken"] = token;
        return body;
    }

    /// <summary>
    /// Denied (403/404 or the access-denied page), sent to sign in (the challenge's redirect carries
    /// the ReturnUrl; signing out's own redirect does not), sent elsewhere, or allowed; null for a
    /// server error or a refused token (a row that would not test authorization).
    /// </summary>
    private static Outcome? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return (int)response.StatusCode switch
        {
            >= 500 or 400 => null,
            401 => Outcome.SignIn,
            403 or 404 => Outcome.Denied,
            >= 300 and < 400 when location.Contains("/cuenta/ingresar?ReturnUrl=", StringComparison.Ordinal) => Outcome.SignIn,
            >= 300 and < 400 when location.Contains("/cuenta/acceso-denegado", StringComparison.Ordinal) => Outcome.Denied,
            >= 300 and < 400 => Outcome.SentBack,
            _ => Outcome.Allowed,
        };
    }

    /// <summary>The owning project's first stage is a draft; its team shares it with the mentors, or not.</summary>
    private Task ShareDraftWithMentorsAsync(int project, bool shared) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Include(s => s.Deliverable)
                .SingleAsync(s => s.ProjectId == project && s.StageDefinition.Key == "desafio");
            db.ForceState(stage, StageState.InProgress);
            stage.Deliverable ??= new Deliverable();
            stage.Deliverable.ReadyForFeedback = shared;
            await db.SaveChangesAsync();
        });

    /// <summary>A mentor assignment on the other project, for a coordinator to remove.</summary>
    private Task<int> NewMentorAssignmentAsync(int project) =>
        factory.WithDbAsync(async db =>
        {
            var mentor = await db.Users.Where(u => u.Email == Emails[Caller.MentorDraftNotShared]).Select(u => u.Id).SingleAsync();
            var assignment = new MentorAssignment { ProjectId = project, MentorId = mentor, AssignedAtUtc = factory.Time.GetUtcNow().UtcDateTime };
            db.MentorAssignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    private Task<int> NewCalendarSessionAsync() =>
        factory.WithDbAsync(async db =>
        {
            var copy = await db.CalendarSessions.AsNoTracking().FirstAsync();
            copy.Id = 0;
            db.CalendarSessions.Add(copy);
            await db.SaveChangesAsync();
            return copy.Id;
        });

    /// <summary>Signs the caller in and returns an antiforgery token for their POSTs.</summary>
    private static async Task<string> SignInAsync(PortalClient client, Caller caller)
    {
        if (caller != Caller.Anonymous)
        {
            await client.SignInAsync(Emails[caller]);
        }

        var page = await client.GetPageAsync(caller == Caller.Anonymous ? "/cuenta/ingresar" : "/cuenta/cambiar-contrasena");
        return ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }

    /// <summary>Tandil's panel open with three experts; an invitation, a feed token and a user to administer.</summary>
    private async Task<MatrixIds> ArrangeAsync()
    {
        var project = await factory.ProjectIdAsync("tandil");
        var otherProject = await factory.ProjectIdAsync("bariloche");
        await factory.OpenPanelAsync(project);
        var assigned = await factory.CreateUserAsync(Emails[Caller.AssignedExpert], Roles.Expert);
        var conflicted = await factory.CreateUserAsync(Emails[Caller.ConflictedExpert], Roles.Expert);
        await factory.CreateUserAsync(Emails[Caller.UnassignedExpert], Roles.Expert);
        var assignment = await factory.AssignAsync(project, assigned.Id);
        var conflictAssignment = await factory.AssignAsync(project, conflicted.Id, ConflictDeclaration.Declined);
        var otherExpert = await factory.NewExpertAsync("Evaluadora Previa");
        var recommendation = await factory.SubmitEvaluationAsync(await factory.AssignAsync(project, otherExpert.Id), 4, "Bien.", "Sumar indicadores.");
        await factory.PublishAsync(project);
        var throwaway = await factory.CreateUserAsync("descartable@programa.example", Roles.MunicipalTeam);
        var otherCoordinator = await factory.CreateUserAsync(Emails[Caller.OtherEditionCoordinator], Roles.Coordinator);

        var attachment = await factory.StoreAttachmentAsync(project, "proyecto-final", "informe.pdf");
        await factory.ReferenceInSubmissionAsync(project, "proyecto-final", attachment);
        var (invitationToken, invitationHash) = Invitation.NewToken();
        // The feed belongs to the throwaway user, whom no caller's POST revokes.
        var feedToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var feedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feedToken)));
        return await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var invited = await factory.CreateUserAsync("invitada@programa.example", Roles.Expert);
            db.Invitations.Add(new Invitation { UserId = invited.Id, TokenHash = invitationHash, CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(7) });
            var tandilUser = await db.Users.Where(u => u.Email == Emails[Caller.OwningTeam]).Select(u => u.Id).SingleAsync();
            foreach (var shared in await db.Editions.ToListAsync())
            {
                shared.ShareApprovedDeliverables = true; // other teams read approved deliverables: a row for each side
            }

            db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = throwaway.Id, TokenHash = feedHash, CreatedAtUtc = now });

            // A coordinator of another edition only; both demo mentors on the owning project (the AWS one already is).
            var otherEdition = new ProgramEdition { Name = "Edición de otra coordinación", Theme = "Otra", StartsAtUtc = now.AddYears(-3), CreatedAtUtc = now, ShareApprovedDeliverables = true };
            db.Add(otherEdition);
            await db.SaveChangesAsync();
            db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = otherCoordinator.Id, EditionId = otherEdition.Id });
            var osCity = await db.Users.Where(u => u.Email == Emails[Caller.MentorDraftNotShared]).Select(u => u.Id).SingleAsync();
            db.MentorAssignments.Add(new MentorAssignment { ProjectId = project, MentorId = osCity, AssignedAtUtc = now });
            await db.SaveChangesAsync();

            var edition = await db.Projects.Where(p => p.Id == project).Select(p => p.EditionId).SingleAsync();
            var stage = await db.StageDefinitions.Where(s => s.EditionId == edition).OrderBy(s => s.Order).FirstAsync();
            return new MatrixIds(
                project,
                otherProject,
                edition,
                await db.Projects.Where(p => p.Id == project).Select(p => p.MunicipalityId).SingleAsync(),
                stage.Id,
                StageSchema.FromJson(stage.SchemaJson).Fields[0].Key,
                attachment,
                await db.NetworkPosts.Where(p => p.AuthorId == tandilUser).Select(p => p.Id).FirstAsync(),
                await db.CalendarSessions.Select(s => s.Id).FirstAsync(),
                0,
                await db.CaseEntries.Select(c => c.Id).FirstAsync(),
                0,
                conflictAssignment,
                recommendation,
                throwaway.Id,
                invitationToken,
                feedToken);
        });
    }
}
