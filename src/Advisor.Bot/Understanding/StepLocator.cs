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

        var said = ProcedureIndex.CharBigrams(ProcedureIndex.Prepare(WithoutTitle(text, procedure)))
            .Where(k => !Generic.Contains(k)).ToHashSet();
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

    /// <summary>
    /// The text without the runs of four or more characters it shares with the procedure's title: they
    /// say which procedure (「独生子女家庭初审…材料不全」), not which step, while a short run such as 初审
    /// may well name a step.
    /// </summary>
    private static string WithoutTitle(string text, Procedure procedure)
    {
        var title = TextFold.Normalize(procedure.Title);
        var kept = text.ToCharArray();
        for (var start = 0; start < text.Length; start++)
        {
            var length = 0;
            while (start + length < text.Length && title.Contains(text.AsSpan(start, length + 1), StringComparison.Ordinal))
                length++;

            if (length >= MinTitleRun)
                Array.Fill(kept, ' ', start, length);
        }

        return new string(kept);
    }

    private const int MinTitleRun = 4;

    /// <summary>
    /// With an outcome, the decision whose branch of that outcome leads to the step named: 「材料没核过」
    /// names 材料补正, which is where the check's no leads, so the answer starts from the check.
    /// </summary>
    /// <param name="procedure">The procedure.</param>
    /// <param name="stepId">The step found in the text.</param>
    /// <param name="outcome">yes, no or null.</param>
    public static string? FromOutcome(Procedure procedure, string? stepId, string? outcome)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (stepId is null || outcome is null || procedure.FindStep(stepId) is not { Kind: not StepKind.Decision })
            return stepId;

        var decision = procedure.Steps.FirstOrDefault(s =>
            s.Kind == StepKind.Decision && (outcome == "no" ? s.No : s.Yes) == stepId);
        return decision?.Id ?? stepId;
    }
}
