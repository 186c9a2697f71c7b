using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// The material checklist as a RulesEngine workflow: each conditional material is a rule, and a
/// material whose condition holds for the applicant's facts is required.
/// </summary>
public sealed class ChecklistEvaluator(CompiledRuleSet rules)
{
    /// <summary>The materials that apply, and those that depend on facts not yet given.</summary>
    public async Task<ChecklistResult> EvaluateAsync(
        Procedure procedure, FactSet facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(facts);

        var compiled = rules.For(procedure);
        var conditions = await rules.RunAsync(
            compiled, compiled.ChecklistWorkflow, compiled.Conditions, facts, cancellationToken);
        var byMaterial = conditions.ToDictionary(c => c.Node.Name, StringComparer.Ordinal);

        var items = new List<ChecklistItem>(procedure.Materials.Count);
        foreach (var material in procedure.Materials)
        {
            if (!byMaterial.TryGetValue(material.Id, out var condition))
            {
                items.Add(new ChecklistItem(material, Applies.Always, null, []));
                continue;
            }

            if (condition.Truth == Truth.False)
                continue;

            var unknown = condition.Truth == Truth.Unknown;
            items.Add(new ChecklistItem(
                material,
                unknown ? Applies.Unknown : Applies.Yes,
                material.ConditionLabel ?? material.Condition,
                unknown ? EligibilityEvaluator.MissingFacts(procedure, [condition], facts) : []));
        }

        return new ChecklistResult(procedure.Id, procedure.Title, items, procedure.LegalNote);
    }
}
