using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>Whether an applicant qualifies.</summary>
public enum Decision
{
    /// <summary>Every criterion holds.</summary>
    Eligible,

    /// <summary>At least one criterion fails, whatever else is missing.</summary>
    Ineligible,

    /// <summary>No criterion fails yet, but facts that can change the outcome are missing.</summary>
    Undetermined,
}

/// <summary>The status of one criterion.</summary>
public enum ReasonStatus
{
    /// <summary>The criterion holds.</summary>
    Passed,

    /// <summary>The criterion fails.</summary>
    Failed,

    /// <summary>A fact it reads is missing.</summary>
    Unknown,
}

/// <summary>The answer to "does this applicant qualify?".</summary>
/// <param name="ProcedureId">The procedure.</param>
/// <param name="Title">Its title.</param>
/// <param name="Decision">Eligible, ineligible or undetermined.</param>
/// <param name="Reasons">Every criterion, passed or not, with a Chinese message and its source.</param>
/// <param name="MissingFacts">The facts still needed, only those that can change the outcome.</param>
/// <param name="LegalNote">Where the chart lags the law.</param>
public sealed record EligibilityResult(
    string ProcedureId,
    string Title,
    Decision Decision,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<MissingFact> MissingFacts,
    LegalNote? LegalNote);

/// <summary>One criterion and what it concluded.</summary>
/// <param name="Rule">The rule's name in the procedure file.</param>
/// <param name="Label">What the criterion is about.</param>
/// <param name="Status">Passed, failed or unknown.</param>
/// <param name="Message">A Chinese sentence with the threshold and the applicant's value.</param>
/// <param name="Source">The chart, law or notice behind it.</param>
/// <param name="Children">The nested criteria, explained the same way.</param>
public sealed record Reason(
    string Rule,
    string Label,
    ReasonStatus Status,
    string Message,
    string? Source,
    IReadOnlyList<Reason> Children)
{
    /// <summary>True when passed, false when failed, null when unknown.</summary>
    public bool? Passed => Status switch
    {
        ReasonStatus.Passed => true,
        ReasonStatus.Failed => false,
        _ => null,
    };
}

/// <summary>A fact still needed, with the question that asks for it.</summary>
/// <param name="Name">The fact's name.</param>
/// <param name="Label">Its Chinese label.</param>
/// <param name="Question">The question to ask.</param>
/// <param name="Type">Its type.</param>
/// <param name="Values">Allowed values of an enum fact.</param>
public sealed record MissingFact(
    string Name,
    string Label,
    string Question,
    FactType Type,
    IReadOnlyList<EnumValue> Values)
{
    /// <summary>Describes a fact definition as a missing fact.</summary>
    public static MissingFact Of(FactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new MissingFact(fact.Name, fact.Label, fact.Question, fact.Type, fact.Values);
    }
}
