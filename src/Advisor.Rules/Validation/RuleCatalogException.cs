namespace Advisor.Rules.Validation;

/// <summary>Thrown at start-up when the rule files have problems; lists every one of them.</summary>
public sealed class RuleCatalogException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public RuleCatalogException(IReadOnlyList<RuleProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);

        var lines = problems.Select(p => "  " + p);
        return $"The rule files have {problems.Count} problem(s):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines);
    }
}
