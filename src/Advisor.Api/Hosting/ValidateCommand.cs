using Advisor.Rules.Validation;

namespace Advisor.Api.Hosting;

/// <summary>
/// <c>dotnet run --project src/Advisor.Api -- validate rules/</c>: runs every start-up check on a rules
/// folder and lists every problem, for rule authors and CI.
/// </summary>
internal static class ValidateCommand
{
    public static bool Matches(string[] args) =>
        args.Length >= 1 && string.Equals(args[0], "validate", StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, TextWriter output)
    {
        var directory = args.Length >= 2 ? args[1] : "rules";
        var problems = RuleSetValidator.Validate(Resolve(directory));
        foreach (var problem in problems)
            output.WriteLine(problem);

        output.WriteLine(problems.Count == 0
            ? $"{directory}: every rule file is valid."
            : $"{directory}: {problems.Count} problem(s).");
        return problems.Count == 0 ? 0 : 1;
    }

    // `dotnet run` starts a web project in the project's folder, not where the author typed the command;
    // the shell's PWD still says where that was, so a relative path is read from there first.
    private static string Resolve(string directory)
    {
        if (Path.IsPathRooted(directory))
            return directory;

        var shell = Environment.GetEnvironmentVariable("PWD");
        var fromShell = string.IsNullOrEmpty(shell) ? null : Path.GetFullPath(directory, shell);
        return fromShell is not null && Directory.Exists(fromShell) ? fromShell : Path.GetFullPath(directory);
    }
}
