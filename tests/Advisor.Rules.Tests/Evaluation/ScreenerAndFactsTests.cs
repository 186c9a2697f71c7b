using System.Text.Json;
using Advisor.Rules.Evaluation;
using Microsoft.Extensions.Time.Testing;
using static Advisor.Rules.Tests.Support.TestCatalog;

namespace Advisor.Rules.Tests.Evaluation;

public class ScreenerAndFactsTests
{
    [Fact]
    public async Task Screen_An85YearOldLocalResident_Finds34EligibleAsync()
    {
        var result = await Get<Screener>().ScreenAsync(
            Facts(("age", 85), ("hukouLocal", true), ("gender", "female")), CancellationToken.None);

        var senior = Assert.Single(result.Results, r => r.ProcedureId == "34");
        Assert.Equal(Decision.Eligible, senior.Decision);
        Assert.Equal(Decision.Eligible, result.Results[0].Decision);
        Assert.True(result.Results.Count >= 17);
    }

    [Fact]
    public async Task Screen_An85YearOldMan_DoesNotFindMilitaryRegistrationEligibleAsync()
    {
        var result = await Get<Screener>().ScreenAsync(
            Facts(("age", 85), ("hukouLocal", true), ("gender", "male")), CancellationToken.None);

        Assert.Equal(Decision.Ineligible, Assert.Single(result.Results, r => r.ProcedureId == "36").Decision);
    }

    [Fact]
    public void Read_FullWidthDigitsAndSpaces_AreNormalised()
    {
        var facts = Get<FactReader>().Read(Json("""{"age": " ８２ ", "gender": "ｍａｌｅ"}"""));

        Assert.True(facts.TryGet("age", out var age));
        Assert.Equal(82, age);
        Assert.True(facts.TryGet("gender", out var gender));
        Assert.Equal("male", gender);
    }

    [Fact]
    public void Read_WrongTypesAndUnknownNames_NameEveryBadFact()
    {
        var error = Assert.Throws<FactValidationException>(() =>
            Get<FactReader>().Read(Json("""{"age": "eighty", "hukouLocal": 3, "shoeSize": 42}""")));

        Assert.Equal(["facts.age", "facts.hukouLocal", "facts.shoeSize"], error.Errors.Select(e => e.Field).Order());
        Assert.Contains("age 应为整数", error.Errors.Single(e => e.Field == "facts.age").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"age": 99999999999999999999}""", "age 应在 0 到 150 之间（年龄（周岁））。")]
    [InlineData("""{"age": -99999999999999999999}""", "age 应在 0 到 150 之间（年龄（周岁））。")]
    [InlineData("""{"age": "99999999999999999999"}""", "age 应在 0 到 150 之间（年龄（周岁））。")]
    [InlineData("""{"age": 1e400}""", "age 应在 0 到 150 之间（年龄（周岁））。")]
    [InlineData("""{"memberCount": 1e20}""", "memberCount 不能大于 2147483647（应到会人数（党员总数/村民代表总数））。")]
    [InlineData("""{"monthlyIncomePerCapita": 1e30}""",
        "monthlyIncomePerCapita 不能大于 79228162514264337593543950335（家庭月人均收入（元））。")]
    [InlineData("""{"age": 85.5}""", "age 应为整数（年龄（周岁）），例如 85。")]
    public void Read_NumberTooLargeForItsType_SaysTheRangeNotTheType(string json, string message)
    {
        var error = Assert.Throws<FactValidationException>(() => Get<FactReader>().Read(Json(json)));

        Assert.Equal(message, error.Errors.Single().Message);
    }

    [Fact]
    public void Read_NullValue_IsUnknownNotFalse()
    {
        var facts = Get<FactReader>().Read(Json("""{"hukouLocal": null}"""));

        Assert.False(facts.Has("hukouLocal"));
    }

    [Theory]
    [InlineData("1946-12-03", Decision.Eligible)]
    [InlineData("1946-12-04", Decision.Ineligible)]
    public async Task Read_BirthDate_GivesAgeInFullYearsOnTheDayAsync(string birthDate, Decision expected)
    {
        var today = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        var reader = new FactReader(Catalog, today);

        var facts = reader.Read(Json($$"""{"birthDate": "{{birthDate}}", "hukouLocal": true}"""));
        var result = await Get<EligibilityEvaluator>().EvaluateAsync(Procedure("34"), facts, CancellationToken.None);

        Assert.Equal(expected, result.Decision);
    }

    [Fact]
    public void Read_AgeAgreeingWithBirthDate_IsAccepted()
    {
        var reader = new FactReader(Catalog, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8))));

        var facts = reader.Read(Json("""{"birthDate": "1941-01-05", "age": 85}"""));

        Assert.True(facts.TryGet("age", out var age));
        Assert.Equal(85, age);
    }

    [Fact]
    public void Read_AgeContradictingBirthDate_NamesBothAndTheAgeTheDateGives()
    {
        var reader = new FactReader(Catalog, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8))));

        var error = Assert.Throws<FactValidationException>(() => reader.Read(Json("""{"birthDate": "1941-01-05", "age": 20}""")));

        var contradiction = Assert.Single(error.Errors);
        Assert.Equal("facts.age", contradiction.Field);
        Assert.Equal("age（20）与 birthDate（1941-01-05）矛盾：按出生日期今天是 85 周岁。请只给其中一个，或改正后再提交。",
            contradiction.Message);
    }

    [Fact]
    public void Read_BadBirthDate_NamesTheField()
    {
        var error = Assert.Throws<FactValidationException>(() => Get<FactReader>().Read(Json("""{"birthDate": "1946/12/03"}""")));

        Assert.Equal("facts.birthDate", Assert.Single(error.Errors).Field);
    }

    private static Dictionary<string, JsonElement> Json(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
