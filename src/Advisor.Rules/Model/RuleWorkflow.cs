using System.Text.Json.Serialization;

namespace Advisor.Rules.Model;

/// <summary>A RulesEngine workflow, in RulesEngine's own JSON shape.</summary>
public sealed record RuleWorkflow
{
    /// <summary>The workflow's name.</summary>
    [JsonPropertyName("WorkflowName")]
    public required string WorkflowName { get; init; }

    /// <summary>The criteria; all must hold.</summary>
    [JsonPropertyName("Rules")]
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];
}

/// <summary>One criterion of a workflow, possibly made of nested criteria.</summary>
public sealed record RuleDefinition
{
    /// <summary>The rule's name, unique in its workflow.</summary>
    [JsonPropertyName("RuleName")]
    public required string RuleName { get; init; }

    /// <summary>A lambda expression over facts and parameters, for leaf rules.</summary>
    [JsonPropertyName("Expression")]
    public string? Expression { get; init; }

    /// <summary><c>And</c> or <c>Or</c>, for rules with children.</summary>
    [JsonPropertyName("Operator")]
    public string? Operator { get; init; }

    /// <summary>Always <c>LambdaExpression</c>.</summary>
    [JsonPropertyName("RuleExpressionType")]
    public string? RuleExpressionType { get; init; }

    /// <summary>Whether the rule runs.</summary>
    [JsonPropertyName("Enabled")]
    public bool Enabled { get; init; } = true;

    /// <summary>Nested rules.</summary>
    [JsonPropertyName("Rules")]
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    /// <summary>What the project shows people about this rule.</summary>
    [JsonPropertyName("Properties")]
    public RuleText? Properties { get; init; }
}

/// <summary>The Chinese text of a rule: its label, messages and source.</summary>
/// <param name="Label">What the criterion is about (年龄).</param>
/// <param name="Pass">Message when it holds, with <c>{fact}</c> and <c>{parameter}</c> placeholders.</param>
/// <param name="Fail">Message when it fails.</param>
/// <param name="Source">The chart, law or notice it comes from.</param>
public sealed record RuleText(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("pass")] string Pass,
    [property: JsonPropertyName("fail")] string Fail,
    [property: JsonPropertyName("source")] string Source);
