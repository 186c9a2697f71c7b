using Advisor.Api.Hosting;

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
}
