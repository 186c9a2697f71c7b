using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>Writes the one-time notice (一次性告知单): everything still missing, at once.</summary>
public static class NoticeWriter
{
    /// <summary>The notice's parts, each worded as it is printed.</summary>
    public static OneTimeNotice Write(
        Procedure procedure,
        IReadOnlyList<MissingMaterial> missing,
        IReadOnlyList<ChecklistItem> pending,
        DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(pending);

        var where = string.Join("、", procedure.Actors.Handling);
        var go = missing.Count == 0 ? "请携带以上材料到" : "请备齐后到";
        return new OneTimeNotice(
            Procedure: $"{procedure.Title}（编号 {procedure.Id}）",
            Date: $"{date.Year}年{date.Month}月{date.Day}日",
            Lead: missing.Count == 0 ? "经核对，您提交的材料已齐全。" : "经核对，您办理本事项还需补齐以下材料：",
            Missing: [.. missing.Select(Line)],
            ConditionalLead: pending.Count > 0 ? "以下材料视您的情况需要：" : null,
            Conditional: [.. pending.Select(i => $"{MaterialText.Describe(i.Material)}：{i.Reason}")],
            Closing: where.Length > 0 ? $"{go}{where}办理。" : null,
            PolicyNote: procedure.LegalNote is { } note ? $"政策提示：{note.Text}（{note.Source}）" : null);
    }

    private static string Line(MissingMaterial item)
    {
        var line = $"{item.Name}（{MaterialText.Details(item.Form, item.Copies, item.Unit, item.Supply)}）";
        if (item.MissingParts.Count > 0)
            line += $"，其中还缺：{string.Join("、", item.MissingParts)}";

        return $"{line}——{item.Reason}";
    }
}
