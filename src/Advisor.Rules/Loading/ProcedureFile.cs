using Advisor.Rules.Model;

namespace Advisor.Rules.Loading;

/// <summary>
/// A procedure as written in its file: facts may be bare references to the shared vocabulary.
/// </summary>
internal sealed record ProcedureFile
{
    public required string Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<string> Descriptions { get; init; } = [];

    public string? Summary { get; init; }

    public LegalNote? LegalNote { get; init; }

    public required SourceRef Source { get; init; }

    public required ProcedureActors Actors { get; init; }

    public IReadOnlyList<string> Risks { get; init; } = [];

    public IReadOnlyList<string> Measures { get; init; } = [];

    public IReadOnlyList<FactReference> Facts { get; init; } = [];

    public IReadOnlyList<Material> Materials { get; init; } = [];

    public IReadOnlyList<Step> Steps { get; init; } = [];

    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    public RuleWorkflow? Eligibility { get; init; }
}

/// <summary>A fact entry of a procedure file: a name, and any fields that override the vocabulary.</summary>
internal sealed record FactReference
{
    public required string Name { get; init; }

    public FactType? Type { get; init; }

    public string? Label { get; init; }

    public string? Question { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public IReadOnlyList<EnumValue>? Values { get; init; }
}
