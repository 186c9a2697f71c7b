using System.Text.Json;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;
using RulesEngine.Models;
using Engine = RulesEngine.RulesEngine;

namespace Advisor.Benchmarks.Limits;

/// <summary>
/// Eligibility as a naive caller writes it: a new RulesEngine for every request, built from the
/// procedure's workflow, so every expression is parsed and compiled again on each call. It answers only
/// the engine's pass or fail (no messages, no missing facts): it does less than the project's path,
/// which makes the measured gap a lower bound.
/// </summary>
internal sealed class NaiveEligibility
{
    private static readonly ReSettings Settings = new()
    {
        UseFastExpressionCompiler = false,
        IsExpressionCaseSensitive = true,
        NestedRuleExecutionMode = NestedRuleExecutionMode.All,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = false,
        AutoRegisterInputType = false,
    };

    private readonly Procedure _procedure;

    public NaiveEligibility(Procedure procedure)
    {
        _procedure = procedure;
        var eligibility = procedure.Eligibility
            ?? throw new InvalidOperationException($"Procedure {procedure.Id} has no eligibility rules.");
        Workflow = new Workflow
        {
            WorkflowName = eligibility.WorkflowName,
            Rules = [.. eligibility.Rules.Where(r => r.Enabled).Select(ToEngineRule)],
        };
    }

    /// <summary>The procedure's eligibility workflow in the engine's form.</summary>
    public Workflow Workflow { get; }

    public async Task<Decision> EvaluateAsync(FactSet facts, CancellationToken cancellationToken)
    {
        var engine = new Engine([Workflow], Settings);
        var results = await engine.ExecuteAllRulesAsync(Workflow.WorkflowName, Inputs(facts), cancellationToken);
        return results.All(r => r.IsSuccess) ? Decision.Eligible : Decision.Ineligible;
    }

    // The same typed inputs as the project passes (a placeholder for a missing fact), so the engine
    // compiles the same expressions.
    public RuleParameter[] Inputs(FactSet facts) => Inputs(_procedure, facts);

    public static RuleParameter[] Inputs(Procedure procedure, FactSet facts) =>
    [
        .. procedure.Facts.Select(f => new RuleParameter(f.Name,
            facts.TryGet(f.Name, out var value) && value is not null ? value : Placeholder(f.Type))),
        .. procedure.Parameters.Select(p => new RuleParameter(p.Name, Clr(p.Value))),
    ];

    public static object Placeholder(FactType type) => type switch
    {
        FactType.Integer => 0,
        FactType.Number => 0m,
        FactType.Boolean => false,
        _ => string.Empty,
    };

    public static object Clr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var whole) => whole,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => value.GetString() ?? string.Empty,
    };

    private static Rule ToEngineRule(RuleDefinition definition) => new()
    {
        RuleName = definition.RuleName,
        Expression = definition.Rules.Count == 0 ? definition.Expression : null,
        Operator = definition.Rules.Count == 0 ? null : definition.Operator,
        Rules = definition.Rules.Count == 0 ? null : [.. definition.Rules.Where(r => r.Enabled).Select(ToEngineRule)],
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Enabled = true,
    };
}
