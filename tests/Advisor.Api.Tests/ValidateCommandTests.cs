using Advisor.Api.Hosting;
using Advisor.Rules.Tests.Support;

namespace Advisor.Api.Tests;

public class ValidateCommandTests
{
    private static string RulesDirectory =>
        Path.Combine(Advisor.Rules.Tests.Support.RepoPaths.Rules);

    [Fact]
    public void Run_RepositoryRules_ExitsZero()
    {
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", RulesDirectory], output);

        Assert.Equal(0, code);
        Assert.Contains("every rule file is valid", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoBrokenFiles_ExitsNonZeroListingBoth()
    {
        using var rules = new Advisor.Rules.Tests.Support.RuleFixture("34", "36");
        rules.Edit("34", p => p.Remove("title"));
        rules.Edit("36", p => p["steps"]![0]!["next"] = new System.Text.Json.Nodes.JsonArray("nowhere"));
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", rules.Directory], output);

        Assert.Equal(1, code);
        Assert.Contains("34.json $", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("36.json $.steps[0].next[0]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonSyntaxError_PrintsOneOneBasedLineAndColumn()
    {
        using var rules = new RuleFixture();
        rules.Write("34.json", "{\n  \"id\": \"34\",\n  \"title\": \"高龄\" x\n}\n");
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", rules.Directory], output);

        Assert.Equal(1, code);
        Assert.Contains("34.json $: Invalid JSON at line 3, column 17: 'x' is invalid after a value. "
            + "Expected either ',', '}', or ']'. Fix:", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VocabularySyntaxError_PrintsOneOneBasedLineAndColumn()
    {
        using var rules = new RuleFixture("34");
        rules.Write("facts.json", "{ \"facts\": [ } ");
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", rules.Directory], output);

        Assert.Equal(1, code);
        Assert.Contains("facts.json $.facts[0]: Invalid JSON at line 1, column 14: '}' is an invalid start of a value. Fix:",
            output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OneValidFile_ChecksItWithItsFoldersVocabularyAndSchema()
    {
        using var rules = new RuleFixture("34");
        var file = Path.Combine(rules.Directory, "34.json");
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", file], output);

        Assert.Equal(0, code);
        Assert.Equal($"{file}: the rule file is valid (checked on its own, with its folder's facts.json and schema).",
            output.ToString().Trim());
    }

    [Fact]
    public void Run_OneBrokenFile_ListsItsProblemsOnly()
    {
        using var rules = new RuleFixture("34", "36");
        rules.Edit("34", p => p.Remove("title"));
        rules.Edit("36", p => p["steps"]![0]!["next"] = new System.Text.Json.Nodes.JsonArray("nowhere"));
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", Path.Combine(rules.Directory, "36.json")], output);

        Assert.Equal(1, code);
        Assert.Contains("36.json $.steps[0].next[0]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("34.json", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RelativeFile_IsReadFromTheShellsFolderNotTheProjects()
    {
        using var rules = new RuleFixture("34");
        var given = Path.Combine(Path.GetFileName(rules.Directory), "34.json");
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", given], output,
            shellDirectory: Path.GetDirectoryName(rules.Directory), currentDirectory: RepoPaths.Root);

        Assert.Equal(0, code);
        Assert.StartsWith($"{given}: the rule file is valid", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PathThatNamesNothing_SaysSoNamingThePathAsGiven()
    {
        using var output = new StringWriter();

        var code = ValidateCommand.Run(["validate", "nowhere/34.json"], output,
            shellDirectory: RepoPaths.Root, currentDirectory: RepoPaths.Root);

        Assert.Equal(2, code);
        Assert.Equal($"nowhere/34.json: no such folder or file (looked for {Path.Combine(RepoPaths.Root, "nowhere", "34.json")}). "
            + "Give a rules folder, such as rules/, or one procedure file in it, such as rules/34.json.",
            output.ToString().Trim());
    }
}
