using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>The steps that follow a step.</summary>
/// <param name="ProcedureId">The procedure.</param>
/// <param name="From">The step asked about, or null for the start.</param>
/// <param name="Next">The following steps.</param>
/// <param name="LegalNote">Where the procedure's chart lags the law.</param>
public sealed record NextStepsResult(
    string ProcedureId, StepView? From, IReadOnlyList<StepView> Next, LegalNote? LegalNote = null);

/// <summary>A step as answers show it.</summary>
/// <param name="Id">The step's id.</param>
/// <param name="Name">The chart's text.</param>
/// <param name="Kind">Task, decision, publicity or end.</param>
/// <param name="Actor">Who does it.</param>
/// <param name="Summary">What it means in context.</param>
/// <param name="Duration">A time limit from the chart.</param>
/// <param name="MinDays">The minimum publicity length.</param>
/// <param name="DayUnit">Calendar or working days.</param>
/// <param name="Branch">"yes" or "no" when the step follows a decision's branch.</param>
public sealed record StepView(
    string Id,
    string Name,
    StepKind Kind,
    string? Actor,
    string? Summary,
    string? Duration,
    int? MinDays,
    DayUnit? DayUnit,
    string? Branch)
{
    /// <summary>Describes a step.</summary>
    public static StepView Of(Step step, string? branch = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new StepView(step.Id, step.Name, step.Kind, step.Actor, step.Summary, step.Duration,
            step.MinDays, step.DayUnit, branch);
    }
}

/// <summary>A step id that the procedure does not have.</summary>
public sealed class UnknownStepException(string procedureId, string stepId)
    : ArgumentException($"Procedure {procedureId} has no step '{stepId}'.")
{
    /// <summary>The step asked for.</summary>
    public string StepId { get; } = stepId;
}
