namespace Advisor.Bot.Tests.Support;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The sample evaluation cases, kept outside the checkout next to the design notes.</summary>
    public static string Eval => Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DutyAdvisor.sln")))
            dir = dir.Parent;

        return dir?.FullName ?? throw new InvalidOperationException("DutyAdvisor.sln not found above the tests.");
    }
}
