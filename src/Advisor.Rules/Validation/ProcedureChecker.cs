using System.Text.RegularExpressions;
using Advisor.Rules.Model;

namespace Advisor.Rules.Validation;

/// <summary>
/// The checks a schema cannot express: ids, step references, reachability, decisions, and the
/// names expressions and messages read.
/// </summary>
internal static partial class ProcedureChecker
{
    public static void Check(string file, Procedure procedure, List<RuleProblem> problems)
    {
        CheckFileName(file, procedure, problems);
        CheckUnique(file, "$.facts", procedure.Facts.Select(f => f.Name), "fact", problems);
        CheckUnique(file, "$.materials", procedure.Materials.Select(m => m.Id), "material", problems);
        CheckUnique(file, "$.steps", procedure.Steps.Select(s => s.Id), "step", problems);
        CheckUnique(file, "$.parameters", procedure.Parameters.Select(p => p.Name), "parameter", problems);
        CheckSteps(file, procedure, problems);
        CheckReachable(file, procedure, problems);
        CheckNames(file, procedure, problems);
    }

    private static void CheckFileName(string file, Procedure procedure, List<RuleProblem> problems)
    {
        var expected = procedure.Id + ".json";
        if (!string.Equals(Path.GetFileName(file), expected, StringComparison.Ordinal))
        {
            problems.Add(new RuleProblem(file, "$.id",
                $"The id '{procedure.Id}' does not match the file name.",
                $"Rename the file to {expected} or correct the id."));
        }
    }

    private static void CheckUnique(
        string file, string path, IEnumerable<string> ids, string what, List<RuleProblem> problems)
    {
        var index = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                problems.Add(new RuleProblem(file, $"{path}[{index}]",
                    $"Duplicate {what} id '{id}'.", $"Give each {what} its own id."));
            }

