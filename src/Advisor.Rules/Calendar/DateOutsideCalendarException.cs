namespace Advisor.Rules.Calendar;

/// <summary>
/// Thrown when a date falls outside the years the official calendar covers: the service does not guess
/// holidays it has no data for.
/// </summary>
public sealed class DateOutsideCalendarException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for a date and the range the calendar covers.</summary>
    public DateOutsideCalendarException(DateOnly date, DateOnly firstDay, DateOnly lastDay)
        : base(nameof(date), date,
            $"{date:yyyy-MM-dd} is outside the official calendar, which covers {firstDay:yyyy-MM-dd} "
            + $"to {lastDay:yyyy-MM-dd}.")
    {
        Date = date;
        FirstDay = firstDay;
        LastDay = lastDay;
    }

    /// <summary>The date asked about.</summary>
    public DateOnly Date { get; }

    /// <summary>The first day the calendar covers.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>The last day the calendar covers.</summary>
    public DateOnly LastDay { get; }
}
