using System.Linq.Expressions;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using Engine = RulesEngine.RulesEngine;

namespace Advisor.Benchmarks.Limits;

/// <summary>
/// Splits the project's cost in two, to show where the gap to the limit is: the engine's execution alone
/// (one warm engine, the same workflow, settings and typed inputs as the project, no answer built), and a
/// prototype of the remedy, the same leaf expressions parsed by the engine's own parser, compiled once
/// with the standard compiler and evaluated three-valued in plain code (a decision only, no messages).
/// </summary>
internal sealed class EngineShare
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
    private readonly Engine _engine;
    private readonly string _workflow;
    private readonly RuleParameter[] _inputs;
    private readonly object[] _placeholders;
    private readonly object[] _parameters;
    private readonly Node[] _tree;

    public EngineShare(Procedure procedure, FactSet facts)
    {
        _procedure = procedure;
        var eligibility = procedure.Eligibility!;
        _workflow = eligibility.WorkflowName;
        var naive = new NaiveEligibility(procedure);
        _engine = new Engine([naive.Workflow], Settings);
        _inputs = naive.Inputs(facts);
        _engine.ExecuteAllRulesAsync(_workflow, _inputs).AsTask().GetAwaiter().GetResult();

        _placeholders = [.. procedure.Facts.Select(f => NaiveEligibility.Placeholder(f.Type))];
        _parameters = [.. procedure.Parameters.Select(p => NaiveEligibility.Clr(p.Value))];
        var typed = NaiveEligibility.Inputs(procedure, FactSet.Empty);
        var parser = new RuleExpressionParser(Settings);
        _tree = [.. eligibility.Rules.Where(r => r.Enabled).Select(r => Build(r, parser, typed))];
    }

    /// <summary>The engine's execution of the workflow, warm: what the project pays the engine per call.</summary>
    public async Task<int> EngineAsync(CancellationToken cancellationToken)
    {
        var results = await _engine.ExecuteAllRulesAsync(_workflow, _inputs, cancellationToken);
        return results.Count;
    }

    /// <summary>The decision from compiled leaves, without the engine's per-call machinery.</summary>
    public Decision Compiled(FactSet facts)
    {
        var values = new object[_placeholders.Length + _parameters.Length];
        var known = new bool[_placeholders.Length];
        for (var i = 0; i < _placeholders.Length; i++)
        {
            known[i] = facts.TryGet(_procedure.Facts[i].Name, out var value) && value is not null;
            values[i] = known[i] ? value! : _placeholders[i];
        }

        _parameters.CopyTo(values, _placeholders.Length);
        var truth = Truth.True;
        foreach (var node in _tree)
        {
            var t = node.Evaluate(values, known);
            if (t == Truth.False)
                return Decision.Ineligible;

            if (t == Truth.Unknown)
                truth = Truth.Unknown;
        }

        return truth == Truth.True ? Decision.Eligible : Decision.Undetermined;
    }

    private Node Build(RuleDefinition rule, RuleExpressionParser parser, RuleParameter[] typed)
    {
        var children = rule.Rules.Where(r => r.Enabled).Select(r => Build(r, parser, typed)).ToArray();
        if (children.Length > 0)
            return new Node(rule.Operator is "Or" or "OrElse", children, null, []);

        var parameters = typed.Select(t => t.ParameterExpression).ToArray();
        var body = parser.Parse(rule.Expression!, parameters, typeof(bool));
        var args = Expression.Parameter(typeof(object[]), "args");
        var block = Expression.Block(parameters,
            parameters.Select((p, i) => (Expression)Expression.Assign(p, Expression.Convert(
                Expression.ArrayIndex(args, Expression.Constant(i)), p.Type))).Append(body));
        var leaf = Expression.Lambda<Func<object[], bool>>(block, args).Compile();
        var reads = Enumerable.Range(0, _procedure.Facts.Count)
            .Where(i => rule.Expression!.Contains(_procedure.Facts[i].Name, StringComparison.Ordinal)).ToArray();
        return new Node(false, [], leaf, reads);
    }

    private sealed record Node(bool IsOr, Node[] Children, Func<object[], bool>? Leaf, int[] Reads)
    {
        public Truth Evaluate(object[] values, bool[] known)
        {
            if (Leaf is not null)
                return Reads.Any(i => !known[i]) ? Truth.Unknown : Leaf(values) ? Truth.True : Truth.False;

            var result = IsOr ? Truth.False : Truth.True;
            foreach (var child in Children)
            {
                var t = child.Evaluate(values, known);
                if (t == (IsOr ? Truth.True : Truth.False))
                    return t;

                if (t == Truth.Unknown)
                    result = Truth.Unknown;
            }

            return result;
        }
    }
}