            index++;
        }
    }

    private static void CheckSteps(string file, Procedure procedure, List<RuleProblem> problems)
    {
        var ids = procedure.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var step = procedure.Steps[i];
            var path = $"$.steps[{i}]";
            CheckTargets(file, path, step, ids, problems);

            if (step.Kind == StepKind.Decision && (step.Yes is null || step.No is null))
            {
                problems.Add(new RuleProblem(file, path,
                    $"Decision '{step.Id}' needs both a 'yes' and a 'no' branch.",
                    "Add the missing branch; a rejected application usually goes to 材料补正 or the end."));
            }

            if (step.Kind != StepKind.Decision && (step.Yes is not null || step.No is not null))
            {
                problems.Add(new RuleProblem(file, path,
                    $"Step '{step.Id}' is a {step.Kind} but has yes/no branches.",
                    "Make it a decision, or use 'next'."));
            }

            if (step.Kind is StepKind.Task or StepKind.Publicity && step.Next.Count == 0)
            {
                problems.Add(new RuleProblem(file, path, $"Step '{step.Id}' leads nowhere.",
                    "List the following step in 'next', or make the step an end."));
            }

            if (step.Kind == StepKind.Publicity && (step.MinDays is null || step.DayUnit is null))
            {
                problems.Add(new RuleProblem(file, path,
                    $"Publicity step '{step.Id}' needs 'minDays' and 'dayUnit'.",
                    "State the minimum length from the chart and whether it counts working days."));
            }
        }
    }

    private static void CheckTargets(
        string file, string path, Step step, HashSet<string> ids, List<RuleProblem> problems)
    {
        for (var j = 0; j < step.Next.Count; j++)
            CheckTarget(file, $"{path}.next[{j}]", step.Next[j], ids, problems);

        if (step.Yes is not null)
            CheckTarget(file, $"{path}.yes", step.Yes, ids, problems);

        if (step.No is not null)
            CheckTarget(file, $"{path}.no", step.No, ids, problems);
    }

    private static void CheckTarget(
        string file, string path, string target, HashSet<string> ids, List<RuleProblem> problems)
    {
        if (!ids.Contains(target))
        {
            problems.Add(new RuleProblem(file, path, $"Step '{target}' does not exist.",
                $"Use one of the step ids: {string.Join(", ", ids)}."));
        }
    }

    private static void CheckReachable(string file, Procedure procedure, List<RuleProblem> problems)
    {
        if (procedure.Steps.Count == 0)
            return;

        // A dangling reference is reported where it stands; the steps it would have reached are not
        // reported again as unreachable.
        var ids = procedure.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (procedure.Steps.SelectMany(s => s.Successors()).Any(id => !ids.Contains(id)))
            return;

        var byId = procedure.Steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([procedure.Steps[0].Id]);
        while (pending.TryPop(out var id))
        {
            if (!reached.Add(id) || !byId.TryGetValue(id, out var step))
                continue;

            foreach (var next in step.Successors())
                pending.Push(next);
        }

        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            if (!reached.Contains(procedure.Steps[i].Id))
            {
                problems.Add(new RuleProblem(file, $"$.steps[{i}]",
                    $"No path from the first step reaches step '{procedure.Steps[i].Id}'.",
                    "Link it from an earlier step, or remove it."));
            }
        }
    }

    private static void CheckNames(string file, Procedure procedure, List<RuleProblem> problems)
    {
        var facts = procedure.Facts.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var parameters = procedure.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var known = facts.Union(parameters).ToHashSet(StringComparer.Ordinal);

        foreach (var clash in facts.Intersect(parameters))
        {
            problems.Add(new RuleProblem(file, "$.parameters",
                $"'{clash}' is both a fact and a parameter.", "Rename the parameter."));
        }

        for (var i = 0; i < procedure.Materials.Count; i++)
        {
            if (procedure.Materials[i].Condition is { } condition)
            {
                CheckExpression(file, $"$.materials[{i}].condition", condition, known, problems);
                CheckEnumValues(file, $"$.materials[{i}].condition", condition, procedure, problems);
            }
        }

        if (procedure.Eligibility is { } workflow)
            CheckRules(file, "$.eligibility.Rules", workflow.Rules, known, procedure, problems);
    }

    private static void CheckRules(
        string file,
        string path,
        IReadOnlyList<RuleDefinition> rules,
        HashSet<string> known,
        Procedure procedure,
        List<RuleProblem> problems)
    {
        CheckUnique(file, path, rules.Select(r => r.RuleName), "rule", problems);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var rulePath = $"{path}[{i}]";
            if (rule.Rules.Count == 0 && string.IsNullOrWhiteSpace(rule.Expression))
            {
                problems.Add(new RuleProblem(file, rulePath, $"Rule '{rule.RuleName}' has no Expression.",
                    "Give a leaf rule an Expression, or give it nested Rules with an Operator."));
            }

            if (rule.Rules.Count > 0 && rule.Operator is null)
            {
                problems.Add(new RuleProblem(file, rulePath,
                    $"Rule '{rule.RuleName}' has nested rules but no Operator.", "Add \"Operator\": \"And\" or \"Or\"."));
            }

            if (rule.Expression is { } expression && rule.Rules.Count == 0)
            {
                CheckExpression(file, $"{rulePath}.Expression", expression, known, problems);
                CheckEnumValues(file, $"{rulePath}.Expression", expression, procedure, problems);
            }

            if (rule.Properties is { } text)
            {
                CheckPlaceholders(file, $"{rulePath}.Properties.pass", text.Pass, known, problems);
                CheckPlaceholders(file, $"{rulePath}.Properties.fail", text.Fail, known, problems);
            }

            CheckRules(file, $"{rulePath}.Rules", rule.Rules, known, procedure, problems);
        }
    }

    private static void CheckExpression(
        string file, string path, string expression, HashSet<string> known, List<RuleProblem> problems)
    {
        foreach (var name in ExpressionNames.Of(expression).Where(n => !known.Contains(n)))
        {
            problems.Add(new RuleProblem(file, path,
                $"'{name}' in \"{expression}\" is neither a declared fact nor a parameter.",
                "Declare it under 'facts' (see rules/facts.json) or 'parameters', or correct the spelling."));
        }
    }

    private static void CheckPlaceholders(
        string file, string path, string message, HashSet<string> known, List<RuleProblem> problems)
    {
        foreach (Match match in Placeholder().Matches(message))
        {
            var name = match.Groups[1].Value;
            if (!known.Contains(name))
            {
                problems.Add(new RuleProblem(file, path,
                    $"The placeholder {{{name}}} names no fact or parameter.",
                    "Use the name of a declared fact or parameter."));
            }
        }
    }

    // A misspelt enum value ("remaried") compiles and is simply never equal: catch it here.
    private static void CheckEnumValues(
        string file, string path, string expression, Procedure procedure, List<RuleProblem> problems)
    {
        foreach (Match match in EnumComparison().Matches(expression))
        {
            var name = match.Groups["left"].Success ? match.Groups["left"].Value : match.Groups["right"].Value;
            var value = match.Groups["value"].Success ? match.Groups["value"].Value : match.Groups["value2"].Value;
            if (procedure.FindFact(name) is not { Type: FactType.Enum } fact || fact.Values.Any(v => v.Value == value))
                continue;

            problems.Add(new RuleProblem(file, path,
                $"\"{value}\" is not a value of the fact '{name}'.",
                $"Use one of: {string.Join(", ", fact.Values.Select(v => v.Value))}."));
        }
    }

    [GeneratedRegex("""(?<left>[a-z][A-Za-z0-9]*)\s*[!=]=\s*"(?<value>[^"]*)"|"(?<value2>[^"]*)"\s*[!=]=\s*(?<right>[a-z][A-Za-z0-9]*)""")]
    private static partial Regex EnumComparison();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
