namespace Advisor.Rules.Evaluation;

/// <summary>
/// The rules engine failed on a rule. This is an error of the rule set or the engine, never an answer
/// of "not eligible".
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException(string procedureId, string ruleName, string engineMessage)
        : base($"Rule '{ruleName}' of procedure {procedureId} failed in the engine: {engineMessage}")
    {
        ProcedureId = procedureId;
        RuleName = ruleName;
    }

    /// <summary>The procedure whose rule failed.</summary>
    public string ProcedureId { get; }

    /// <summary>The rule that failed.</summary>
    public string RuleName { get; }
}
