using Advisor.Rules.Calendar;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;
using static Advisor.Rules.Tests.Calendar.TestCalendars;

namespace Advisor.Rules.Tests.Calendar;

public class PublicityCalculatorTests
{
    private static PublicityCalculator Create() => new(Repository);

    // Civil Code art. 201: the posting day is not counted.
    [Theory]
    [InlineData("2025-03-03", 7, "2025-03-10")] // posted on an ordinary Monday: ends on the Monday after
    [InlineData("2025-03-04", 1, "2025-03-05")] // one day: the day after posting, not the posting day
    [InlineData("2025-03-03", 4, "2025-03-07")] // Friday, no weekend in the way
    [InlineData("2026-03-02", 7, "2026-03-09")]
    public void EarliestEnd_CalendarDaysEndingOnWorkday_IsStartPlusDays(string start, int days, string end)
    {
        Assert.Equal(D(end), Create().EarliestEnd(D(start), days, DayUnit.Calendar));
    }

    // Civil Code art. 203: a last day on a rest day moves to the next working day.
    [Theory]
    [InlineData("2025-03-03", 5, "2025-03-10")] // nominal Saturday 8th → Monday
    [InlineData("2025-03-03", 6, "2025-03-10")] // nominal Sunday 9th → Monday
    [InlineData("2025-09-29", 7, "2025-10-09")] // nominal 6 Oct, inside 1–8 Oct → Thursday 9th
    [InlineData("2025-09-30", 1, "2025-10-09")] // nominal 1 Oct, the first day off
    [InlineData("2025-01-27", 1, "2025-02-05")] // into the Spring Festival (28 Jan – 4 Feb)
    [InlineData("2026-09-24", 3, "2026-09-28")] // Mid-Autumn 25–27 Sep 2026 → Monday 28th
    [InlineData("2025-12-31", 1, "2026-01-04")] // 元旦 2026 is 1–3 Jan; Sunday 4th is worked, so it ends there
    public void EarliestEnd_CalendarDaysEndingOnRestDay_MovesToNextWorkingDay(
        string start, int days, string end)
    {
        Assert.Equal(D(end), Create().EarliestEnd(D(start), days, DayUnit.Calendar));
    }

    // An adjusted working weekend is a working day, so a period ending on it stays there.
    [Theory]
    [InlineData("2025-10-04", 7, "2025-10-11")] // Saturday 11 Oct 2025 is worked
    [InlineData("2025-09-21", 7, "2025-09-28")] // Sunday 28 Sep 2025 is worked
    [InlineData("2026-01-01", 3, "2026-01-04")] // Sunday 4 Jan 2026 is worked
    public void EarliestEnd_CalendarDaysEndingOnAdjustedWorkingDay_StaysThere(
        string start, int days, string end)
    {
        Assert.Equal(D(end), Create().EarliestEnd(D(start), days, DayUnit.Calendar));
    }

    [Theory]
    [InlineData("2025-03-03", 5, "2025-03-10")] // Mon → Tue … Fri, Mon: the weekend is skipped
    [InlineData("2025-03-07", 1, "2025-03-10")] // posted Friday: Monday is the first working day
    [InlineData("2025-03-08", 1, "2025-03-10")] // posted Saturday: not counted either way
    [InlineData("2025-09-30", 5, "2025-10-14")] // 59 before National Day: 9, 10, 11 (Sat, worked), 13, 14
    [InlineData("2026-09-30", 5, "2026-10-13")] // same in 2026: 8, 9, 10 (Sat, worked), 12, 13
    [InlineData("2025-10-10", 1, "2025-10-11")] // the adjusted working Saturday counts
    [InlineData("2026-02-13", 1, "2026-02-14")] // Saturday 14 Feb 2026 counts
    [InlineData("2026-02-14", 1, "2026-02-24")] // then the Spring Festival, 15–23 Feb
    [InlineData("2025-04-25", 2, "2025-04-28")] // Sunday 27 Apr 2025 worked: 27, 28
    public void EarliestEnd_WorkingDays_CountsOfficialWorkingDaysAfterPosting(
        string start, int days, string end)
    {
        Assert.Equal(D(end), Create().EarliestEnd(D(start), days, DayUnit.Working));
    }

    [Fact]
    public void EarliestEnd_CalendarDays_MovesPastHolidayAndWeekendTogether()
    {
        // A holiday on Friday followed by the weekend: art. 203 moves the end past all three days.
        var calendar = Build(2030, CalendarStatus.Confirmed,
            new HolidayBlock("test", new DateOnly(2030, 3, 8), new DateOnly(2030, 3, 8)));

        var calculator = new PublicityCalculator(calendar);

        var end = calculator.EarliestEnd(new DateOnly(2030, 3, 1), 7, DayUnit.Calendar);

        Assert.Equal(new DateOnly(2030, 3, 11), end);
    }

