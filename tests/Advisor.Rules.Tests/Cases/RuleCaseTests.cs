using Advisor.Rules.Evaluation;
using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests.Cases;

/// <summary>Runs every case of rules/tests through the services the API uses.</summary>
public class RuleCaseTests
{
    public static TheoryData<string, string> EligibilityCases() =>
        Rows(RuleCaseFile.All.SelectMany(f => (f.Eligibility ?? []).Select(c => (f.Procedure, c.Name))));

    public static TheoryData<string, string> CompletenessCases() =>
        Rows(RuleCaseFile.All.SelectMany(f => (f.Completeness ?? []).Select(c => (f.Procedure, c.Name))));

    private static TheoryData<string, string> Rows(IEnumerable<(string Procedure, string Name)> cases)
    {
        var rows = new TheoryData<string, string>();
        foreach (var (procedure, name) in cases)
            rows.Add(procedure, name);

        return rows;
    }

    [Fact]
    public void EveryProcedureWithRules_HasAtLeastFiveCases()
    {
        var withRules = TestCatalog.Catalog.Procedures.Where(EligibilityEvaluator.HasRules).Select(p => p.Id);

        Assert.All(withRules, id =>
        {
            var file = RuleCaseFile.All.SingleOrDefault(f => f.Procedure == id);
            Assert.True(file?.Eligibility?.Count >= 5, $"rules/tests/{id}.json needs at least five eligibility cases");
        });
    }

    [Theory]
    [MemberData(nameof(EligibilityCases))]
    public async Task Eligibility_Case_HoldsAsync(string procedureId, string caseName)
    {
        var rule = RuleCaseFile.All.Single(f => f.Procedure == procedureId).Eligibility!.Single(c => c.Name == caseName);
        var procedure = TestCatalog.Procedure(procedureId);
        var facts = TestCatalog.Get<FactReader>().Read(rule.Facts, procedure);

        var result = await TestCatalog.Get<EligibilityEvaluator>().EvaluateAsync(procedure, facts, CancellationToken.None);

        Assert.Equal(rule.Decision, result.Decision.ToString(), ignoreCase: true);
        if (rule.Missing is not null)
            Assert.Equal(rule.Missing.Order(), result.MissingFacts.Select(f => f.Name).Order());

        var failed = Flatten(result.Reasons).Where(r => r.Status == ReasonStatus.Failed).Select(r => r.Rule).ToHashSet();
        Assert.All(rule.Failed ?? [], name => Assert.Contains(name, failed));
        Assert.All(Flatten(result.Reasons), r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Theory]
    [MemberData(nameof(CompletenessCases))]
    public async Task Completeness_Case_HoldsAsync(string procedureId, string caseName)
    {
        var rule = RuleCaseFile.All.Single(f => f.Procedure == procedureId).Completeness!.Single(c => c.Name == caseName);
        var procedure = TestCatalog.Procedure(procedureId);
        var facts = TestCatalog.Get<FactReader>().Read(rule.Facts, procedure);

        var result = await TestCatalog.Get<CompletenessChecker>()
            .CheckAsync(procedure, facts, rule.Submitted, CancellationToken.None);

        if (rule.Complete is { } complete)
            Assert.Equal(complete, result.Complete);

        if (rule.Missing is not null)
        {
            var expected = rule.Missing.Select(m => m.Split('/')[0]).Distinct().Order();
            Assert.Equal(expected, result.Missing.Select(m => m.MaterialId).Order());
        }

        if (rule.Unrecognized is not null)
            Assert.Equal(rule.Unrecognized.Order(), result.Unrecognized.Order());

        Assert.All(result.Missing, m => Assert.Contains(m.Name, result.Notice, StringComparison.Ordinal));
    }

    private static IEnumerable<Reason> Flatten(IEnumerable<Reason> reasons) =>
        reasons.SelectMany(r => Flatten(r.Children).Prepend(r));
}
