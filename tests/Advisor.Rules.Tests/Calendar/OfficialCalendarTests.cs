using System.Globalization;
using Advisor.Rules.Calendar;
using static Advisor.Rules.Tests.Calendar.TestCalendars;

namespace Advisor.Rules.Tests.Calendar;

/// <summary>
/// The shipped calendar against the notices. The expected dates below were typed from the notices' text
/// (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026), independently of the data file.
/// </summary>
public class OfficialCalendarTests
{
    // year, holiday, first day off, last day off, days off the notice states (共N天), weekend days worked.
    public static TheoryData<int, string, string, string, int, string> NoticeBlocks => new()
    {
        { 2025, "元旦", "2025-01-01", "2025-01-01", 1, "" },
        { 2025, "春节", "2025-01-28", "2025-02-04", 8, "2025-01-26 2025-02-08" },
        { 2025, "清明节", "2025-04-04", "2025-04-06", 3, "" },
        { 2025, "劳动节", "2025-05-01", "2025-05-05", 5, "2025-04-27" },
        { 2025, "端午节", "2025-05-31", "2025-06-02", 3, "" },
        { 2025, "国庆节、中秋节", "2025-10-01", "2025-10-08", 8, "2025-09-28 2025-10-11" },
        { 2026, "元旦", "2026-01-01", "2026-01-03", 3, "2026-01-04" },
        { 2026, "春节", "2026-02-15", "2026-02-23", 9, "2026-02-14 2026-02-28" },
        { 2026, "清明节", "2026-04-04", "2026-04-06", 3, "" },
        { 2026, "劳动节", "2026-05-01", "2026-05-05", 5, "2026-05-09" },
        { 2026, "端午节", "2026-06-19", "2026-06-21", 3, "" },
        { 2026, "中秋节", "2026-09-25", "2026-09-27", 3, "" },
        { 2026, "国庆节", "2026-10-01", "2026-10-07", 7, "2026-09-20 2026-10-10" },
    };

    [Theory]
    [MemberData(nameof(NoticeBlocks))]
    public void Holiday_ConfirmedYear_MatchesNotice(
        int year, string name, string from, string to, int days, string workingDays)
    {
        var calendar = Repository;
        var block = Assert.Single(calendar.YearOf(D(from)).Holidays, h => h.Name == name);
        var worked = workingDays.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(D).ToList();

        Assert.Equal(year, D(from).Year);
        Assert.Equal((D(from), D(to), days), (block.From, block.To, block.Days));
        Assert.Equal(worked, block.WorkingDays);
        Assert.All(block.DaysOff(), d => Assert.Equal(DayKind.Holiday, calendar.KindOf(d)));
        Assert.All(block.DaysOff(), d => Assert.False(calendar.IsWorkingDay(d)));
        Assert.All(worked, d => Assert.Equal(DayKind.AdjustedWorkingDay, calendar.KindOf(d)));
        Assert.All(worked, d => Assert.True(calendar.IsWorkingDay(d)));
    }

    [Theory]
    [MemberData(nameof(NoticeBlocks))]
    public void Holiday_ConfirmedYear_IsFramedByWorkingDays(
        int year, string name, string from, string to, int days, string workingDays)
    {
        _ = (year, name, days, workingDays);
        var calendar = Repository;

        var before = D(from).AddDays(-1);
        var after = D(to).AddDays(1);

        if (calendar.Covers(before))
            Assert.True(calendar.IsWorkingDay(before), $"{before} before {name}");
        Assert.True(calendar.IsWorkingDay(after), $"{after} after {name}");
    }

    [Theory]
    [InlineData(2025, "国办发明电〔2024〕12号", "2024-11-12")]
    [InlineData(2026, "国办发明电〔2025〕7号", "2025-11-04")]
    public void Year_Confirmed_CitesItsNotice(int year, string number, string date)
    {
        var entry = Repository.YearOf(new DateOnly(year, 6, 1));

        Assert.Equal(CalendarStatus.Confirmed, entry.Status);
        Assert.NotNull(entry.Notice);
        Assert.Equal($"国务院办公厅关于{year}年部分节假日安排的通知", entry.Notice.Title);
        Assert.Equal(number, entry.Notice.DocumentNumber);
        Assert.Equal(D(date), entry.Notice.Date);
        Assert.StartsWith("https://www.gov.cn/", entry.Notice.Url, StringComparison.Ordinal);
        Assert.NotEmpty(entry.CheckedAgainst);
    }

    [Fact]
    public void Years_ConfirmedYears_HoldOnlyTheNoticesBlocks()
    {
        var expected = NoticeBlocks.Select(row => ((int)row[0], (string)row[1])).ToList();

        var actual = Repository.Years
            .Where(y => y.Status == CalendarStatus.Confirmed)
            .SelectMany(y => y.Holidays.Select(h => (y.Year, h.Name)))
            .ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Years_Repository_Cover2025To2027()
    {
        Assert.Equal(new DateOnly(2025, 1, 1), Repository.FirstDay);
        Assert.Equal(new DateOnly(2027, 12, 31), Repository.LastDay);
        Assert.Equal(new[] { 2025, 2026, 2027 }, Repository.Years.Select(y => y.Year));
    }

    [Fact]
    public void Year2027_NoticeNotFound_IsUnconfirmedAndSaysWhy()
    {
        var year = Repository.YearOf(new DateOnly(2027, 1, 1));

        Assert.Equal(CalendarStatus.Unconfirmed, year.Status);
        Assert.Null(year.Notice);
        Assert.Contains("全国年节及纪念日放假办法", year.Basis, StringComparison.Ordinal);
        Assert.All(year.Holidays, h => Assert.Empty(h.WorkingDays));
    }

    [Fact]
    public void Year2027_StatutoryHolidays_AreTheRegulationsDays()
    {
        // 《全国年节及纪念日放假办法》第二条: 元旦 1, 春节 4 (除夕至初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3.
        var lunar = new ChineseLunisolarCalendar();
        var newYear = DateOnly.FromDateTime(lunar.ToDateTime(2027, 1, 1, 0, 0, 0, 0));
        var dragonBoat = Lunar(lunar, 2027, 5, 5);
        var midAutumn = Lunar(lunar, 2027, 8, 15);
        var expected = new[]
        {
            ("元旦", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1)),
            ("春节", newYear.AddDays(-1), newYear.AddDays(2)),
            ("清明节", new DateOnly(2027, 4, 5), new DateOnly(2027, 4, 5)),
            ("劳动节", new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 2)),
            ("端午节", dragonBoat, dragonBoat),
            ("中秋节", midAutumn, midAutumn),
            ("国庆节", new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 3)),
        };

        var actual = Repository.YearOf(new DateOnly(2027, 1, 1)).Holidays.Select(h => (h.Name, h.From, h.To));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("2027-02-05", DayKind.Holiday)] // 除夕, a Friday
    [InlineData("2027-02-08", DayKind.Holiday)] // 初三, a Monday
    [InlineData("2027-02-09", DayKind.Workday)] // the notice may add days off here; not guessed
    [InlineData("2027-02-20", DayKind.Weekend)] // nor is any adjusted working weekend guessed
    [InlineData("2027-10-04", DayKind.Workday)]
    public void KindOf_UnconfirmedYear_IsWeekdaysWeekendsAndStatutoryDaysOnly(string date, DayKind expected)
    {
        Assert.Equal(expected, Repository.KindOf(D(date)));
    }

    // ChineseLunisolarCalendar numbers a leap month as the month after it, so later months shift by one.
    private static DateOnly Lunar(ChineseLunisolarCalendar lunar, int year, int month, int day)
    {
        var leap = lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
