using Advisor.Rules.Validation;

namespace Advisor.Api.Hosting;

/// <summary>
/// <c>dotnet run --project src/Advisor.Api -- validate rules/</c>: runs every start-up check on a rules
/// folder, or on one procedure file with its folder's facts.json and schema, and lists every problem, for
/// rule authors and CI. Exits 0 when valid, 1 with problems, 2 when the path names nothing.
/// </summary>
internal static class ValidateCommand
{
    public static bool Matches(string[] args) =>
        args.Length >= 1 && string.Equals(args[0], "validate", StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, TextWriter output) =>
        Run(args, output, Environment.GetEnvironmentVariable("PWD"), Environment.CurrentDirectory);

    /// <summary>Runs the command; a relative path is read from the shell's folder first.</summary>
    /// <param name="args"><c>validate</c>, then the folder or file (default <c>rules</c>).</param>
    /// <param name="output">Where the problems and the summary are written.</param>
    /// <param name="shellDirectory">Where the command was typed (the shell's <c>PWD</c>), when known.</param>
    /// <param name="currentDirectory">The process's working folder.</param>
    public static int Run(string[] args, TextWriter output, string? shellDirectory, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        var given = args.Length >= 2 ? args[1] : "rules";
        var candidates = Candidates(given, shellDirectory, currentDirectory);
        var path = candidates.FirstOrDefault(p => Directory.Exists(p) || File.Exists(p));
        if (path is null)
        {
            output.WriteLine($"{given}: no such folder or file (looked for {string.Join(" and ", candidates)}). "
                + "Give a rules folder, such as rules/, or one procedure file in it, such as rules/34.json.");
            return 2;
        }

        var isFile = File.Exists(path);
        var problems = isFile ? RuleSetValidator.ValidateFile(path) : RuleSetValidator.Validate(path);
        foreach (var problem in problems)
            output.WriteLine(problem);

        output.WriteLine(problems.Count > 0 ? $"{given}: {problems.Count} problem(s)."
            : isFile ? $"{given}: the rule file is valid "
                + "(checked on its own, with its folder's facts.json and schema)."
            : $"{given}: every rule file is valid.");
        return problems.Count == 0 ? 0 : 1;
    }

    // `dotnet run` starts a web project in the project's folder (the Web SDK sets RunWorkingDirectory),
    // not where the author typed the command; the shell's PWD still says where that was, so a relative
    // path is read from there first, then from the process's own folder.
    private static List<string> Candidates(string given, string? shellDirectory, string currentDirectory)
    {
        if (Path.IsPathRooted(given))
            return [given];

        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(shellDirectory))
            candidates.Add(Path.GetFullPath(given, shellDirectory));

        var fromCurrent = Path.GetFullPath(given, currentDirectory);
        if (!candidates.Contains(fromCurrent))
            candidates.Add(fromCurrent);

        return candidates;
    }
}