    [Fact]
    public void EarliestEnd_ZeroDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Create().EarliestEnd(D("2025-03-03"), 0, DayUnit.Calendar));
    }

    [Theory]
    [InlineData("2024-12-31", DayUnit.Calendar)]
    [InlineData("2028-01-01", DayUnit.Working)]
    public void EarliestEnd_StartOutsideCalendar_Throws(string start, DayUnit unit)
    {
        var e = Assert.Throws<DateOutsideCalendarException>(() => Create().EarliestEnd(D(start), 5, unit));

        Assert.Equal(D(start), e.Date);
    }

    [Theory]
    [InlineData("2027-12-28", 7, DayUnit.Calendar)] // 2028-01-04 is not covered
    [InlineData("2027-12-27", 5, DayUnit.Working)]  // the fifth working day is in January 2028
    public void EarliestEnd_CountRunsPastCalendar_Throws(string start, int days, DayUnit unit)
    {
        var e = Assert.Throws<DateOutsideCalendarException>(() => Create().EarliestEnd(D(start), days, unit));

        Assert.True(e.Date > new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void EarliestEnd_LastDaysCovered_StillAnswers()
    {
        Assert.Equal(D("2027-12-31"), Create().EarliestEnd(D("2027-12-24"), 7, DayUnit.Calendar));
        Assert.Equal(D("2027-12-31"), Create().EarliestEnd(D("2027-12-30"), 1, DayUnit.Working));
    }

    [Fact]
    public void Calculate_Procedure59BeforeNationalDay_SkipsTheHolidayWeek()
    {
        var procedure = RepositoryProcedure("59");

        var result = Create().Calculate(procedure, D("2025-09-30"));

        var step = Assert.Single(result.Steps);
        Assert.Equal(("59", D("2025-09-30")), (result.ProcedureId, result.Start));
        Assert.Equal(("publicity", 5, DayUnit.Working), (step.StepId, step.MinDays, step.DayUnit));
        Assert.Equal(D("2025-10-14"), step.EarliestEnd);
        Assert.Null(result.CalendarNote);
    }

    [Fact]
    public void Calculate_Procedure34OnOrdinaryMonday_EndsTheMondayAfter()
    {
        var procedure = RepositoryProcedure("34");

        var result = Create().Calculate(procedure, D("2025-03-03"));

        var step = Assert.Single(result.Steps);
        Assert.Equal((7, DayUnit.Calendar, D("2025-03-10")), (step.MinDays, step.DayUnit, step.EarliestEnd));
    }

    [Fact]
    public void Calculate_EveryRepositoryProcedure_AnswersEachPublicityStep()
    {
        var calculator = Create();
        Assert.Equal(64, RepositoryProcedures.Count);
        Assert.True(RepositoryProcedures.Sum(p => p.Steps.Count(s => s.Kind == StepKind.Publicity)) >= 10);

        foreach (var procedure in RepositoryProcedures)
        {
            var result = calculator.Calculate(procedure, D("2026-06-15"));

            var expected = procedure.Steps.Where(s => s.Kind == StepKind.Publicity).Select(s => s.Id);
            Assert.Equal(expected, result.Steps.Select(s => s.StepId));
            Assert.All(result.Steps, s => Assert.True(s.EarliestEnd > result.Start));
            Assert.All(result.Steps, s => Assert.True(Repository.IsWorkingDay(s.EarliestEnd)));
        }
    }

    [Fact]
    public void Calculate_SeveralPublicitySteps_OneEndEach()
    {
        var procedure = WithPublicity(("first", 7, DayUnit.Calendar), ("second", 5, DayUnit.Working));

        var result = Create().Calculate(procedure, D("2025-09-30"));

        Assert.Equal(
            new[] { ("first", D("2025-10-09")), ("second", D("2025-10-14")) },
            result.Steps.Select(s => (s.StepId, s.EarliestEnd)).ToList());
        Assert.All(result.Steps, s => Assert.StartsWith("公示", s.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_NoPublicityStep_EmptyButChecksStart()
    {
        var procedure = WithPublicity(("post", 7, DayUnit.Calendar)) with
        {
            Steps = [new Step { Id = "end", Name = "办结", Kind = StepKind.End }],
        };

        Assert.Empty(Create().Calculate(procedure, D("2025-03-03")).Steps);
        Assert.Throws<DateOutsideCalendarException>(() => Create().Calculate(procedure, D("2030-01-01")));
    }

    [Theory]
    [InlineData("2027-03-01")]
    [InlineData("2026-12-28")] // ends in January 2027
    public void Calculate_CountThroughUnconfirmedYear_SaysSo(string start)
    {
        var result = Create().Calculate(WithPublicity(("post", 7, DayUnit.Calendar)), D(start));

        Assert.NotNull(result.CalendarNote);
        Assert.Contains("2027", result.CalendarNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_ManyThreads_SameAnswers()
    {
        var calculator = Create();
        var procedure = WithPublicity(("a", 7, DayUnit.Calendar), ("b", 5, DayUnit.Working));
        var starts = Enumerable.Range(0, 700).Select(i => D("2025-01-01").AddDays(i)).ToArray();
        var expected = starts
            .Select(s => calculator.Calculate(procedure, s).Steps.Select(x => x.EarliestEnd).ToList())
            .ToArray();

        var answers = new List<DateOnly>[starts.Length];
        Parallel.For(0, starts.Length, i => answers[i] =
            calculator.Calculate(procedure, starts[i]).Steps.Select(x => x.EarliestEnd).ToList());

        for (var i = 0; i < starts.Length; i++)
            Assert.Equal(expected[i], answers[i]);
    }
}
