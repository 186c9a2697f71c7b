using System.Text.Json;
using Advisor.Rules.Tests.Support;
using Json.Schema;

namespace Advisor.Rules.Tests.Calendar;

public class CalendarSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(RepoPaths.Rules, "schema", "calendar.schema.json")));

    [Fact]
    public void Evaluate_RepositoryCalendar_IsValid()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(TestCalendars.RepositoryFile));

        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };

        var result = Schema.Evaluate(file.RootElement, options);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": 2025, "status": "confirmed", "basis": "x", "holidays": [] } ] }""")]
    [InlineData("""{ "years": [ { "year": 2025, "status": "x", "basis": "x", "holidays": [] } ] }""")]
    [InlineData("""
        { "years": [ { "year": 2025, "status": "unconfirmed", "basis": "x",
          "holidays": [ { "name": "a", "from": "2025-1-1", "to": "2025-01-01" } ] } ] }
        """)]
    [InlineData("""{ "years": [] }""")]
    public void Evaluate_BrokenCalendar_IsInvalid(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }
}
