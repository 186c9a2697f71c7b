using System.Collections.Frozen;

namespace Advisor.Rules.Calendar;

/// <summary>
/// China's official working calendar: ordinary weekdays and weekends, changed by the public holidays and
/// the weekend days made working days (调休上班日) that the State Council announces each year. Loaded once
/// from <c>rules/calendar/cn-holidays.json</c>; immutable, so one instance serves every request.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<DateOnly, DayKind> _special;
    private readonly FrozenDictionary<DateOnly, HolidayBlock> _holidayOf;
    private readonly FrozenDictionary<int, CalendarYear> _byYear;

    /// <summary>
    /// Creates a calendar from consecutive years. The loader checks the file first and names each problem;
    /// this constructor only guards the invariants the lookups rely on.
    /// </summary>
    /// <exception cref="ArgumentException">Years are missing, not consecutive, or dates collide.</exception>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);

        Years = [.. years.OrderBy(y => y.Year)];
        if (Years.Count == 0)
            throw new ArgumentException("The calendar needs at least one year.", nameof(years));

        for (var i = 1; i < Years.Count; i++)
        {
            if (Years[i].Year != Years[i - 1].Year + 1)
                throw new ArgumentException($"Years must be consecutive; {Years[i - 1].Year} is followed by "
                    + $"{Years[i].Year}.", nameof(years));
        }

        FirstDay = new DateOnly(Years[0].Year, 1, 1);
        LastDay = new DateOnly(Years[^1].Year, 12, 31);

        var special = new Dictionary<DateOnly, DayKind>();
        var holidayOf = new Dictionary<DateOnly, HolidayBlock>();
        foreach (var block in Years.SelectMany(y => y.Holidays))
        {
            foreach (var day in block.DaysOff())
            {
                if (Collision(day, special) is { } collision)
                    throw new ArgumentException(collision, nameof(years));

                special[day] = DayKind.Holiday;
                holidayOf[day] = block;
            }

            foreach (var day in block.WorkingDays)
            {
                if (Collision(day, special) is { } collision)
                    throw new ArgumentException(collision, nameof(years));

                if (!IsWeekend(day))
                {
                    throw new ArgumentException(
                        $"Adjusted working day {day:yyyy-MM-dd} is not a Saturday or Sunday.", nameof(years));
                }

                special[day] = DayKind.AdjustedWorkingDay;
                holidayOf[day] = block;
            }
        }

        _special = special.ToFrozenDictionary();
        _holidayOf = holidayOf.ToFrozenDictionary();
        _byYear = Years.ToFrozenDictionary(y => y.Year);
    }

    /// <summary>The years covered, in order.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>1 January of the first year covered.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>31 December of the last year covered.</summary>
    public DateOnly LastDay { get; }

    /// <summary>Whether the calendar has data for the date.</summary>
    public bool Covers(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>What the date is: workday, weekend, holiday or adjusted working day.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years covered.</exception>
    public DayKind KindOf(DateOnly date)
    {
        EnsureCovers(date);

        if (_special.TryGetValue(date, out var kind))
            return kind;

        return IsWeekend(date) ? DayKind.Weekend : DayKind.Workday;
    }

    /// <summary>
    /// Whether people work on the date: an ordinary weekday that is not a holiday, or a weekend day made
    /// a working day. Weekends and holidays together are the Civil Code's 法定休假日.
    /// </summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years covered.</exception>
    public bool IsWorkingDay(DateOnly date) => KindOf(date) is DayKind.Workday or DayKind.AdjustedWorkingDay;

    /// <summary>
    /// The holiday a day off or an adjusted working day belongs to, or null for an ordinary day.
    /// </summary>
    public HolidayBlock? HolidayOn(DateOnly date) => _holidayOf.GetValueOrDefault(date);

    /// <summary>The year the date falls in.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years covered.</exception>
    public CalendarYear YearOf(DateOnly date)
    {
        EnsureCovers(date);
        return _byYear[date.Year];
    }

    /// <summary>Throws when the date is outside the years covered.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years covered.</exception>
    public void EnsureCovers(DateOnly date)
    {
        if (!Covers(date))
            throw new DateOutsideCalendarException(date, FirstDay, LastDay);
    }

    private string? Collision(DateOnly day, Dictionary<DateOnly, DayKind> seen)
    {
        if (!Covers(day))
            return $"{day:yyyy-MM-dd} is outside the years the calendar covers.";

        return seen.ContainsKey(day) ? $"{day:yyyy-MM-dd} is listed twice." : null;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
