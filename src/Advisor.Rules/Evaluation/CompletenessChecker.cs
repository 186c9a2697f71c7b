using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Checks what an applicant brought against the materials that apply to them, and writes the
/// one-time notice of everything still missing.
/// </summary>
public sealed class CompletenessChecker(
    ChecklistEvaluator checklist, MaterialMatcher matcher, TimeProvider time)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Compares the submitted items with the checklist for these facts.</summary>
    public async Task<CompletenessResult> CheckAsync(
        Procedure procedure,
        FactSet facts,
        IReadOnlyList<string> submitted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(submitted);

        var applicable = await checklist.EvaluateAsync(procedure, facts, cancellationToken);

        var matches = new List<MaterialMatch>();
        var unrecognized = new List<string>();
        foreach (var entry in submitted)
        {
            foreach (var (item, found) in matcher.Read(procedure, entry))
            {
                if (found.Count == 0)
                    unrecognized.Add(item);
                else
                    matches.AddRange(found);
            }
        }

        var missing = applicable.Materials
            .Where(i => i.Applies != Applies.Unknown && i.Material.Supply != MaterialSupply.OnRequest)
            .Select(i => Missing(i, matches))
            .OfType<MissingMaterial>()
            .ToArray();
        var pending = applicable.Materials.Where(i => i.Applies == Applies.Unknown).ToArray();

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        var notice = NoticeWriter.Write(procedure, missing, pending, today);
        return new CompletenessResult(procedure.Id, procedure.Title, missing.Length == 0, missing,
            unrecognized, pending, notice.ToText(), notice, procedure.LegalNote);
    }

    private static MissingMaterial? Missing(ChecklistItem item, List<MaterialMatch> matches)
    {
        var material = item.Material;
        var own = matches.Where(m => m.MaterialId == material.Id).ToArray();
        var reason = item.Applies == Applies.Yes ? $"因为：{item.Reason}" : "本事项必备材料";

        if (material.Parts.Count > 0 && !own.Any(m => m.PartId is null))
        {
            var missingParts = material.Parts.Where(p => !own.Any(m => m.PartId == p.Id)).Select(p => p.Name).ToArray();
            return missingParts.Length == 0 ? CopyOnly(material, own, reason) : Describe(material, reason, missingParts);
        }

        return own.Length == 0 ? Describe(material, reason, []) : CopyOnly(material, own, reason);
    }

    // Someone who says only 「复印件」 for a document whose original must be shown still owes the original.
    private static MissingMaterial? CopyOnly(Material material, MaterialMatch[] own, string reason)
    {
        var needsOriginal = material.Form is MaterialForm.Original or MaterialForm.OriginalAndCopy;
        var onlyCopies = own.All(m => m.Form == MaterialForm.Copy);
        return needsOriginal && onlyCopies
            ? Describe(material, reason + "；只带了复印件，还需出示原件", [])
            : null;
    }

    private static MissingMaterial Describe(Material material, string reason, IReadOnlyList<string> parts) =>
        new(material.Id, material.Name, material.Form, material.Copies, material.Unit, material.Supply, reason, parts);
}
