using Advisor.Rules.Model;
using RulesEngine.Models;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// A procedure's compiled workflows and the fixed shape of their inputs: one typed input per declared
/// fact and per parameter, always the same types, so the engine compiles each expression once.
/// </summary>
internal sealed class ProcedureRules
{
    private readonly FactDefinition[] _facts;
    private readonly RuleParameter[] _placeholders;
    private readonly RuleParameter[] _parameters;

    public ProcedureRules(Procedure procedure)
    {
        Procedure = procedure;
        _facts = [.. procedure.Facts];
        _placeholders = [.. _facts.Select(f => new RuleParameter(f.Name, Placeholder(f.Type)))];
        _parameters = [.. procedure.Parameters.Select(p => new RuleParameter(p.Name, ParameterValues.ToClr(p)))];

        var factNames = _facts.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (procedure.Eligibility is { } eligibility)
        {
            EligibilityWorkflow = $"eligibility:{procedure.Id}";
            Eligibility = [.. eligibility.Rules.Where(r => r.Enabled).Select((r, i) =>
                ToNode(r, factNames, $"$.eligibility.Rules[{i}]"))];
        }

        ChecklistWorkflow = $"checklist:{procedure.Id}";
        Conditions = [.. procedure.Materials
            .Select((m, i) => (Material: m, Index: i))
            .Where(x => x.Material.Condition is not null)
            .Select(x => new RuleNode(x.Material.Id, null, false, Reads(x.Material.Condition!, factNames), [],
                $"$.materials[{x.Index}].condition"))];
    }

    public Procedure Procedure { get; }

    public string? EligibilityWorkflow { get; }

    public IReadOnlyList<RuleNode> Eligibility { get; } = [];

    public string ChecklistWorkflow { get; }

    /// <summary>One leaf per conditional material, named by the material's id.</summary>
    public IReadOnlyList<RuleNode> Conditions { get; }

    /// <summary>The engine's inputs for these facts: missing facts get a typed placeholder.</summary>
    /// <remarks>
    /// A placeholder's result is never used: every leaf that reads a missing fact is unknown. Passing it
    /// keeps the input shape constant, which is what lets the engine reuse its compiled expressions.
    /// </remarks>
    public RuleParameter[] Inputs(FactSet facts)
    {
        // Inputs are immutable and made once (placeholders here, known facts by the set), so a call only
        // fills an array: no parameter expression is built on the request path.
        var inputs = new RuleParameter[_facts.Length + _parameters.Length];
        for (var i = 0; i < _facts.Length; i++)
            inputs[i] = facts.Input(_facts[i].Name) ?? _placeholders[i];

        _parameters.CopyTo(inputs, _facts.Length);
        return inputs;
    }

    public Workflow[] Workflows()
    {
        var checklist = new Workflow
        {
            WorkflowName = ChecklistWorkflow,
            Rules = [.. Procedure.Materials.Where(m => m.Condition is not null).Select(m => new Rule
            {
                RuleName = m.Id,
                Expression = m.Condition,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
            })],
        };

        if (Procedure.Eligibility is not { } eligibility || EligibilityWorkflow is null)
            return checklist.Rules.Any() ? [checklist] : [];

        var rules = new Workflow
        {
            WorkflowName = EligibilityWorkflow,
            Rules = [.. eligibility.Rules.Where(r => r.Enabled).Select(ToEngineRule)],
        };
        return checklist.Rules.Any() ? [rules, checklist] : [rules];
    }

    private static Rule ToEngineRule(RuleDefinition definition) => new()
    {
        RuleName = definition.RuleName,
        Expression = definition.Rules.Count == 0 ? definition.Expression : null,
        Operator = definition.Rules.Count == 0 ? null : definition.Operator,
        Rules = definition.Rules.Count == 0 ? null : [.. definition.Rules.Where(r => r.Enabled).Select(ToEngineRule)],
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Enabled = true,
    };

    private static RuleNode ToNode(RuleDefinition definition, HashSet<string> facts, string path)
    {
        var children = definition.Rules.Where(r => r.Enabled)
            .Select((r, i) => ToNode(r, facts, $"{path}.Rules[{i}]"))
            .ToArray();
        var isOr = definition.Operator is "Or" or "OrElse";
        var reads = children.Length == 0 && definition.Expression is not null
            ? Reads(definition.Expression, facts)
            : [];
        return new RuleNode(definition.RuleName, definition.Properties, isOr, reads, children, path);
    }

    private static string[] Reads(string expression, HashSet<string> facts) =>
        [.. Validation.ExpressionNames.Of(expression).Where(facts.Contains)];

    private static object Placeholder(FactType type) => type switch
    {
        FactType.Integer => 0,
        FactType.Number => 0m,
        FactType.Boolean => false,
        _ => string.Empty,
    };
}
