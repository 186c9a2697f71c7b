using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>Follows a procedure's step graph: what comes next, and the main path from the start.</summary>
public sealed class StepNavigator
{
    /// <summary>
    /// The steps after <paramref name="currentStepId"/>: a decision's yes or no branch (both when the
    /// outcome is not given), or a task's following steps. With no current step, the first step.
    /// </summary>
    /// <exception cref="UnknownStepException">The procedure has no such step.</exception>
    /// <exception cref="ArgumentException">The outcome is neither yes nor no.</exception>
    public NextStepsResult Next(Procedure procedure, string? currentStepId, string? outcome)
    {
        ArgumentNullException.ThrowIfNull(procedure);

        if (string.IsNullOrWhiteSpace(currentStepId))
            return new NextStepsResult(procedure.Id, null,
                procedure.Steps.Count == 0 ? [] : [StepView.Of(procedure.Steps[0])], procedure.LegalNote);

        var step = procedure.FindStep(currentStepId.Trim())
            ?? throw new UnknownStepException(procedure.Id, currentStepId);
        var branch = NormalizeOutcome(outcome);

        IEnumerable<StepView> next = step.Kind == StepKind.Decision
            ? branch switch
            {
                "yes" => [View(procedure, step.Yes!, "yes")],
                "no" => [View(procedure, step.No!, "no")],
                _ => [View(procedure, step.Yes!, "yes"), View(procedure, step.No!, "no")],
            }
            : step.Next.Select(id => View(procedure, id, null));
        return new NextStepsResult(procedure.Id, StepView.Of(step), [.. next], procedure.LegalNote);
    }

    /// <summary>
    /// The steps from the start, breadth first, following every next and the yes of each decision: the
    /// way a successful application goes.
    /// </summary>
    public IReadOnlyList<Step> Path(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (procedure.Steps.Count == 0)
            return [];

        var path = new List<Step>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([procedure.Steps[0].Id]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || procedure.FindStep(id) is not { } step)
                continue;

            path.Add(step);
            var onward = step.Kind == StepKind.Decision ? [step.Yes!] : step.Next;
            foreach (var next in onward)
                queue.Enqueue(next);
        }

        return path;
    }

    private static StepView View(Procedure procedure, string id, string? branch) =>
        StepView.Of(procedure.FindStep(id)!, branch);

    private static string? NormalizeOutcome(string? outcome) => outcome?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "YES" or "TRUE" or "是" or "通过" => "yes",
        "NO" or "FALSE" or "否" or "不通过" => "no",
        _ => throw new ArgumentException($"outcome 应为 yes 或 no，收到 '{outcome}'。", nameof(outcome)),
    };
}
