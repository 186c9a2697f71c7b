using Advisor.Bot.Text;
using Advisor.Rules.Model;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Finds the step a resident says they have reached (「村民代表会议通过了」 → the resolution step) by the
/// character pairs the message shares with each step's name; decisions are found by what they decide.
/// </summary>
internal static class StepLocator
{
    /// <summary>Pairs that say only that something passed or comes next, not which step it was.</summary>
    private static readonly HashSet<int> Generic = [.. new[] { "通过", "下一步", "申请", "是否", "审核", "办理", "结束" }
        .SelectMany(w => ProcedureIndex.CharBigrams(w))];

    /// <summary>The id of the step the text names, or null.</summary>
    /// <param name="procedure">The procedure.</param>
    /// <param name="text">Normalised text.</param>
    public static string? Find(Procedure procedure, string text)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(text);

        var said = ProcedureIndex.CharBigrams(ProcedureIndex.Prepare(text)).Where(k => !Generic.Contains(k)).ToHashSet();
        if (said.Count == 0)
            return null;

        string? best = null;
        var bestScore = 0.0;
        foreach (var step in procedure.Steps)
        {
            if (step.Kind == StepKind.End)
                continue;

            var name = step.Kind == StepKind.Decision ? step.Summary ?? step.Name : step.Name;
            var pairs = ProcedureIndex.CharBigrams(TextFold.Normalize(TextFold.WithoutAsides(name)))
                .Concat(ProcedureIndex.CharBigrams(TextFold.Normalize(name)))
                .Where(k => !Generic.Contains(k)).ToHashSet();
            var shared = pairs.Count(said.Contains);

            // Tasks beat the decisions that follow them on a tie: the outcome is applied to the task.
            var score = shared + (step.Kind == StepKind.Decision ? 0 : 0.5);
            if (shared >= 1 && score > bestScore)
            {
                best = step.Id;
                bestScore = score;
            }
        }

        return best;
    }
}
