using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Coordination;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Survey;

/// <summary>
/// The digital-maturity survey of an edition: the campaign with its own questionnaire (the six
/// default dimensions to start), a private link per municipality (no account), one response per
/// municipality — a draft, submitted and editable until the close —, and the results: levels by
/// MaturityScoring, stored on submission so the results across ~2,300 municipalities are one query.
/// </summary>
public class SurveyService(AppDbContext db, AuditLog audit, PrivateLinks links, Outbox outbox, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static string AnswerPath(string token) => "/relevamiento/" + Uri.EscapeDataString(token);

    /// <summary>Municipalities per page of the links table: a federal survey reaches ~2,300.</summary>
    public const int LinksPageSize = 100;

    public async Task<CampaignAdminViewModel?> AdminPageAsync(int editionId, string? province = null, MunicipalityCategory? category = null, CampaignForm? form = null, int page = 1)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Name, e.Phase }).SingleOrDefaultAsync();
        if (edition is null)
        {
            return null;
        }

        var campaign = await db.SurveyCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.EditionId == editionId);
        form ??= campaign is null
            ? new CampaignForm { Name = $"Relevamiento {edition.Name}" }
            : new CampaignForm { Name = campaign.Name, OpensAt = ArgentinaTime.ToLocal(campaign.OpensAtUtc), ClosesAt = ArgentinaTime.ToLocal(campaign.ClosesAtUtc) };
        if (campaign is null)
        {
            return new CampaignAdminViewModel(editionId, edition.Name, edition.Phase, null, form, null, false, [], [], [], [], province, category);
        }

        var dimensions = await DimensionsAsync(campaign.Id);
        var rows = await LinkRowsAsync(campaign.Id, province, category);
        var provinces = await db.Municipalities.AsNoTracking().Select(m => m.Province).Distinct().OrderBy(p => p).ToListAsync();
        var distribution = MaturityScoring.Levels.Select(l => new LevelCount(l, rows.Count(r => r.Level == l))).ToList();
        var pager = Infrastructure.Pager.Of(rows.Count, page, LinksPageSize, $"/admin/ediciones/{editionId}/relevamiento",
            new Dictionary<string, string?> { ["provincia"] = province, ["categoria"] = category?.ToString() }, "municipios");
        var shown = pager.Slice(rows).Select(r => r with { Link = outbox.AbsoluteLink(AnswerPath(Token(campaign.Id, r.MunicipalityId))) }).ToList();
        return new CampaignAdminViewModel(editionId, edition.Name, edition.Phase, campaign.Id, form, campaign.ClosesAtUtc, campaign.IsOpenAt(Now), dimensions, shown, distribution, provinces, province, category)
        {
            Pager = pager,
            NotSubmitted = rows.Count(r => r.SubmittedAtUtc is null),
        };
    }

    /// <summary>Every municipality under the filters with its response; the private link is left empty (made for the page shown only).</summary>
    private async Task<List<SurveyLinkRow>> LinkRowsAsync(int campaignId, string? province, MunicipalityCategory? category)
    {
        var rows = await db.Municipalities.AsNoTracking()
            .Where(m => (province == null || m.Province == province) && (category == null || m.Category == category))
            .OrderBy(m => m.Name)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.Province,
                m.Category,
                Response = db.SurveyResponses.Where(r => r.CampaignId == campaignId && r.MunicipalityId == m.Id).Select(r => new { r.SubmittedAtUtc, r.Level, r.OverallScore }).FirstOrDefault(),
            })
            .ToListAsync();
        return rows.Select(r => new SurveyLinkRow(r.Id, r.Name, r.Province, r.Category, "",
            r.Response?.SubmittedAtUtc, r.Response?.SubmittedAtUtc is null ? null : r.Response.Level, r.Response?.SubmittedAtUtc is null ? null : r.Response.OverallScore)).ToList();
    }

    private string Token(int campaignId, int municipalityId) =>
        links.Token(PrivateLinks.SurveyPurpose, string.Create(CultureInfo.InvariantCulture, $"{campaignId}:{municipalityId}"));

    private (int CampaignId, int MunicipalityId)? Read(string? token)
    {
        var parts = links.Read(PrivateLinks.SurveyPurpose, token)?.Split(':');
        return parts is [var c, var m] && int.TryParse(c, CultureInfo.InvariantCulture, out var campaignId) && int.TryParse(m, CultureInfo.InvariantCulture, out var municipalityId)
            ? (campaignId, municipalityId) : null;
    }

    private Task<List<DimensionView>> DimensionsAsync(int campaignId) =>
        db.SurveyDimensions.AsNoTracking().Where(d => d.CampaignId == campaignId).OrderBy(d => d.Order)
            .Select(d => new DimensionView(d.Id, d.Name, d.Questions.OrderBy(q => q.Order).Select(q => new QuestionView(q.Id, q.Text)).ToList())).ToListAsync();

    /// <summary>Creates the edition's campaign with the default questionnaire, or changes its name and dates.</summary>
    public async Task<CommandResult> SaveCampaignAsync(int editionId, CampaignForm form, ClaimsPrincipal actor)
    {
        var opens = ArgentinaTime.ToUtc(form.OpensAt!.Value);
        var closes = ArgentinaTime.ToUtc(form.ClosesAt!.Value);
        if (closes <= opens)
        {
            return CommandResult.Fail(nameof(form.ClosesAt), "El cierre tiene que ser posterior a la apertura.");
        }

        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Id == editionId);
        if (edition is null || EditionLifecycle.IsReadOnly(edition.Phase))
        {
            return CommandResult.Fail(edition is null ? "Esa edición no existe." : EditionLifecycle.ClosedMessage);
        }

        var campaign = await db.SurveyCampaigns.SingleOrDefaultAsync(c => c.EditionId == editionId);
        if (campaign is null)
        {
            campaign = new SurveyCampaign
            {
                EditionId = editionId,
                Name = form.Name.Trim(),
                CreatedAtUtc = Now,
                Dimensions = MaturityScoring.DefaultDimensions(),
            };
            db.SurveyCampaigns.Add(campaign);
        }

        campaign.Name = form.Name.Trim();
        campaign.OpensAtUtc = opens;
        campaign.ClosesAtUtc = closes;
        await db.SaveChangesAsync();
        audit.Record(actor, AuditActions.SurveyCampaignCreated, nameof(SurveyCampaign), campaign.Id, $"{campaign.Name}: del {ArgentinaClock.DateTimeText(opens)} al {ArgentinaClock.DateTimeText(closes)}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>One dimension's name and questions (one per line): renamed in place, added at the end; a question already answered cannot be removed.</summary>
    public async Task<CommandResult> SaveDimensionAsync(int editionId, int dimensionId, string? name, string? questions, ClaimsPrincipal actor)
    {
        var dimension = await db.SurveyDimensions.Include(d => d.Questions).SingleOrDefaultAsync(d => d.Id == dimensionId && d.Campaign.EditionId == editionId);
        if (dimension is null)
        {
            return CommandResult.Fail("Esa dimensión no existe en este relevamiento.");
        }

        var lines = (questions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var title = (name ?? "").Trim();
        if (title.Length is 0 or > 200 || lines.Count == 0 || lines.Any(l => l.Length > 500))
        {
            return CommandResult.Fail("Cada dimensión necesita un nombre (hasta 200 caracteres) y al menos una pregunta (una por línea, hasta 500 caracteres).");
        }

        var ordered = dimension.Questions.OrderBy(q => q.Order).ToList();
        var removed = ordered.Skip(lines.Count).Select(q => q.Id).ToList();
        if (removed.Count > 0 && await db.SurveyAnswers.AnyAsync(a => removed.Contains(a.QuestionId)))
        {
            return CommandResult.Fail("Una pregunta que ya tiene respuestas no se puede quitar: cambiale el texto.");
        }

        db.SurveyQuestions.RemoveRange(ordered.Skip(lines.Count));
        for (var i = 0; i < lines.Count; i++)
        {
            var question = i < ordered.Count ? ordered[i] : db.SurveyQuestions.Add(new SurveyQuestion { DimensionId = dimension.Id, Order = i + 1, Text = "" }).Entity;
            question.Text = lines[i];
        }

        dimension.Name = title;
        audit.Record(actor, AuditActions.SurveyQuestionnaireEdited, nameof(SurveyDimension), dimension.Id, $"{title}: {lines.Count} preguntas");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<SurveyAnswerViewModel?> AnswerPageAsync(string token, IReadOnlyDictionary<int, int>? posted = null)
    {
        if (Read(token) is not var (campaignId, municipalityId))
        {
            return null;
        }

        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Name, c.OpensAtUtc, c.ClosesAtUtc, c.EditionId }).SingleOrDefaultAsync();
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => new { m.Name, m.Province, m.Category }).SingleOrDefaultAsync();
        if (campaign is null || municipality is null)
        {
            return null;
        }

        var response = await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaignId && r.MunicipalityId == municipalityId)
            .Select(r => new { r.SubmittedAtUtc, r.OverallScore, r.Level, Answers = r.Answers.Select(a => new { a.QuestionId, a.Value }).ToList() }).SingleOrDefaultAsync();
        var answers = posted ?? response?.Answers.ToDictionary(a => a.QuestionId, a => a.Value) ?? [];
        var dimensions = await DimensionsAsync(campaignId);
        var now = Now;
        var locked = now < campaign.OpensAtUtc ? $"El relevamiento abre el {ArgentinaClock.DateTimeText(campaign.OpensAtUtc)} (hora de Argentina)."
            : now >= campaign.ClosesAtUtc ? $"El relevamiento cerró el {ArgentinaClock.DateTimeText(campaign.ClosesAtUtc)}: las respuestas ya no se modifican."
            : null;
        // The municipality's own results, once the campaign is closed and if it submitted.
        SurveyResultViewModel? result = null;
        if (now >= campaign.ClosesAtUtc && response?.SubmittedAtUtc is not null)
        {
            var saved = response.Answers.ToDictionary(a => a.QuestionId, a => a.Value);
            result = new SurveyResultViewModel(campaign.EditionId, campaign.Name, municipality.Name, municipality.Province, municipality.Category,
                new RadarChart(Scores(dimensions, saved)), response.OverallScore, response.Level);
        }

        return new SurveyAnswerViewModel(token, campaign.Name, municipality.Name, campaign.ClosesAtUtc, locked is null, locked, response?.SubmittedAtUtc, dimensions, answers, result);
    }

    private static IReadOnlyList<DimensionScore> Scores(IEnumerable<DimensionView> dimensions, IReadOnlyDictionary<int, int> answers) =>
        MaturityScoring.Score(dimensions.Select(d => (d.Name, (IReadOnlyList<int>)d.Questions.Select(q => q.Id).ToList())), answers);

    /// <summary>
    /// Saves the answers (a draft) or submits them (every question answered). Works only for the
    /// municipality of the link and only while the campaign is open; a submitted response stays
    /// editable until the close and is rescored on each submission.
    /// </summary>
    public async Task<CommandResult> SaveAnswersAsync(string token, IReadOnlyDictionary<int, int?> posted, bool submit)
    {
        if (Read(token) is not var (campaignId, municipalityId))
        {
            return CommandResult.Fail("El enlace del relevamiento no es válido.");
        }

        var campaign = await db.SurveyCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null || !campaign.IsOpenAt(Now))
        {
            return CommandResult.Fail(campaign is null ? "El enlace del relevamiento no es válido." : Now < campaign.OpensAtUtc
                ? $"El relevamiento abre el {ArgentinaClock.DateTimeText(campaign.OpensAtUtc)}."
                : $"El relevamiento cerró el {ArgentinaClock.DateTimeText(campaign.ClosesAtUtc)}: las respuestas ya no se modifican.");
        }

        var dimensions = await DimensionsAsync(campaignId);
        var questionIds = dimensions.SelectMany(d => d.Questions).Select(q => q.Id).ToHashSet();
        if (posted.Any(p => !questionIds.Contains(p.Key) || p.Value is < MaturityScoring.MinAnswer or > MaturityScoring.MaxAnswer))
        {
            return CommandResult.Fail($"Cada respuesta va de {MaturityScoring.MinAnswer} a {MaturityScoring.MaxAnswer}.");
        }

        var answers = posted.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value);
        var unanswered = dimensions.SelectMany(d => d.Questions.Where(q => !answers.ContainsKey(q.Id)).Select(q => (d, q))).ToList();

        var response = await db.SurveyResponses.Include(r => r.Answers).SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.MunicipalityId == municipalityId);
        if (response is null)
        {
            response = new SurveyResponse { CampaignId = campaignId, MunicipalityId = municipalityId };
            db.SurveyResponses.Add(response);
        }

        response.UpdatedAtUtc = Now;
        foreach (var (questionId, value) in answers)
        {
            var answer = response.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (answer is null)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = questionId, Value = value });
            }
            else
            {
                answer.Value = value;
            }
        }

        foreach (var gone in response.Answers.Where(a => !answers.ContainsKey(a.QuestionId)).ToList())
        {
            response.Answers.Remove(gone);
            db.SurveyAnswers.Remove(gone);
        }

        var complete = unanswered.Count == 0;
        if (submit && complete)
        {
            var overall = MaturityScoring.Overall(Scores(dimensions, answers));
            response.SubmittedAtUtc = Now;
            response.OverallScore = overall;
            response.Level = overall is { } o ? MaturityScoring.Level(o) : null;
            var name = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Name).SingleAsync();
            audit.Record((ClaimsPrincipal?)null, AuditActions.SurveySubmitted, nameof(SurveyResponse), null, $"{name} en «{campaign.Name}»: {response.Level?.Label()}");
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same link saved twice at once: the unique (campaign, municipality) index kept one.
            db.ChangeTracker.Clear();
            return CommandResult.Fail("Otra persona guardó este relevamiento al mismo tiempo: volvé a abrir el enlace y revisá las respuestas.");
        }

        return submit && !complete
            ? CommandResult.Fail($"Guardamos el borrador, pero para enviarlo faltan {unanswered.Count} respuestas, por ejemplo: «{unanswered[0].q.Text}» ({unanswered[0].d.Name}).")
            : CommandResult.Done;
    }

    public async Task<SurveyResultViewModel?> ResultAsync(int editionId, int municipalityId)
    {
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.EditionId == editionId).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync();
        var row = campaign is null ? null : await db.SurveyResponses.AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && r.MunicipalityId == municipalityId && r.SubmittedAtUtc != null)
            .Select(r => new { r.Municipality.Name, r.Municipality.Province, r.Municipality.Category, r.OverallScore, r.Level, Answers = r.Answers.Select(a => new { a.QuestionId, a.Value }).ToList() })
            .SingleOrDefaultAsync();
        if (campaign is null || row is null)
        {
            return null;
        }

        var dimensions = await DimensionsAsync(campaign.Id);
        return new SurveyResultViewModel(editionId, campaign.Name, row.Name, row.Province, row.Category,
            new RadarChart(Scores(dimensions, row.Answers.ToDictionary(a => a.QuestionId, a => a.Value))), row.OverallScore, row.Level);
    }

    /// <summary>The submitted responses with their dimension scores, for CSV and Excel (three SQL commands whatever the number of municipalities).</summary>
    public async Task<ExportTable?> ExportAsync(int editionId)
    {
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.EditionId == editionId).Select(c => new { c.Id }).SingleOrDefaultAsync();
        if (campaign is null)
        {
            return null;
        }

        var dimensions = await DimensionsAsync(campaign.Id);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id && r.SubmittedAtUtc != null).OrderBy(r => r.Municipality.Name)
            .Select(r => new { r.Municipality.Name, r.Municipality.Province, r.Municipality.Category, r.Municipality.Population, r.OverallScore, r.Level, r.SubmittedAtUtc, Answers = r.Answers.Select(a => new { a.QuestionId, a.Value }).ToList() })
            .ToListAsync();
        var es = CultureInfo.GetCultureInfo("es-AR");
        string Num(double? v) => v is { } x ? x.ToString("0.00", es) : "";
        var headers = new List<string> { "Municipio", "Provincia", "Categoría", "Población" };
        headers.AddRange(dimensions.Select(d => d.Name));
        headers.AddRange(["Puntaje general", "Nivel", "Enviado"]);
        var rows = responses.Select(r =>
        {
            var scores = Scores(dimensions, r.Answers.ToDictionary(a => a.QuestionId, a => a.Value));
            var row = new List<string> { r.Name, r.Province, r.Category.Label(), r.Population?.ToString("N0", es) ?? "" };
            row.AddRange(scores.Select(s => Num(s.Score)));
            row.AddRange([Num(r.OverallScore), r.Level?.Label() ?? "", ArgentinaClock.DateTimeText(r.SubmittedAtUtc!.Value)]);
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ExportTable("Relevamiento", headers, rows);
    }
}
