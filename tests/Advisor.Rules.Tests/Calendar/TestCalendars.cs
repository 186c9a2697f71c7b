using System.Text.Json;
using Advisor.Rules.Calendar;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests.Calendar;

/// <summary>The calendars and procedures the calendar tests work on.</summary>
internal static class TestCalendars
{
    private static readonly Lazy<WorkingCalendar> RepositoryCalendar =
        new(() => WorkingCalendarLoader.LoadOrThrow(RepositoryFile));

    /// <summary>The shipped calendar file.</summary>
    public static string RepositoryFile => WorkingCalendarLoader.PathIn(RepoPaths.Rules);

    /// <summary>The shipped calendar, loaded once.</summary>
    public static WorkingCalendar Repository => RepositoryCalendar.Value;

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    /// <summary>A one-year calendar with the given holidays, for tests that need their own dates.</summary>
    public static WorkingCalendar Build(int year, CalendarStatus status, params HolidayBlock[] holidays) =>
        new([
            new CalendarYear
            {
                Year = year,
                Status = status,
                Basis = "test data",
                Notice = status == CalendarStatus.Confirmed
                    ? new HolidayNotice("test", "test", new DateOnly(year - 1, 11, 1), "https://www.gov.cn/t")
                    : null,
                Holidays = holidays,
            },
        ]);

    /// <summary>
    /// The id and steps of every procedure file, read straight from <c>rules/</c>. Not through
    /// <see cref="CatalogLoader"/>: it registers the procedure schema in JsonSchema.Net's global registry and
    /// throws when a second load in the same process registers it again.
    /// </summary>
    public static IReadOnlyList<Procedure> RepositoryProcedures => RepositoryProcedureList.Value;

    private static readonly Lazy<IReadOnlyList<Procedure>> RepositoryProcedureList = new(() =>
    [
        .. Directory.EnumerateFiles(RepoPaths.Rules, "*.json")
            .Where(p => Path.GetFileName(p) != CatalogLoader.VocabularyFile)
            .Order(StringComparer.Ordinal)
            .Select(ReadProcedure),
    ]);

    public static Procedure RepositoryProcedure(string id) => RepositoryProcedures.Single(p => p.Id == id);

    private static Procedure ReadProcedure(string path)
    {
        var file = JsonSerializer.Deserialize<StepsOnly>(File.ReadAllText(path), RuleJson.Options)!;
        return WithPublicity(("unused", 1, DayUnit.Calendar)) with { Id = file.Id, Steps = file.Steps };
    }

    private sealed record StepsOnly(string Id, IReadOnlyList<Step> Steps);

    /// <summary>A procedure whose only steps are the given publicity steps.</summary>
    public static Procedure WithPublicity(params (string Id, int MinDays, DayUnit Unit)[] steps) => new()
    {
        Id = "99",
        Slug = "test",
        Title = "test",
        Category = "test",
        Source = new SourceRef("seed", [1, 2]),
        Actors = new ProcedureActors(["村民委员会"], [], []),
        Steps =
        [
            new Step { Id = "apply", Name = "申请", Kind = StepKind.Task, Next = [steps[0].Id] },
            .. steps.Select((s, i) => new Step
            {
                Id = s.Id,
                Name = $"公示{s.MinDays}日",
                Kind = StepKind.Publicity,
                MinDays = s.MinDays,
                DayUnit = s.Unit,
                Next = [i + 1 < steps.Length ? steps[i + 1].Id : "end"],
            }),
            new Step { Id = "end", Name = "办结", Kind = StepKind.End },
        ],
    };
}
