namespace Advisor.Bot.Tests.Support;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>
    /// The sample evaluation cases: the shared set next to the checkout when there is one (it may have
    /// grown), else the copy kept in tests/eval-sample so that a clone elsewhere still measures the bot.
    /// </summary>
    public static string Eval { get; } = FindEval();

    /// <summary>The broader cases written for this project (tests/eval-broader/README.md).</summary>
    public static string BroaderEval => Path.Combine(Root, "tests", "eval-broader");

    private static string FindEval()
    {
        var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval"));
        return File.Exists(Path.Combine(shared, "questions.jsonl"))
            ? shared
            : Path.Combine(Root, "tests", "eval-sample");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DutyAdvisor.sln")))
            dir = dir.Parent;

        return dir?.FullName ?? throw new InvalidOperationException("DutyAdvisor.sln not found above the tests.");
    }
}
