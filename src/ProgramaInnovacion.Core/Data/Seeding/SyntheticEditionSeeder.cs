using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>How large a synthetic edition is and which seed makes it.</summary>
public sealed record SyntheticEditionOptions(int Projects, int Revisions, int Seed);

public sealed record SyntheticEditionResult(int EditionId, string EditionName, int Projects, int Deliverables, int Revisions, TimeSpan Elapsed);

/// <summary>
/// A deterministic edition of N projects for load tests and for measuring pages at scale (the
/// <c>seed-synthetic</c> verb): the default ten-stage template with its roles and rubric, one team
/// account per project, projects spread over every stage and state through <see cref="ProjectStage.Apply"/>
/// (so the events are the real ones), M revisions per deliverable, attachment metadata, comments,
/// learning-network posts, panel evaluations and the case library. The same seed writes the same
/// content; nothing depends on the clock. Written in batches with the change tracker cleared
/// between them, so memory and time grow linearly with N.
/// </summary>
public class SyntheticEditionSeeder(AppDbContext db, TimeProvider time)
{
    public const string EmailDomain = "sintetico.example";

    /// <summary>Tuesday 28 July 2026, 11:00 Argentina time: ten two-week stages end in mid-December.</summary>
    public static readonly DateOnly StartDate = new(2026, 7, 28);

    private const int BatchSize = 50;

    private const int ExpertCount = 4;

    public static string EditionName(SyntheticEditionOptions options) => $"Edición sintética {options.Seed} ({options.Projects} proyectos)";

    public static string CoordinatorEmail(int seed) => $"coordinacion.s{seed}@{EmailDomain}";

    public static string TeamEmail(int seed, int index) => $"equipo{index + 1:000}.s{seed}@{EmailDomain}";

    public static string ExpertEmail(int seed, int index) => $"experto{index + 1}.s{seed}@{EmailDomain}";

    /// <summary>Writes the edition; null when an edition with its name already exists (nothing is written).</summary>
    public async Task<SyntheticEditionResult?> SeedAsync(SyntheticEditionOptions options, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Projects, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Revisions, 1);
        var name = EditionName(options);
        if (await db.Editions.AnyAsync(e => e.Name == name, ct))
        {
            return null;
        }

        var stopwatch = Stopwatch.StartNew();
        // One transaction: an interrupted run leaves nothing behind, so running the command again starts clean.
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var run = new Run(db, options, name);
                await run.WriteEditionAndAccountsAsync(ct);
                for (var first = 0; first < options.Projects; first += BatchSize)
                {
                    await run.WriteProjectsAsync(first, Math.Min(BatchSize, options.Projects - first), ct);
                }

