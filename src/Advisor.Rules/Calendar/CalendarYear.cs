namespace Advisor.Rules.Calendar;

/// <summary>One year of the official calendar, with the notice its dates come from.</summary>
public sealed record CalendarYear
{
    /// <summary>The calendar year.</summary>
    public required int Year { get; init; }

    /// <summary>Whether the dates were checked against that year's State Council notice.</summary>
    public required CalendarStatus Status { get; init; }

    /// <summary>The State Council General Office notice; null when it could not be confirmed.</summary>
    public HolidayNotice? Notice { get; init; }

    /// <summary>How the dates were obtained and what could not be checked, in plain words.</summary>
    public required string Basis { get; init; }

    /// <summary>The pages actually read to check the dates.</summary>
    public IReadOnlyList<string> CheckedAgainst { get; init; } = [];

    /// <summary>The days off, in the file's order, each with the weekend days worked for it.</summary>
    public IReadOnlyList<HolidayBlock> Holidays { get; init; } = [];
}

/// <summary>How far a year's dates can be trusted.</summary>
public enum CalendarStatus
{
    /// <summary>Every date was checked against the year's State Council notice.</summary>
    Confirmed,

    /// <summary>
    /// The notice was not found: only the holidays fixed by the national holiday regulation are listed,
    /// and the notice's extra days off and adjusted working days are missing.
    /// </summary>
    Unconfirmed,
}

/// <summary>A State Council General Office notice on the year's holidays (部分节假日安排的通知).</summary>
/// <param name="Title">The notice's title.</param>
/// <param name="DocumentNumber">Its document number (国办发明电〔2024〕12号).</param>
/// <param name="Date">The day it was issued.</param>
/// <param name="Url">Its page on www.gov.cn.</param>
public sealed record HolidayNotice(string Title, string DocumentNumber, DateOnly Date, string Url)
{
    /// <summary>Other www.gov.cn pages carrying the same notice.</summary>
    public IReadOnlyList<string> AlsoAt { get; init; } = [];
}

/// <summary>One holiday of a year: its run of days off, and the weekend days worked for it.</summary>
/// <param name="Name">The holiday's name as the notice writes it (春节, 国庆节、中秋节).</param>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off, inclusive.</param>
public sealed record HolidayBlock(string Name, DateOnly From, DateOnly To)
{
    /// <summary>Saturdays and Sundays that are working days because of this holiday (调休上班).</summary>
    public IReadOnlyList<DateOnly> WorkingDays { get; init; } = [];

    /// <summary>The notice's (or regulation's) own words for this holiday.</summary>
    public string? Text { get; init; }

    /// <summary>How many days off the holiday has.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Every day off, in order.</summary>
    public IEnumerable<DateOnly> DaysOff()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
            yield return day;
    }
}
