namespace Advisor.Rules.Model;

/// <summary>One box of a flowchart.</summary>
public sealed record Step
{
    /// <summary>A kebab-case id, unique in the procedure.</summary>
    public required string Id { get; init; }

    /// <summary>The chart's text, verbatim.</summary>
    public required string Name { get; init; }

    /// <summary>Task, decision, publicity or end.</summary>
    public required StepKind Kind { get; init; }

    /// <summary>Who does it.</summary>
    public string? Actor { get; init; }

    /// <summary>What the step means, in context.</summary>
    public string? Summary { get; init; }

    /// <summary>A time limit as the chart states it.</summary>
    public string? Duration { get; init; }

    /// <summary>The following steps (tasks and publicity).</summary>
    public IReadOnlyList<string> Next { get; init; } = [];

    /// <summary>The step after a yes (decisions).</summary>
    public string? Yes { get; init; }

    /// <summary>The step after a no (decisions).</summary>
    public string? No { get; init; }

    /// <summary>The minimum publicity length.</summary>
    public int? MinDays { get; init; }

    /// <summary>How <see cref="MinDays"/> is counted.</summary>
    public DayUnit? DayUnit { get; init; }

    /// <summary>Every step this one can lead to.</summary>
    public IEnumerable<string> Successors()
    {
        foreach (var next in Next)
            yield return next;

        if (Yes is not null)
            yield return Yes;

        if (No is not null)
            yield return No;
    }
}
