using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;

namespace Advisor.Api.Endpoints;

/// <summary>A material of a checklist, flattened for callers.</summary>
internal sealed record ChecklistItemView(
    string Id,
    string Name,
    MaterialForm Form,
    int Copies,
    string? Unit,
    MaterialSupply Supply,
    string? Note,
    IReadOnlyList<MaterialPart> Parts,
    string? Condition,
    string? ConditionLabel,
    Applies Applies,
    IReadOnlyList<MissingFact> MissingFacts)
{
    public static ChecklistItemView Of(ChecklistItem item) => new(
        item.Material.Id, item.Material.Name, item.Material.Form, item.Material.Copies, item.Material.Unit,
        item.Material.Supply, item.Material.Note, item.Material.Parts, item.Material.Condition,
        item.Material.ConditionLabel, item.Applies, item.MissingFacts);
}

/// <summary>The checklist answer.</summary>
internal sealed record ChecklistView(
    string ProcedureId, string Title, IReadOnlyList<ChecklistItemView> Materials, LegalNote? LegalNote);
