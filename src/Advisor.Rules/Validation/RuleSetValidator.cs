using Advisor.Rules.Calendar;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;

namespace Advisor.Rules.Validation;

/// <summary>Every check the service runs on its rules at start-up, as one call for authors and CI.</summary>
public static class RuleSetValidator
{
    /// <summary>Loads and compiles a rules folder; returns every problem, or none.</summary>
    public static IReadOnlyList<RuleProblem> Validate(string rulesDirectory)
    {
        var calendar = WorkingCalendarLoader.Load(WorkingCalendarLoader.PathIn(rulesDirectory)).Problems;
        var loaded = CatalogLoader.Load(rulesDirectory);
        if (loaded.Catalog is null)
            return [.. loaded.Problems, .. calendar];

        try
        {
            _ = new CompiledRuleSet(loaded.Catalog);
            return calendar;
        }
        catch (RuleCatalogException e)
        {
            return [.. e.Problems, .. calendar];
        }
    }
}
