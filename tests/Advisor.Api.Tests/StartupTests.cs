using System.Text.Json.Nodes;
using Advisor.Rules.Tests.Support;
using Advisor.Rules.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Advisor.Api.Tests;

public class StartupTests
{
    [Fact]
    public void Start_BrokenRuleFile_FailsNamingTheFileAndPlace()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["steps"]![0]!["next"] = new JsonArray("nowhere"));
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseEnvironment("Testing").UseSetting("Rules:Directory", rules.Directory));

        var error = Assert.Throws<RuleCatalogException>(() => factory.CreateClient());

        Assert.Contains("34.json $.steps[0].next[0]", error.Message, StringComparison.Ordinal);
    }
}
