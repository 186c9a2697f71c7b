using System.Collections.Frozen;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Advisor.Rules.Validation;
using RulesEngine.Models;
using Engine = RulesEngine.RulesEngine;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Every workflow of the catalog in one RulesEngine instance, compiled once. The instance is shared by
/// all requests: RulesEngine's execution is thread-safe, and its compiled-expression cache is keyed by
/// the input shape, which <see cref="ProcedureRules"/> keeps constant.
/// </summary>
public sealed class CompiledRuleSet
{
    private static readonly ReSettings Settings = new()
    {
        // FastExpressionCompiler treats nulls differently; the standard compiler is the reference.
        UseFastExpressionCompiler = false,
        IsExpressionCaseSensitive = true,
        NestedRuleExecutionMode = NestedRuleExecutionMode.All,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = false,
        AutoRegisterInputType = false,

        // Rules here only decide; nothing may run as a side effect of a request.
        AutoExecuteActions = false,
    };

    private readonly Engine _engine;
    private readonly FrozenDictionary<string, ProcedureRules> _rules;

    /// <summary>Builds and compiles the workflows of every procedure.</summary>
    /// <exception cref="RuleCatalogException">An expression does not compile.</exception>
    public CompiledRuleSet(ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        _rules = catalog.Procedures.ToFrozenDictionary(p => p.Id, p => new ProcedureRules(p));
        _engine = new Engine([.. _rules.Values.SelectMany(r => r.Workflows())], Settings);

        var problems = Compile();
        if (problems.Count > 0)
            throw new RuleCatalogException(problems);
    }

    internal ProcedureRules For(Procedure procedure) =>
        _rules.TryGetValue(procedure.Id, out var rules)
            ? rules
            : throw new ArgumentException($"Procedure {procedure.Id} is not in the catalog.", nameof(procedure));

    /// <summary>Runs one workflow and folds the engine's results into three-valued answers.</summary>
    internal async Task<IReadOnlyList<EvaluatedRule>> RunAsync(
        ProcedureRules rules,
        string workflow,
        IReadOnlyList<RuleNode> nodes,
        FactSet facts,
        CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
            return [];

        var results = await _engine.ExecuteAllRulesAsync(workflow, rules.Inputs(facts), cancellationToken);
        return Fold(rules.Procedure.Id, nodes, results, facts);
    }

    private static IReadOnlyList<EvaluatedRule> Fold(
        string procedureId, IReadOnlyList<RuleNode> nodes, IEnumerable<RuleResultTree>? results, FactSet facts)
    {
        var byName = (results ?? []).ToDictionary(r => r.Rule.RuleName, StringComparer.Ordinal);
        var folded = new EvaluatedRule[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            byName.TryGetValue(node.Name, out var result);
            folded[i] = Fold(procedureId, node, result, facts);
        }

        return folded;
    }

    private static EvaluatedRule Fold(string procedureId, RuleNode node, RuleResultTree? result, FactSet facts)
    {
        if (!node.IsLeaf)
        {
            var children = Fold(procedureId, node.Children, result?.ChildResults, facts);
            var truth = node.IsOr
                ? TruthLogic.Or(children.Select(c => c.Truth))
                : TruthLogic.And(children.Select(c => c.Truth));
            return new EvaluatedRule(node, truth, children);
        }

        // A leaf that reads a missing fact ran on a placeholder: its result means nothing.
        if (node.FactsRead.Any(f => !facts.Has(f)))
            return new EvaluatedRule(node, Truth.Unknown, []);

        if (result is null)
            throw new RuleEvaluationException(procedureId, node.Name, "the engine returned no result");

        if (!string.IsNullOrEmpty(result.ExceptionMessage))
            throw new RuleEvaluationException(procedureId, node.Name, result.ExceptionMessage);

        return new EvaluatedRule(node, result.IsSuccess ? Truth.True : Truth.False, []);
    }

    // RulesEngine compiles an expression the first time it runs, so every workflow runs once here, on
    // placeholder inputs, to surface a broken expression at start-up instead of on a request.
    private List<RuleProblem> Compile()
    {
        var problems = new List<RuleProblem>();
        foreach (var rules in _rules.Values)
        {
            var file = rules.Procedure.Id + ".json";
            if (rules.EligibilityWorkflow is { } eligibility)
                CompileWorkflow(rules, eligibility, rules.Eligibility, file, problems);

            CompileWorkflow(rules, rules.ChecklistWorkflow, rules.Conditions, file, problems);
        }

        return problems;
    }

    private void CompileWorkflow(
        ProcedureRules rules, string workflow, IReadOnlyList<RuleNode> nodes, string file, List<RuleProblem> problems)
    {
        if (nodes.Count == 0)
            return;

        var results = _engine.ExecuteAllRulesAsync(workflow, rules.Inputs(FactSet.Empty)).AsTask().GetAwaiter().GetResult();
        Collect(nodes, results, file, problems);
    }

    private static void Collect(
        IReadOnlyList<RuleNode> nodes, IEnumerable<RuleResultTree>? results, string file, List<RuleProblem> problems)
    {
        var byName = (results ?? []).ToDictionary(r => r.Rule.RuleName, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!byName.TryGetValue(node.Name, out var result))
                continue;

            if (node.IsLeaf && !string.IsNullOrEmpty(result.ExceptionMessage))
            {
                problems.Add(new RuleProblem(file, node.FilePath,
                    $"The expression does not compile: {result.ExceptionMessage}",
                    "Write a C# boolean expression over declared facts and parameters (age >= minAge)."));
            }

            Collect(node.Children, result.ChildResults, file, problems);
        }
    }
}

/// <summary>A rule with its three-valued outcome.</summary>
internal sealed record EvaluatedRule(RuleNode Node, Truth Truth, IReadOnlyList<EvaluatedRule> Children);
