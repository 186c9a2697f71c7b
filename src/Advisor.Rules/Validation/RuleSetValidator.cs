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
        return [.. Compile(CatalogLoader.Load(rulesDirectory)), .. calendar];
    }

    /// <summary>
    /// Loads and compiles one procedure file with its folder's fact vocabulary and schema; returns every
    /// problem, or none. Checks across files (duplicate ids, the holiday calendar) need the whole folder.
    /// </summary>
    public static IReadOnlyList<RuleProblem> ValidateFile(string procedureFile) =>
        Compile(CatalogLoader.LoadFile(procedureFile));

    private static IReadOnlyList<RuleProblem> Compile(CatalogLoadResult loaded)
    {
        if (loaded.Catalog is null)
            return loaded.Problems;

        try
        {
            _ = new CompiledRuleSet(loaded.Catalog);
            return [];
        }
        catch (RuleCatalogException e)
        {
            return e.Problems;
        }
    }
}
