using System.Text.Json.Nodes;
using Advisor.Rules.Calendar;
using Advisor.Rules.Validation;

namespace Advisor.Rules.Tests.Calendar;

public sealed class WorkingCalendarLoaderTests : IDisposable
{
    private readonly string _directory =
        Directory.CreateTempSubdirectory("dutyadvisor-calendar-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_RepositoryFile_HasNoProblems()
    {
        var result = WorkingCalendarLoader.Load(TestCalendars.RepositoryFile);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Calendar);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var path = Path.Combine(_directory, "nothing.json");

        var problem = Assert.Single(WorkingCalendarLoader.Load(path).Problems);

        Assert.Equal(path, problem.File);
        Assert.Contains("missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrThrow_BrokenFile_ThrowsListingFileAndField()
    {
        var path = Write(Valid(), root => root["years"]![0]!["holidays"]![1]!["to"] = "2025-02-30");

        var e = Assert.Throws<RuleCatalogException>(() => WorkingCalendarLoader.LoadOrThrow(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("$.years[0].holidays[1].to: '2025-02-30' is not a date.", e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJson_ReportsLine()
    {
        var path = Path.Combine(_directory, "cn-holidays.json");
        File.WriteAllText(path, "{ \"years\": [ { \"year\": 2025, } ] }");

        var problem = Assert.Single(WorkingCalendarLoader.Load(path).Problems);

        Assert.Contains("Invalid JSON at line 1", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "bad date", "$.years[0].holidays[0].from", "2025/01/01" },
        { "ends before start", "$.years[0].holidays[1].to", "2025-01-20" },
        { "working day on a weekday", "$.years[0].holidays[1].workingDays[0]", "2025-01-27" },
        { "working day inside a holiday", "$.years[0].holidays[1].workingDays[0]", "2025-02-01" },
        { "overlapping holidays", "$.years[0].holidays[1].from", "2025-01-01" },
        { "unknown status", "$.years[0].status", "maybe" },
        { "notice not on gov.cn", "$.years[0].notice.url", "https://example.com/notice" },
        { "empty basis", "$.years[0].basis", " " },
        { "misspelt field", "$.years[0].holidays[0].workingday", "2025-01-04" },
        { "year missing", "$.years[0].year", "" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Load_BrokenField_ReportsThatField(string what, string field, string value)
    {
        var path = Write(Valid(), root => Set(root, field, value));

        var problems = WorkingCalendarLoader.Load(path).Problems;

        Assert.True(problems.Any(p => p.Path == field && p.File == path),
            $"{what}: expected a problem at {field}, got: {string.Join(" | ", problems)}");
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
    }

    [Fact]
    public void Load_ConfirmedYearWithoutNotice_AsksForIt()
    {
        var path = Write(Valid(), root => root["years"]![0]!.AsObject().Remove("notice"));

        var problem = Assert.Single(WorkingCalendarLoader.Load(path).Problems);

        Assert.Equal("$.years[0].notice", problem.Path);
    }

    [Fact]
    public void Load_UnconfirmedYearWithoutNotice_Loads()
    {
        var path = Write(Valid(), root =>
        {
            root["years"]![0]!["status"] = "unconfirmed";
            root["years"]![0]!.AsObject().Remove("notice");
        });

        var result = WorkingCalendarLoader.Load(path);

        Assert.Empty(result.Problems);
        Assert.Equal(CalendarStatus.Unconfirmed, result.Calendar!.Years[0].Status);
    }

    [Fact]
    public void Load_YearsNotConsecutive_Reported()
    {
        var path = Write(Valid(), root =>
        {
            var next = JsonNode.Parse(root["years"]![0]!.ToJsonString())!;
            next["year"] = 2027;
            next["holidays"] = new JsonArray();
            root["years"]!.AsArray().Add(next);
        });

        var problem = Assert.Single(WorkingCalendarLoader.Load(path).Problems);

        Assert.Equal("$.years[1].year", problem.Path);
    }

    [Fact]
    public void Load_HolidayOutsideCoveredYears_Reported()
    {
        var path = Write(Valid(), root =>
        {
            root["years"]![0]!["holidays"]![0]!["from"] = "2024-12-31";
        });

        var problems = WorkingCalendarLoader.Load(path).Problems;

        Assert.Contains(problems, p => p.Message.Contains("2024-12-31", StringComparison.Ordinal)
            && p.Message.Contains("outside the years", StringComparison.Ordinal));
    }

    private string Write(JsonObject root, Action<JsonObject> change)
    {
        change(root);
        var path = Path.Combine(_directory, "cn-holidays.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    /// <summary>A small valid file: 2025 with New Year and the Spring Festival.</summary>
    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "years": [
            {
              "year": 2025,
              "status": "confirmed",
              "basis": "test",
              "notice": {
                "title": "国务院办公厅关于2025年部分节假日安排的通知",
                "documentNumber": "国办发明电〔2024〕12号",
                "date": "2024-11-12",
                "url": "https://www.gov.cn/zhengce/content/202411/content_6986382.htm"
              },
              "holidays": [
                { "name": "元旦", "from": "2025-01-01", "to": "2025-01-01" },
                { "name": "春节", "from": "2025-01-28", "to": "2025-02-04",
                  "workingDays": ["2025-01-26", "2025-02-08"] }
              ]
            }
          ]
        }
        """)!.AsObject();

    private static void Set(JsonObject root, string path, string value)
    {
        JsonNode node = root;
        var parts = path.TrimStart('$', '.').Replace("[", ".", StringComparison.Ordinal)
            .Replace("]", "", StringComparison.Ordinal).Split('.');
        foreach (var part in parts[..^1])
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;

        var last = parts[^1];
        if (int.TryParse(last, out var index))
            node[index] = value;
        else if (value.Length == 0)
            node.AsObject().Remove(last);
        else
            node[last] = value;
    }
}
