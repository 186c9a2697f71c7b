using System.Globalization;
using System.Text;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// The one-time notice (一次性告知单) in its parts, each already worded, so that a page can lay it out
/// (the desk prints it) and still say exactly what the plain-text notice says.
/// </summary>
/// <param name="Procedure">The procedure's title and id: 「计划生育（再生育家庭初审核实）（编号 44b）」.</param>
/// <param name="Date">The day of the check, in Chinese: 「2026年12月4日」.</param>
/// <param name="Lead">What follows: the materials still missing, or that nothing is.</param>
/// <param name="Missing">One line per missing material, with its form, count, supplier and why it is needed.</param>
/// <param name="ConditionalLead">The sentence before <paramref name="Conditional"/>; null when there are none.</param>
/// <param name="Conditional">Materials that depend on facts not answered yet, each with its condition.</param>
/// <param name="Closing">Where to go; null when the chart names no one who handles it.</param>
/// <param name="PolicyNote">Where the chart lags the law, with the source; null when it does not.</param>
public sealed record OneTimeNotice(
    string Procedure,
    string Date,
    string Lead,
    IReadOnlyList<string> Missing,
    string? ConditionalLead,
    IReadOnlyList<string> Conditional,
    string? Closing,
    string? PolicyNote)
{
    /// <summary>The notice's heading.</summary>
    public const string Heading = "一次性告知单";

    /// <summary>The notice as plain text, one item a line.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(Heading);
        text.AppendLine(CultureInfo.InvariantCulture, $"事项：{Procedure}");
        text.AppendLine(CultureInfo.InvariantCulture, $"日期：{Date}");
        text.AppendLine(Lead);
        for (var i = 0; i < Missing.Count; i++)
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {Missing[i]}");

        if (ConditionalLead is not null)
            text.AppendLine(ConditionalLead);

        foreach (var line in Conditional)
            text.AppendLine(CultureInfo.InvariantCulture, $"· {line}");

        if (Closing is not null)
            text.AppendLine(Closing);

        if (PolicyNote is not null)
            text.AppendLine(PolicyNote);

        return text.ToString().TrimEnd();
    }
}