                await run.WriteNetworkAsync(ct);
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                await new CaseIndexer(db, time).IndexMissingAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new SyntheticEditionResult(run.Edition.Id, name, options.Projects, run.DeliverableCount, run.RevisionCount, stopwatch.Elapsed);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        });

        // A bulk load: the planner's statistics would describe the tables as they were before it.
        await PlannerStatistics.RefreshAsync(db, ct);
        return result with { Elapsed = stopwatch.Elapsed };
    }

    /// <summary>Same input, same number: string.GetHashCode and HashCode change from one process to the next.</summary>
    internal static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash & int.MaxValue;
        }
    }

    private sealed class Run(AppDbContext db, SyntheticEditionOptions options, string name)
    {
        private readonly Random _random = new(options.Seed);
        private readonly DateTime _start = ArgentinaTime.ToUtc(StartDate, new TimeOnly(11, 0));
        private readonly List<(int ProjectIndex, int ProjectId, string TeamId)> _projects = [];
        private readonly HashSet<string> _takenNames = [];
        private AppUser _coordinator = null!;
        private List<AppUser> _teams = [];
        private List<AppUser> _experts = [];
        private List<int> _criteria = [];

        public ProgramEdition Edition { get; private set; } = null!;

        public int DeliverableCount { get; private set; }

        public int RevisionCount { get; private set; }

        public async Task WriteEditionAndAccountsAsync(CancellationToken ct)
        {
            Edition = new ProgramEdition
            {
                Name = name,
                Theme = "Digitalización de Servicios",
                StartsAtUtc = _start,
                EndsAtUtc = DueDate(DefaultStageTemplate.Stages.Count),
                ShareApprovedDeliverables = true,
                CreatedAtUtc = _start.AddDays(-30),
                Stages = DefaultStageTemplate.Stages.Select(t => t.ToDefinition(DueDate(t.Order))).ToList(),
            };
            db.Editions.Add(Edition);
            var criteria = RubricSeeder.DefaultCriteria.Select((c, i) => c.ToCriterion(i + 1)).ToList();
            criteria.ForEach(c => c.Edition = Edition);
            db.RubricCriteria.AddRange(criteria);

            // One hash for every account: hashing 500 passwords would take longer than the rest.
            var hasher = new PasswordHasher<AppUser>();
            var passwordHash = hasher.HashPassword(null!, DemoSeeder.DemoPassword);
            AppUser Account(string email, string displayName) => new()
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = displayName,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAtUtc = Edition.CreatedAtUtc,
            };

            _coordinator = Account(CoordinatorEmail(options.Seed), "Coordinación (edición sintética)");
            _experts = Enumerable.Range(0, ExpertCount).Select(i => Account(ExpertEmail(options.Seed, i), SyntheticContent.PersonName(_random))).ToList();
            _teams = Enumerable.Range(0, options.Projects).Select(i => Account(TeamEmail(options.Seed, i), $"Equipo {i + 1:000}")).ToList();
            var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
            db.Users.AddRange([_coordinator, .. _experts, .. _teams]);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = _coordinator.Id, RoleId = roleIds[Roles.Coordinator] });
            db.UserRoles.AddRange(_experts.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = roleIds[Roles.Expert] }));
            db.UserRoles.AddRange(_teams.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = roleIds[Roles.MunicipalTeam] }));
            db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = _coordinator.Id, Edition = Edition });

            foreach (var taken in await db.Municipalities.Select(m => m.Name + "|" + m.Province).ToListAsync(ct))
            {
                _takenNames.Add(taken);
            }

            await db.SaveChangesAsync(ct);
            _criteria = criteria.Select(c => c.Id).ToList();
            db.ChangeTracker.Clear();
        }

        public async Task WriteProjectsAsync(int first, int count, CancellationToken ct)
        {
            db.Attach(Edition);
            var attachments = new List<(Deliverable Deliverable, string FieldKey, Attachment File)>();
            var written = new List<(int Index, Project Project)>();
            for (var index = first; index < first + count; index++)
            {
                var project = WriteProject(index, attachments);
                db.Projects.Add(project);
                written.Add((index, project));
            }

            await db.SaveChangesAsync(ct);

            // The content lists its files by id, known only now: the latest revision and the current content name them.
            foreach (var group in attachments.GroupBy(a => (a.Deliverable, a.FieldKey)))
            {
                var deliverable = group.Key.Deliverable;
                var ids = new JsonArray(group.Select(a => (JsonNode?)a.File.Id).ToArray());
                var content = JsonNode.Parse(deliverable.ContentJson)!.AsObject();
                content[group.Key.FieldKey] = ids;
                deliverable.ContentJson = DeliverableContent.Serialize(content);
                db.Entry(deliverable).Property(d => d.ContentJson).IsModified = true;
                var latest = deliverable.Revisions[^1];
                latest.ContentJson = deliverable.ContentJson;
                db.Entry(latest).Property(r => r.ContentJson).IsModified = true;
            }

            await db.SaveChangesAsync(ct);
            _projects.AddRange(written.Select(w => (w.Index, w.Project.Id, _teams[w.Index].Id)));
            Edition.Projects.Clear();
            db.ChangeTracker.Clear();
        }

        private Project WriteProject(int index, List<(Deliverable, string, Attachment)> attachments)
        {
            var random = new Random(options.Seed * 7919 + index);
            var theme = SyntheticContent.Pick(random, SyntheticContent.Themes);
            var province = SyntheticContent.Pick(random, SyntheticContent.Provinces);
            var municipality = new Municipality
            {
                Name = SyntheticContent.MunicipalityName(random, province, _takenNames),
                Province = province,
                Slug = $"s{options.Seed}-{index + 1:000}",
                Category = (MunicipalityCategory)random.Next(3),
                Population = random.Next(8, 400) * 1000,
            };
            var project = ProjectFactory.Create(Edition, municipality, _start);
            project.IsDemo = true;
            project.Title = $"{char.ToUpperInvariant(theme.Service[0])}{theme.Service[1..]} en línea";
            var team = _teams[index];
            project.Members.Add(new ProjectMember { UserId = team.Id, JoinedAtUtc = _start });

            var stages = project.Stages.OrderBy(s => s.StageDefinition.Order).ToList();
            // Every stage and state is represented; the mix leans to the middle of the program, like a real edition in November.
            var approved = random.Next(stages.Count);
            for (var i = 0; i < approved; i++)
            {
                var approvedAt = DueDate(i + 1).AddDays(-1);
                WriteRevisions(stages[i], theme, index, approvedAt.AddDays(-10), submit: true, attachments);
                Apply(stages[i], StageAction.Approve, _coordinator.Id, approvedAt);
                if (random.Next(3) == 0)
                {
                    Comment(stages[i], _coordinator.Id, "Muy buen trabajo. Sumen en la próxima etapa los datos de la encuesta a comerciantes.", approvedAt.AddHours(-2));
                    Comment(stages[i], team.Id, "¡Gracias! Los incorporamos en la próxima entrega.", approvedAt.AddHours(3));
                }

                Apply(stages[i + 1], StageAction.Open, null, approvedAt);
            }

            var current = stages[approved];
            var currentStart = DueDate(approved).AddDays(2);
            if (current.StageDefinition.HasTeamForm)
            {
                switch (random.Next(6))
                {
                    case 1 or 2:
                        WriteRevisions(current, theme, index, currentStart, submit: false, attachments);
                        break;
                    case 3 or 4:
                        WriteRevisions(current, theme, index, currentStart, submit: true, attachments);
                        break;
                    case 5:
                        WriteRevisions(current, theme, index, currentStart, submit: true, attachments);
                        const string request = "Falta evidencia de las entrevistas y el método de validación de dos supuestos. Revisen también las conclusiones.";
                        Apply(current, StageAction.RequestChanges, _coordinator.Id, currentStart.AddDays(9), request);
                        Comment(current, _coordinator.Id, request, currentStart.AddDays(9));
                        break;
                    default:
                        break; // available, not started
                }
            }
            else
            {
                AddPanel(project, random, current.StateChangedAtUtc);
            }

            return project;
        }

        private void WriteRevisions(ProjectStage stage, SyntheticTheme theme, int index, DateTime from, bool submit, List<(Deliverable, string, Attachment)> attachments)
        {
            var schema = StageSchema.FromJson(stage.StageDefinition.SchemaJson);
            var deliverable = stage.Deliverable = new Deliverable();
            var projectSeed = options.Seed * 7919 + index + stage.StageDefinition.Order * 104729;
            for (var n = 1; n <= options.Revisions; n++)
            {
                var at = from.AddHours(n * 18);
                var kind = submit && n == options.Revisions ? RevisionKind.Submission : RevisionKind.Draft;
                var json = DeliverableContent.Serialize(SyntheticContent.For(schema, theme, projectSeed, n, options.Revisions, StartDate));
                deliverable.Revisions.Add(new DeliverableRevision { Number = n, Kind = kind, ContentJson = json, AuthorId = _teams[index].Id, CreatedAtUtc = at });
                deliverable.ContentJson = json;
                deliverable.Version = n;
                deliverable.UpdatedAtUtc = at;
                deliverable.UpdatedById = _teams[index].Id;
                if (n == 1)
                {
                    Apply(stage, StageAction.SaveDraft, _teams[index].Id, at);
                }

                if (kind == RevisionKind.Submission)
                {
                    Apply(stage, StageAction.Submit, _teams[index].Id, at);
                }
            }

            RevisionCount += options.Revisions;
            DeliverableCount++;
            var random = new Random(projectSeed);
            foreach (var field in schema.Fields.Where(f => f.Type == FieldType.Attachments))
            {
                for (var n = 1; n <= random.Next(1, 4); n++)
                {
                    var file = new Attachment
                    {
                        FieldKey = field.Key,
                        OriginalFileName = $"{field.Key}-{stage.StageDefinition.Key}-{n}.pdf",
                        // Metadata only: the benchmark never downloads these, and a download answers "not found".
                        StoredName = $"sintetico-{options.Seed}-{index + 1}-{stage.StageDefinition.Order}-{n}",
                        ContentType = "application/pdf",
                        SizeBytes = random.Next(40_000, 4_000_000),
                        UploadedById = _teams[index].Id,
                        UploadedAtUtc = deliverable.UpdatedAtUtc,
                    };
                    deliverable.Attachments.Add(file);
                    attachments.Add((deliverable, field.Key, file));
                }
            }
        }

        private void AddPanel(Project project, Random random, DateTime openedAt)
        {
            var firstExpert = random.Next(ExpertCount);
            for (var e = 0; e < 2; e++)
            {
                var expert = _experts[(firstExpert + e) % ExpertCount];
                var submittedAt = openedAt.AddDays(3 + e);
                db.PanelAssignments.Add(new PanelAssignment
                {
                    Project = project,
                    ExpertId = expert.Id,
                    AssignedById = _coordinator.Id,
                    AssignedAtUtc = openedAt,
                    Declaration = ConflictDeclaration.NoConflict,
                    DeclaredAtUtc = openedAt.AddDays(1),
                    Evaluation = new PanelEvaluation
                    {
                        Status = EvaluationStatus.Submitted,
                        UpdatedAtUtc = submittedAt,
                        SubmittedAtUtc = submittedAt,
                        Scores = _criteria.Select(c => new EvaluationScore { CriterionId = c, Score = random.Next(2, 6), Comment = "Bien fundamentado; falta detallar la medición de resultados." }).ToList(),
                        Recommendations =
                        [
                            new PanelRecommendation { Category = (RecommendationCategory)random.Next(6), Priority = (RecommendationPriority)random.Next(3), Text = "Definir un responsable del tablero de indicadores y publicarlo cada mes.", CreatedAtUtc = submittedAt },
                        ],
                    },
                });
            }
        }

        public async Task WriteNetworkAsync(CancellationToken ct)
        {
            var definitions = await db.StageDefinitions.Where(d => d.EditionId == Edition.Id && d.HasTeamForm).OrderBy(d => d.Order).Select(d => d.Id).ToListAsync(ct);
            db.NetworkPosts.Add(new NetworkPost
            {
                EditionId = Edition.Id,
                AuthorId = _coordinator.Id,
                Kind = PostKind.Opportunity,
                Title = "Bienvenidos a la Red de aprendizaje",
                BodyMarkdown = "Este es el lugar para compartir **aprendizajes**, **oportunidades** y **problemáticas** entre equipos.",
                IsPinned = true,
                CreatedAtUtc = _start.AddDays(1),
            });
            var theme = SyntheticContent.Themes[0];
            for (var p = 0; p < Math.Max(3, options.Projects / 2); p++)
            {
                var author = _projects[_random.Next(_projects.Count)];
                var post = new NetworkPost
                {
                    EditionId = Edition.Id,
                    AuthorId = author.TeamId,
                    ProjectId = author.ProjectId,
                    Kind = (PostKind)_random.Next(3),
                    StageDefinitionId = SyntheticContent.Pick(_random, definitions),
                    Title = SyntheticContent.Pick(_random, PostTitles),
                    BodyMarkdown = SyntheticContent.Paragraphs(_random, SyntheticContent.Pick(_random, SyntheticContent.Themes), 4),
                    CreatedAtUtc = _start.AddDays(_random.Next(2, 120)),
                };
                for (var c = 0; c < _random.Next(4); c++)
                {
                    post.Comments.Add(new NetworkComment { AuthorId = _projects[_random.Next(_projects.Count)].TeamId, BodyMarkdown = SyntheticContent.Paragraphs(_random, theme, 2), CreatedAtUtc = post.CreatedAtUtc.AddHours(c * 5 + 2) });
                }

                db.NetworkPosts.Add(post);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        private static readonly string[] PostTitles =
        [
            "Validar con comerciantes antes de diseñar el formulario",
            "Mentoría de AWS abierta a otros equipos",
            "¿Alguna ciudad tiene ordenanza de firma digital?",
            "Encuesta corta por WhatsApp: 120 respuestas en una semana",
            "Cómo armamos el tablero de indicadores",
            "Buscamos socios para el piloto en barrios del alto",
        ];

        private static DateTime DueDate(int stageOrder) => ArgentinaTime.ToUtc(StartDate.AddDays(14 * stageOrder), new TimeOnly(18, 0));

        private static void Apply(ProjectStage stage, StageAction action, string? actorId, DateTime at, string? comment = null)
        {
            var actor = actorId is null ? WorkflowActor.System : action is StageAction.Approve or StageAction.RequestChanges ? WorkflowActor.Coordinator : WorkflowActor.Team;
            var result = stage.Apply(action, actor, actorId, at, comment);
            if (!result.Allowed)
            {
                throw new InvalidOperationException($"Edición sintética inválida: {result.Error}");
            }
        }

        private static void Comment(ProjectStage stage, string authorId, string text, DateTime at) =>
            stage.Deliverable!.Comments.Add(new Comment { AuthorId = authorId, BodyMarkdown = text, CreatedAtUtc = at });
    }
}
