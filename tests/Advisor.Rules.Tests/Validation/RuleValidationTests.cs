using System.Text.Json.Nodes;
using Advisor.Rules.Loading;
using Advisor.Rules.Tests.Support;
using Advisor.Rules.Validation;

namespace Advisor.Rules.Tests.Validation;

/// <summary>Each kind of broken rule file stops loading with a message that names the file and the place.</summary>
public class RuleValidationTests
{
    [Fact]
    public void Validate_InvalidJson_NamesFileAndLine()
    {
        using var rules = new RuleFixture("34");
        rules.Write("34.json", "{\n  \"id\": \"34\",\n  \"slug\" \"missing-colon\"\n}");

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("34.json", problem.File);
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredField_NamesTheField()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p.Remove("title"));

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("34.json", problem.File);
        Assert.Equal("$", problem.Path);
        Assert.Contains("title", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Add the missing field", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateProcedureId_NamesTheId()
    {
        using var rules = new RuleFixture("34", "36");
        rules.Edit("36", p => p["id"] = "34");

        var problems = RuleSetValidator.Validate(rules.Directory);

        Assert.Contains(problems, p => p.Path == "$.id" && p.Message.Contains("declare procedure id '34'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "36.json" && p.Message.Contains("does not match the file name", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StepPointsNowhere_NamesTheReference()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["steps"]![0]!["next"] = new JsonArray("nowhere"));

        var problems = RuleSetValidator.Validate(rules.Directory);

        Assert.Contains(problems, p => p.File == "34.json" && p.Path == "$.steps[0].next[0]"
            && p.Message.Contains("'nowhere' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnreachableStep_NamesTheStep()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["steps"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "orphan", ["name"] = "结束", ["kind"] = "end",
        }));

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("$.steps[10]", problem.Path);
        Assert.Contains("reaches step 'orphan'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("34", 2, "no")]
    [InlineData("59", 3, "minDays")]
    public void Validate_DecisionOrPublicityWithoutItsField_NamesTheStepAndField(string id, int step, string field)
    {
        using var rules = new RuleFixture(id);
        rules.Edit(id, p => p["steps"]![step]!.AsObject().Remove(field));

        var problems = RuleSetValidator.Validate(rules.Directory);

        Assert.Contains(problems, p => p.File == $"{id}.json" && p.Path == $"$.steps[{step}]"
            && p.Message.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StepWithoutKind_ReportsOnlyTheMissingKind()
    {
        using var rules = new RuleFixture("36");
        rules.Edit("36", p => p["steps"]![1]!.AsObject().Remove("kind"));

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("$.steps[1]", problem.Path);
        Assert.Contains("[\"kind\"]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionThatDoesNotCompile_NamesTheMaterial()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["materials"]![0]!["condition"] = "age >= (");

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("$.materials[0].condition", problem.Path);
        Assert.Contains("does not compile", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RuleExpressionThatDoesNotCompile_NamesTheRule()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["eligibility"]!["Rules"]![0]!["Expression"] = "age >= minAge &&& true");

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("$.eligibility.Rules[0]", problem.Path);
        Assert.Contains("does not compile", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndeclaredFact_NamesTheName()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["eligibility"]!["Rules"]![1]!["Expression"] = "income > 3");

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("$.eligibility.Rules[1].Expression", problem.Path);
        Assert.Contains("'income'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBrokenFiles_ListsEveryProblem()
    {
        using var rules = new RuleFixture("34", "36", "42");
        rules.Edit("34", p => p.Remove("slug"));
        rules.Edit("36", p => p["steps"]![0]!["next"] = new JsonArray("nowhere"));

        var problems = RuleSetValidator.Validate(rules.Directory);

        Assert.Contains(problems, p => p.File == "34.json");
        Assert.Contains(problems, p => p.File == "36.json");
    }

    [Fact]
    public void LoadOrThrow_BrokenFile_ThrowsWithEveryProblemInTheMessage()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p => p["steps"]![0]!["next"] = new JsonArray("nowhere"));

        var error = Assert.Throws<RuleCatalogException>(() => CatalogLoader.LoadOrThrow(rules.Directory));

        Assert.Contains("34.json $.steps[0].next[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionWithAValueTheEnumDoesNotHave_NamesTheValue()
    {
        using var rules = new RuleFixture("44b");
        rules.Edit("44b", p => p["materials"]![9]!["condition"] = "maritalStatus == \"remaried\"");

        var problem = Assert.Single(RuleSetValidator.Validate(rules.Directory));

        Assert.Equal("$.materials[9].condition", problem.Path);
        Assert.Contains("remarried", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SchemaProblemAndBrokenStep_ReportsBoth()
    {
        using var rules = new RuleFixture("34");
        rules.Edit("34", p =>
        {
            p["slug"] = "Not A Slug";
            p["steps"]![0]!["next"] = new JsonArray("nowhere");
        });

        var problems = RuleSetValidator.Validate(rules.Directory);

        Assert.Contains(problems, p => p.Path == "$.slug");
        Assert.Contains(problems, p => p.Path == "$.steps[0].next[0]");
        Assert.DoesNotContain(problems, p => p.Message.Contains("reaches step", StringComparison.Ordinal));
    }
}
