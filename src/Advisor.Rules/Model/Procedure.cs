namespace Advisor.Rules.Model;

/// <summary>
/// One duty flowchart of the seed document, as its rule file states it and the API returns it.
/// </summary>
public sealed record Procedure
{
    /// <summary>The seed's number, with a letter where a number repeats (<c>34</c>, <c>02b</c>).</summary>
    public required string Id { get; init; }

    /// <summary>A short English name for URLs and logs.</summary>
    public required string Slug { get; init; }

    /// <summary>The chart's title, verbatim.</summary>
    public required string Title { get; init; }

    /// <summary>The chart's category, verbatim (惠民资金, 组织建设…).</summary>
    public required string Category { get; init; }

    /// <summary>What residents call the procedure.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Colloquial descriptions of the situation, used to understand residents.</summary>
    public IReadOnlyList<string> Descriptions { get; init; } = [];

    /// <summary>One sentence about the procedure, in Chinese.</summary>
    public string? Summary { get; init; }

    /// <summary>Where the chart lags current law; every answer about the procedure repeats it.</summary>
    public LegalNote? LegalNote { get; init; }

    /// <summary>The seed lines the procedure comes from.</summary>
    public required SourceRef Source { get; init; }

    /// <summary>Implementing, cooperating and supervising bodies.</summary>
    public required ProcedureActors Actors { get; init; }

    /// <summary>Integrity risk points (廉政风险点), one per numbered point.</summary>
    public IReadOnlyList<string> Risks { get; init; } = [];

    /// <summary>Prevention measures (防控措施), one per numbered point.</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];

    /// <summary>The facts the rules read, fully resolved against the shared vocabulary.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; init; } = [];

    /// <summary>The materials an applicant may have to bring.</summary>
    public IReadOnlyList<Material> Materials { get; init; } = [];

    /// <summary>The flow; the first step is the start.</summary>
    public IReadOnlyList<Step> Steps { get; init; } = [];

    /// <summary>Thresholds the rules read, each with its source.</summary>
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>The eligibility workflow in RulesEngine's form, when the procedure has one.</summary>
    public RuleWorkflow? Eligibility { get; init; }

    /// <summary>The step with the given id, or null.</summary>
    public Step? FindStep(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    /// <summary>The fact with the given name, or null.</summary>
    public FactDefinition? FindFact(string name) => Facts.FirstOrDefault(f => f.Name == name);
}
