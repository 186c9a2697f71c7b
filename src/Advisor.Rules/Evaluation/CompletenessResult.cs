using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>What is still missing from what an applicant brought.</summary>
/// <param name="ProcedureId">The procedure.</param>
/// <param name="Title">Its title.</param>
/// <param name="Complete">True when nothing required is missing.</param>
/// <param name="Missing">The required materials not brought, each with why it applies.</param>
/// <param name="Unrecognized">Submitted items that match no material of the procedure.</param>
/// <param name="Pending">Materials that depend on facts not given yet.</param>
/// <param name="Notice">The one-time notice (一次性告知单) as plain text, ready to print.</param>
/// <param name="NoticeParts">The same notice in its parts, for a page that lays it out itself.</param>
/// <param name="LegalNote">Where the chart lags the law.</param>
public sealed record CompletenessResult(
    string ProcedureId,
    string Title,
    bool Complete,
    IReadOnlyList<MissingMaterial> Missing,
    IReadOnlyList<string> Unrecognized,
    IReadOnlyList<ChecklistItem> Pending,
    string Notice,
    OneTimeNotice NoticeParts,
    LegalNote? LegalNote);

/// <summary>A required material that was not brought, or not in the required form.</summary>
/// <param name="MaterialId">The material's id.</param>
/// <param name="Name">The chart's name.</param>
/// <param name="Form">Original, copy or both.</param>
/// <param name="Copies">How many.</param>
/// <param name="Unit">The counting word.</param>
/// <param name="Supply">Who provides it.</param>
/// <param name="Reason">Why it is required of this applicant.</param>
/// <param name="MissingParts">For a bundled material, the documents of the bundle still missing.</param>
public sealed record MissingMaterial(
    string MaterialId,
    string Name,
    MaterialForm Form,
    int Copies,
    string? Unit,
    MaterialSupply Supply,
    string Reason,
    IReadOnlyList<string> MissingParts);
