using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests.Seed;

/// <summary>Chart text in the rule files is copied, not reworded: each string occurs in its seed lines.</summary>
public class SeedTextTests
{
    public static TheoryData<string> Ids() => [.. TestCatalog.Catalog.Procedures.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void ChartText_OccursInTheProcedureSeedLines(string id)
    {
        var procedure = TestCatalog.Procedure(id);
        var seed = SeedText.Range(procedure.Source.Lines[0], procedure.Source.Lines[1]);
        var texts = new[] { procedure.Title }
            .Concat(procedure.Actors.Implementing)
            .Concat(procedure.Actors.Cooperating)
            .Concat(procedure.Actors.Supervising)
            .Concat(procedure.Risks)
            .Concat(procedure.Measures)
            .Concat(procedure.Steps.Select(s => s.Name))
            .Concat(procedure.Materials.Select(m => m.Name))
            .Concat(procedure.Materials.SelectMany(m => m.Parts).Select(p => p.Name));

        var invented = texts.Where(t => !seed.Contains(SeedText.Normalize(t), StringComparison.Ordinal)).ToList();

        Assert.True(invented.Count == 0,
            $"Not in seed lines {procedure.Source.Lines[0]}–{procedure.Source.Lines[1]}: {string.Join(" | ", invented)}");
    }
}
