using System.Globalization;
using System.Text;
using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>Writes the one-time notice (一次性告知单): everything still missing, at once.</summary>
public static class NoticeWriter
{
    /// <summary>The notice as plain text, one item a line.</summary>
    public static string Write(
        Procedure procedure,
        IReadOnlyList<MissingMaterial> missing,
        IReadOnlyList<ChecklistItem> pending,
        DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(pending);

        var text = new StringBuilder();
        text.AppendLine("一次性告知单");
        text.AppendLine(CultureInfo.InvariantCulture, $"事项：{procedure.Title}（编号 {procedure.Id}）");
        text.AppendLine(CultureInfo.InvariantCulture, $"日期：{date.Year}年{date.Month}月{date.Day}日");

        if (missing.Count == 0)
        {
            text.AppendLine("经核对，您提交的材料已齐全。");
        }
        else
        {
            text.AppendLine("经核对，您办理本事项还需补齐以下材料：");
            for (var i = 0; i < missing.Count; i++)
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {Line(missing[i])}");
        }

        if (pending.Count > 0)
        {
            text.AppendLine("以下材料视您的情况需要：");
            foreach (var item in pending)
                text.AppendLine(CultureInfo.InvariantCulture, $"· {MaterialText.Describe(item.Material)}：{item.Reason}");
        }

        var where = string.Join("、", procedure.Actors.Handling);
        if (where.Length > 0)
        {
            var go = missing.Count == 0 ? "请携带以上材料到" : "请备齐后到";
            text.AppendLine(CultureInfo.InvariantCulture, $"{go}{where}办理。");
        }

        if (procedure.LegalNote is { } note)
            text.AppendLine(CultureInfo.InvariantCulture, $"政策提示：{note.Text}（{note.Source}）");

        return text.ToString().TrimEnd();
    }

    private static string Line(MissingMaterial item)
    {
        var line = $"{item.Name}（{MaterialText.Details(item.Form, item.Copies, item.Unit, item.Supply)}）";
        if (item.MissingParts.Count > 0)
            line += $"，其中还缺：{string.Join("、", item.MissingParts)}";

        return $"{line}——{item.Reason}";
    }
}
