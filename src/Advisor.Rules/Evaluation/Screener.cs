using Advisor.Rules.Loading;

namespace Advisor.Rules.Evaluation;

/// <summary>Evaluates one set of facts against every procedure that has eligibility rules.</summary>
public sealed class Screener(ProcedureCatalog catalog, EligibilityEvaluator evaluator)
{
    /// <summary>Every decision, eligible first, then undetermined, then ineligible.</summary>
    public async Task<ScreeningResult> ScreenAsync(FactSet facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);

        var items = new List<ScreeningItem>();
        foreach (var procedure in catalog.Procedures.Where(EligibilityEvaluator.HasRules))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (_, decision, missing) = await evaluator.DecideAsync(procedure, facts, cancellationToken);
            items.Add(new ScreeningItem(procedure.Id, procedure.Title, decision, missing));
        }

        return new ScreeningResult([.. items.OrderBy(i => i.Decision switch
        {
            Decision.Eligible => 0,
            Decision.Undetermined => 1,
            _ => 2,
        })]);
    }
}
