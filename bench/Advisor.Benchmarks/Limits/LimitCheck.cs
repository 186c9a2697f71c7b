using System.Text.Json;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;

namespace Advisor.Benchmarks.Limits;

/// <summary>
/// Proves that a hand-written limit gives the project's answer: every combination of known, missing
/// and varied facts is evaluated both ways and compared as JSON (decision, every reason with its
/// message and source, missing facts with their questions). A limit that answers differently would
/// measure something else, so the benchmark refuses to run.
/// </summary>
internal static class LimitCheck
{
    public static async Task<int> VerifyAsync(
        EligibilityEvaluator evaluator, Procedure procedure, Func<FactSet, EligibilityResult> limit,
        IReadOnlyList<(string Fact, object?[] Values)> grid)
    {
        var compared = 0;
        foreach (var facts in Combinations(grid))
        {
            var expected = JsonSerializer.Serialize(
                await evaluator.EvaluateAsync(procedure, facts, CancellationToken.None), RuleJson.Options);
            var actual = JsonSerializer.Serialize(limit(facts), RuleJson.Options);
            if (expected != actual)
            {
                throw new InvalidOperationException(
                    $"The hand-written limit for {procedure.Id} differs from the project for facts "
                    + $"{JsonSerializer.Serialize(facts.AsDictionary(), RuleJson.Options)}:\n"
                    + $"project: {expected}\nlimit:   {actual}");
            }

            compared++;
        }

        return compared;
    }

    private static IEnumerable<FactSet> Combinations(IReadOnlyList<(string Fact, object?[] Values)> grid)
    {
        IEnumerable<Dictionary<string, object?>> sets = [new Dictionary<string, object?>(StringComparer.Ordinal)];
        foreach (var (fact, values) in grid)
        {
            sets = sets.SelectMany(set => values.Select(value =>
                new Dictionary<string, object?>(set, StringComparer.Ordinal) { [fact] = value }));
        }

        return sets.Select(FactSet.Create);
    }
}
