using Advisor.Rules.Evaluation;
using static Advisor.Rules.Tests.Support.TestCatalog;

namespace Advisor.Rules.Tests.Evaluation;

public class EligibilityEvaluatorTests
{
    private static Task<EligibilityResult> EvaluateAsync(string id, params (string, object?)[] facts) =>
        Get<EligibilityEvaluator>().EvaluateAsync(Procedure(id), Facts(facts), CancellationToken.None);

    [Fact]
    public async Task Evaluate_MilitaryRegistrationAt18Male_IsEligibleAsync()
    {
        var result = await EvaluateAsync("36", ("age", 18), ("gender", "male"));

        Assert.Equal(Decision.Eligible, result.Decision);
        Assert.All(result.Reasons, r => Assert.Equal(ReasonStatus.Passed, r.Status));
    }

    [Fact]
    public async Task Evaluate_MilitaryRegistrationAt17_IsIneligibleWithReasonNaming18Async()
    {
        var result = await EvaluateAsync("36", ("age", 17), ("gender", "male"));

        Assert.Equal(Decision.Ineligible, result.Decision);
        var failed = Assert.Single(result.Reasons, r => r.Status == ReasonStatus.Failed);
        Assert.Contains("18", failed.Message, StringComparison.Ordinal);
        Assert.Contains("17", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(22, ReasonStatus.Passed, "不超过22周岁（22周岁），仍在兵役登记和征集的年龄内")]
    [InlineData(23, ReasonStatus.Failed,
        "已超过22周岁（23周岁），不再进行初次兵役登记和征集；普通高等学校毕业生可放宽至24周岁、研究生26周岁，请向乡镇（街道）武装部咨询")]
    public async Task Evaluate_MilitaryRegistrationAtTheUpperAge_ReasonNamesTheLimitAndTheAgeAsync(
        int age, ReasonStatus status, string message)
    {
        var result = await EvaluateAsync("36", ("age", age), ("gender", "male"));

        var upper = Assert.Single(result.Reasons, r => r.Rule == "ageMax");
        Assert.Equal(status, upper.Status);
        Assert.Equal(message, upper.Message);
    }

    [Fact]
    public async Task Evaluate_MilitaryRegistrationWithNoFacts_AsksForAgeAndGenderAsync()
    {
        var result = await EvaluateAsync("36");

        Assert.Equal(Decision.Undetermined, result.Decision);
        Assert.Equal(["age", "gender"], result.MissingFacts.Select(f => f.Name).Order());
        Assert.All(result.MissingFacts, f => Assert.False(string.IsNullOrWhiteSpace(f.Question)));
    }

    [Theory]
    [InlineData(13, Decision.Ineligible)]
    [InlineData(14, Decision.Eligible)]
    [InlineData(20, Decision.Eligible)]
    [InlineData(28, Decision.Eligible)]
    [InlineData(29, Decision.Ineligible)]
    public async Task Evaluate_LeagueMembershipByAge_FollowsTheCharterAsync(int age, Decision expected)
    {
        var result = await EvaluateAsync("42", ("age", age));

        Assert.Equal(expected, result.Decision);
    }

    [Fact]
    public async Task Evaluate_HouseholdThatAlreadyHasAHomestead_IsIneligibleSayingSoAsync()
    {
        var result = await EvaluateAsync("23", ("householdHasHomestead", true));

        Assert.Equal(Decision.Ineligible, result.Decision);
        var failed = Assert.Single(result.Reasons, r => r.Status == ReasonStatus.Failed);
        Assert.Contains("宅基地", failed.Message, StringComparison.Ordinal);
        Assert.Empty(result.MissingFacts);
    }

    [Theory]
    [InlineData(100, 60, 60, Decision.Ineligible)]
    [InlineData(100, 67, 34, Decision.Eligible)]
    [InlineData(100, 67, 33, Decision.Ineligible)]
    [InlineData(99, 66, 33, Decision.Eligible)]
    public async Task Evaluate_MeetingValidity_CountsTwoThirdsAndHalfInclusivelyAsync(
        int members, int present, int approve, Decision expected)
    {
        var result = await EvaluateAsync("04",
            ("memberCount", members), ("presentCount", present), ("approveCount", approve), ("noticeDays", 7));

        Assert.Equal(expected, result.Decision);
    }

    [Fact]
    public async Task Evaluate_AlternativeOneAnswerFromHolding_AsksThatAnswerFirstAsync()
    {
        // A 70-year-old without livelihood lacks only 「无法定义务人」 for 特困; 低保 still needs two answers.
        var result = await EvaluateAsync("25", ("age", 70), ("noLivelihood", true));

        Assert.Equal(Decision.Undetermined, result.Decision);
        Assert.Equal("noLegalSupporter", result.MissingFacts[0].Name);
        Assert.Contains(result.MissingFacts, f => f.Name == "monthlyIncomePerCapita");
    }

    [Fact]
    public async Task Evaluate_AllCriteriaNeeded_AsksInTheDeclaredOrderAsync()
    {
        var result = await EvaluateAsync("36");

        Assert.Equal(["age", "gender"], result.MissingFacts.Select(f => f.Name));
    }

    [Fact]
    public async Task Evaluate_FailingFactWithOthersMissing_IsIneligibleAndAsksNothingAsync()
    {
        var result = await EvaluateAsync("34", ("age", 70));

        Assert.Equal(Decision.Ineligible, result.Decision);
        Assert.Empty(result.MissingFacts);
        Assert.Contains(result.Reasons, r => r.Status == ReasonStatus.Unknown);
    }

    [Fact]
    public async Task Evaluate_DisabilitySubsidies_DecidesEachSubsidyInNestedReasonsAsync()
    {
        var result = await EvaluateAsync("26", ("hasDisabilityCertificate", true), ("assistanceStatus", "dibao"),
            ("disabilityGrade", 1), ("needsLongTermCare", true), ("hukouLocal", true), ("disabilityType", "physical"));

        Assert.Equal(Decision.Eligible, result.Decision);
        Assert.Contains(result.Reasons, r => r.Children.Count >= 2);
    }

    [Fact]
    public async Task Evaluate_ProcedureWithLegalNote_CarriesItAsync()
    {
        var result = await EvaluateAsync("44b");

        Assert.NotNull(result.LegalNote);
    }

    [Fact]
    public async Task Evaluate_ManyRequestsInParallel_EachGetsItsOwnAnswerAsync()
    {
        var ages = Enumerable.Range(0, 400).Select(i => 60 + (i % 40)).ToArray();

        var results = await Task.WhenAll(ages.Select(age => Task.Run(() => EvaluateAsync("34", ("age", age), ("hukouLocal", true)))));

        for (var i = 0; i < ages.Length; i++)
            Assert.Equal(ages[i] >= 80 ? Decision.Eligible : Decision.Ineligible, results[i].Decision);
    }
}
