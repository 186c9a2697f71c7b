using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Decides eligibility from a procedure's RulesEngine workflow, in three values: a failed criterion
/// decides "ineligible" however much is missing; otherwise missing facts leave it "undetermined".
/// </summary>
public sealed class EligibilityEvaluator(CompiledRuleSet rules)
{
    /// <summary>Whether the procedure has eligibility rules.</summary>
    public static bool HasRules(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.Eligibility is { Rules.Count: > 0 };
    }

    /// <summary>Evaluates the applicant's facts against the procedure's criteria.</summary>
    /// <exception cref="InvalidOperationException">The procedure has no eligibility rules.</exception>
    /// <exception cref="RuleEvaluationException">The engine failed on a rule.</exception>
    public async Task<EligibilityResult> EvaluateAsync(
        Procedure procedure, FactSet facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(facts);
        if (!HasRules(procedure))
            throw new InvalidOperationException($"Procedure {procedure.Id} has no eligibility rules.");

        var (evaluated, decision, missing) = await DecideAsync(procedure, facts, cancellationToken);
        var reasons = evaluated.Select(r => Explain(procedure, r, facts)).ToArray();
        return new EligibilityResult(procedure.Id, procedure.Title, decision, reasons, missing, procedure.LegalNote);
    }

    /// <summary>
    /// The decision and the missing facts without the reasons' messages: all that screening shows, so it
    /// does not write seventeen procedures' explanations only to drop them.
    /// </summary>
    internal async Task<Decided> DecideAsync(Procedure procedure, FactSet facts, CancellationToken cancellationToken)
    {
        var compiled = rules.For(procedure);
        var evaluated = await rules.RunAsync(
            compiled, compiled.EligibilityWorkflow!, compiled.Eligibility, facts, cancellationToken);

        var decision = TruthLogic.And(evaluated.Select(r => r.Truth)) switch
        {
            Truth.True => Decision.Eligible,
            Truth.False => Decision.Ineligible,
            _ => Decision.Undetermined,
        };
        var missing = decision == Decision.Undetermined ? MissingFacts(procedure, evaluated, facts) : [];
        return new Decided(evaluated, decision, missing);
    }

    // Only unknown branches can still change the outcome: an or that already holds, or any rule that
    // already decided, asks for nothing. The facts of the branch nearest to deciding come first (of
    // 「低保、特困或临时救助」, the one alternative that lacks a single answer), so that a caller asking one
    // question at a time asks the likeliest to settle it; ties keep the order the procedure declares.
    internal static IReadOnlyList<MissingFact> MissingFacts(
        Procedure procedure, IEnumerable<EvaluatedRule> evaluated, FactSet facts)
    {
        var roots = evaluated.Where(r => r.Truth == Truth.Unknown).ToArray();
        var total = roots.Sum(r => Cost(r, facts));
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in roots)
            RankUnknown(rule, total - Cost(rule, facts), rank, facts);

        return [.. procedure.Facts
            .Select((fact, index) => (fact, index))
            .Where(f => rank.ContainsKey(f.fact.Name))
            .OrderBy(f => rank[f.fact.Name])
            .ThenBy(f => f.index)
            .Select(f => MissingFact.Of(f.fact))];
    }

    // How many facts must still be answered, at the fewest, for an unknown rule to hold.
    private static int Cost(EvaluatedRule rule, FactSet facts)
    {
        if (rule.Node.IsLeaf)
            return rule.Node.FactsRead.Count(f => !facts.Has(f));

        var unknown = rule.Children.Where(c => c.Truth == Truth.Unknown).Select(c => Cost(c, facts));
        return rule.Node.IsOr ? unknown.DefaultIfEmpty(0).Min() : unknown.Sum();
    }

    // A missing fact's rank is the fewest answers, itself included, of any way to decide that uses it:
    // `outside` is what the rest of the workflow needs when this rule is the way taken.
    private static void RankUnknown(EvaluatedRule rule, int outside, Dictionary<string, int> rank, FactSet facts)
    {
        if (rule.Truth != Truth.Unknown)
            return;

        var cost = Cost(rule, facts);
        if (rule.Node.IsLeaf)
        {
            foreach (var fact in rule.Node.FactsRead.Where(f => !facts.Has(f)))
                rank[fact] = Math.Min(rank.GetValueOrDefault(fact, int.MaxValue), outside + cost);
            return;
        }

        foreach (var child in rule.Children)
        {
            var childOutside = rule.Node.IsOr ? outside : outside + cost - Cost(child, facts);
            RankUnknown(child, childOutside, rank, facts);
        }
    }

    private static void CollectUnknown(EvaluatedRule rule, HashSet<string> needed, FactSet facts)
    {
        if (rule.Truth != Truth.Unknown)
            return;

        if (rule.Node.IsLeaf)
        {
            needed.UnionWith(rule.Node.FactsRead.Where(f => !facts.Has(f)));
            return;
        }

        foreach (var child in rule.Children)
            CollectUnknown(child, needed, facts);
    }

    private static Reason Explain(Procedure procedure, EvaluatedRule rule, FactSet facts)
    {
        var text = rule.Node.Text;
        var label = text?.Label ?? rule.Node.Name;
        var children = rule.Children.Select(c => Explain(procedure, c, facts)).ToArray();
        var (status, message) = rule.Truth switch
        {
            Truth.True => (ReasonStatus.Passed, RuleMessages.Fill(text?.Pass ?? label, procedure, facts)),
            Truth.False => (ReasonStatus.Failed, RuleMessages.Fill(text?.Fail ?? label, procedure, facts)),
            _ => (ReasonStatus.Unknown, Pending(procedure, rule, label, facts)),
        };
        return new Reason(rule.Node.Name, label, status, message, text?.Source, children);
    }

    private static string Pending(Procedure procedure, EvaluatedRule rule, string label, FactSet facts)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        CollectUnknown(rule, needed, facts);
        var labels = procedure.Facts.Where(f => needed.Contains(f.Name)).Select(f => f.Label);
        return $"{label}：还需了解{string.Join("、", labels)}，才能判断";
    }
}

/// <summary>A decision with the evaluated rules it came from and the facts still missing.</summary>
internal readonly record struct Decided(
    IReadOnlyList<EvaluatedRule> Evaluated, Decision Decision, IReadOnlyList<MissingFact> Missing);
