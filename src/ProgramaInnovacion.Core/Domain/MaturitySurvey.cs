namespace ProgramaInnovacion.Core.Domain;

/// <summary>A digital-maturity survey sent to municipalities, with its own questionnaire (so later edits never rescore past answers of another campaign).</summary>
public class SurveyCampaign
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public required string Name { get; set; }

    public DateTime OpensAtUtc { get; set; }

    public DateTime ClosesAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<SurveyDimension> Dimensions { get; set; } = [];

    public List<SurveyResponse> Responses { get; set; } = [];

    public bool IsOpenAt(DateTime nowUtc) => nowUtc >= OpensAtUtc && nowUtc < ClosesAtUtc;

    public bool IsClosedAt(DateTime nowUtc) => nowUtc >= ClosesAtUtc;
}

public class SurveyDimension
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public SurveyCampaign Campaign { get; set; } = null!;

    public int Order { get; set; }

    public required string Name { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];
}

/// <summary>A statement answered on a 0–4 scale (0 nada, 4 plenamente).</summary>
public class SurveyQuestion
{
    public int Id { get; set; }

    public int DimensionId { get; set; }

    public SurveyDimension Dimension { get; set; } = null!;

    public int Order { get; set; }

    public required string Text { get; set; }
}

/// <summary>One municipality's answers to a campaign: a draft until submitted, editable until the campaign closes.</summary>
public class SurveyResponse
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public SurveyCampaign Campaign { get; set; } = null!;

    public int MunicipalityId { get; set; }

    public Municipality Municipality { get; set; } = null!;

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>The overall score (0–4) of the submitted answers, kept for fast results across thousands of municipalities.</summary>
    public double? OverallScore { get; set; }

    public MaturityLevel? Level { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];
}

public class SurveyAnswer
{
    public int Id { get; set; }

    public int ResponseId { get; set; }

    public SurveyResponse Response { get; set; } = null!;

    public int QuestionId { get; set; }

    public SurveyQuestion Question { get; set; } = null!;

    public int Value { get; set; }
}
