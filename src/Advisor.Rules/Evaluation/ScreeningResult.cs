namespace Advisor.Rules.Evaluation;

/// <summary>One person's facts against every procedure with eligibility rules.</summary>
/// <param name="Results">One decision per procedure, eligible ones first.</param>
public sealed record ScreeningResult(IReadOnlyList<ScreeningItem> Results);

/// <summary>The decision of one procedure in a screening.</summary>
/// <param name="ProcedureId">The procedure.</param>
/// <param name="Title">Its title.</param>
/// <param name="Decision">Eligible, ineligible or undetermined.</param>
/// <param name="MissingFacts">The facts that would decide an undetermined one.</param>
public sealed record ScreeningItem(
    string ProcedureId,
    string Title,
    Decision Decision,
    IReadOnlyList<MissingFact> MissingFacts);
