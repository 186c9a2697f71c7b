namespace Advisor.Rules.Tests.Support;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string RuleCases => Path.Combine(Rules, "tests");

    /// <summary>The seed document the rules come from.</summary>
    public static string Seed => Path.Combine(Root, "seed", "000_f1d4df4b56573135.txt");

    public static string SeedFacts => Path.Combine(Root, "tests", "Advisor.Rules.Tests", "SeedFacts");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DutyAdvisor.sln")))
            dir = dir.Parent;

        return dir?.FullName ?? throw new InvalidOperationException("DutyAdvisor.sln not found above the tests.");
    }
}
