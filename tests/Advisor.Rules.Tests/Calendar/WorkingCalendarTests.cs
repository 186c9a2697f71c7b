using Advisor.Rules.Calendar;
using static Advisor.Rules.Tests.Calendar.TestCalendars;

namespace Advisor.Rules.Tests.Calendar;

public class WorkingCalendarTests
{
    [Theory]
    [InlineData("2025-03-03", DayKind.Workday)]            // an ordinary Monday
    [InlineData("2025-03-07", DayKind.Workday)]            // an ordinary Friday
    [InlineData("2025-03-08", DayKind.Weekend)]            // an ordinary Saturday
    [InlineData("2025-03-09", DayKind.Weekend)]            // an ordinary Sunday
    [InlineData("2025-10-01", DayKind.Holiday)]            // National Day, a Wednesday
    [InlineData("2025-10-04", DayKind.Holiday)]            // a Saturday inside the holiday
    [InlineData("2025-10-11", DayKind.AdjustedWorkingDay)] // a Saturday worked for it
    [InlineData("2025-09-28", DayKind.AdjustedWorkingDay)] // a Sunday worked for it
    [InlineData("2026-01-04", DayKind.AdjustedWorkingDay)]
    [InlineData("2025-01-01", DayKind.Holiday)]            // the first day covered
    [InlineData("2027-12-31", DayKind.Workday)]            // the last day covered, a Friday
    public void KindOf_Day_FollowsWeekAndNotices(string date, DayKind expected)
    {
        Assert.Equal(expected, Repository.KindOf(D(date)));
    }

    [Theory]
    [InlineData("2025-03-03", true)]
    [InlineData("2025-03-08", false)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-23", false)]
    public void IsWorkingDay_Day_TrueOnWeekdaysAndAdjustedWeekendsOnly(string date, bool expected)
    {
        Assert.Equal(expected, Repository.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2028-01-01")]
    [InlineData("0001-01-01")]
    public void IsWorkingDay_OutsideCoveredYears_Throws(string date)
    {
        var e = Assert.Throws<DateOutsideCalendarException>(() => Repository.IsWorkingDay(D(date)));

        Assert.Equal(D(date), e.Date);
        Assert.Equal(new DateOnly(2025, 1, 1), e.FirstDay);
        Assert.Equal(new DateOnly(2027, 12, 31), e.LastDay);
    }

    [Fact]
    public void HolidayOn_AdjustedWorkingDay_NamesItsHoliday()
    {
        Assert.Equal("国庆节、中秋节", Repository.HolidayOn(D("2025-10-11"))?.Name);
        Assert.Equal("春节", Repository.HolidayOn(D("2026-02-20"))?.Name);
        Assert.Null(Repository.HolidayOn(D("2025-03-03")));
    }

    [Fact]
    public void Constructor_YearsWithGap_Throws()
    {
        var years = new[] { 2025, 2027 }.Select(y => new CalendarYear
        {
            Year = y,
            Status = CalendarStatus.Unconfirmed,
            Basis = "test",
        });

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(years));
    }

    [Fact]
    public void Constructor_WorkingDayOnWeekday_Throws()
    {
        var block = new HolidayBlock("test", D("2025-03-03"), D("2025-03-03"))
        {
            WorkingDays = [D("2025-03-04")],
        };

        Assert.Throws<ArgumentException>(() => Build(2025, CalendarStatus.Confirmed, block));
    }

    [Fact]
    public void Constructor_InputChangedAfterwards_CalendarUnchanged()
    {
        var days = new List<DateOnly> { D("2025-03-08") };
        var calendar = Build(2025, CalendarStatus.Confirmed,
            new HolidayBlock("test", D("2025-03-03"), D("2025-03-03")) { WorkingDays = days });

        days.Add(D("2025-03-15"));

        Assert.Equal(DayKind.Weekend, calendar.KindOf(D("2025-03-15")));
    }

    [Fact]
    public void IsWorkingDay_ManyThreads_SameAnswers()
    {
        var calendar = Repository;
        var days = Enumerable.Range(0, calendar.LastDay.DayNumber - calendar.FirstDay.DayNumber + 1)
            .Select(calendar.FirstDay.AddDays)
            .ToArray();
        var expected = days.Select(calendar.IsWorkingDay).ToArray();

        var answers = new bool[16][];
        Parallel.For(0, answers.Length, i => answers[i] = days.Select(calendar.IsWorkingDay).ToArray());

        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void IsWorkingDay_ConfirmedYear_LeavesExactlyTheStatutoryHolidaysOff(int year)
    {
        // The notices only move rest days around: a year keeps its weekend days plus the 13 days of
        // 《全国年节及纪念日放假办法》第二条 (1 + 4 + 1 + 2 + 1 + 1 + 3) off, whatever the 调休.
        var first = new DateOnly(year, 1, 1);
        var days = Enumerable.Range(0, 365).Select(first.AddDays).ToList();
        var weekendDays = days.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        var working = days.Count(Repository.IsWorkingDay);

        Assert.Equal(365 - weekendDays - 13, working);
    }
}
