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
        var problems = RuleSetValidator.Validate(Path.GetFullPath(directory));
        foreach (var problem in problems)
            output.WriteLine(problem);

        output.WriteLine(problems.Count == 0
            ? $"{directory}: every rule file is valid."
            : $"{directory}: {problems.Count} problem(s).");
        return problems.Count == 0 ? 0 : 1;
    }
}
