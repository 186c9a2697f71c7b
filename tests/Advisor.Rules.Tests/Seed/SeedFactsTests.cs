using System.Text.Json;
using Advisor.Rules.Model;
using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests.Seed;

/// <summary>
/// Every procedure against the facts a reviewer confirmed in the seed (SeedFacts/NN.json, written from
/// the seed by someone other than the rule's author): a wrong or missing fact fails here.
/// </summary>
public class SeedFactsTests
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Files() => [.. FileIds()];

    private static IEnumerable<string> FileIds() =>
        Directory.EnumerateFiles(RepoPaths.SeedFacts, "*.json").Select(p => Path.GetFileNameWithoutExtension(p)).Order();

    [Fact]
    public void SeedFacts_CoverEveryProcedure()
    {
        var ids = TestCatalog.Catalog.Procedures.Select(p => p.Id).Order();

        Assert.Equal(ids, FileIds());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Procedure_MatchesConfirmedSeedFacts(string id)
    {
        var expected = Load(id);
        var procedure = TestCatalog.Procedure(id);

        Assert.Equal(expected.Title, procedure.Title);
        Assert.Equal(expected.Category, procedure.Category);
        Assert.Equal(expected.Actors.Implementing, procedure.Actors.Implementing);
        Assert.Equal(expected.Actors.Cooperating, procedure.Actors.Cooperating);
        Assert.Equal(expected.Actors.Supervising, procedure.Actors.Supervising);
        Assert.Equal(expected.Risks, procedure.Risks);
        Assert.Equal(expected.Measures, procedure.Measures);
        Assert.Equal(expected.Materials.Select(Describe), procedure.Materials.Select(Describe));
        Assert.Equal(
            expected.Publicity.Select(p => $"{p.MinDays}/{p.DayUnit}"),
            procedure.Steps.Where(s => s.Kind == StepKind.Publicity).Select(s => $"{s.MinDays}/{s.DayUnit?.ToString().ToLowerInvariant()}"));
        Assert.Equal(expected.Decisions, procedure.Steps.Count(s => s.Kind == StepKind.Decision));

        var names = procedure.Steps.Select(s => s.Name).ToHashSet();
        Assert.All(expected.StepNames, name => Assert.Contains(name, names));
    }

    private static string Describe(ExpectedMaterial m) =>
        $"{m.Name}|{m.Form}|{m.Copies}|{m.Unit}|{m.Conditional}|{string.Join("+", m.Parts ?? [])}";

    private static string Describe(Material m) =>
        $"{m.Name}|{JsonNamingPolicy.CamelCase.ConvertName(m.Form.ToString())}|{m.Copies}|{m.Unit}|{m.Condition is not null}"
        + $"|{string.Join("+", m.Parts.Select(p => p.Name))}";

    private static ExpectedProcedure Load(string id) =>
        JsonSerializer.Deserialize<ExpectedProcedure>(
            File.ReadAllText(Path.Combine(RepoPaths.SeedFacts, id + ".json")),
            Options)!;

    private sealed record ExpectedProcedure(
        string Id,
        string Title,
        string Category,
        ExpectedActors Actors,
        IReadOnlyList<string> Risks,
        IReadOnlyList<string> Measures,
        IReadOnlyList<ExpectedMaterial> Materials,
        IReadOnlyList<ExpectedPublicity> Publicity,
        int Decisions,
        IReadOnlyList<string> StepNames);

    private sealed record ExpectedActors(
        IReadOnlyList<string> Implementing, IReadOnlyList<string> Cooperating, IReadOnlyList<string> Supervising);

    private sealed record ExpectedMaterial(
        string Name, string Form, int Copies, string? Unit, bool Conditional, IReadOnlyList<string>? Parts);

    private sealed record ExpectedPublicity(int MinDays, string DayUnit);
}
