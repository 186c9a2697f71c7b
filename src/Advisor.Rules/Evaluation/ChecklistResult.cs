using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>Whether a material applies to an applicant.</summary>
public enum Applies
{
    /// <summary>Always required.</summary>
    Always,

    /// <summary>Required because its condition holds for the applicant.</summary>
    Yes,

    /// <summary>Depends on a fact not given yet.</summary>
    Unknown,
}

/// <summary>The materials that apply to an applicant.</summary>
/// <param name="ProcedureId">The procedure.</param>
/// <param name="Title">Its title.</param>
/// <param name="Materials">Every material that applies or may apply, in the chart's order.</param>
/// <param name="LegalNote">Where the chart lags the law.</param>
public sealed record ChecklistResult(
    string ProcedureId,
    string Title,
    IReadOnlyList<ChecklistItem> Materials,
    LegalNote? LegalNote);

/// <summary>One material of a checklist.</summary>
/// <param name="Material">The material as the chart lists it.</param>
/// <param name="Applies">Always, yes (its condition holds) or unknown.</param>
/// <param name="Reason">Why it applies (再婚夫妻), for conditional materials.</param>
/// <param name="MissingFacts">The facts that decide it, when unknown.</param>
public sealed record ChecklistItem(
    Material Material,
    Applies Applies,
    string? Reason,
    IReadOnlyList<MissingFact> MissingFacts);
