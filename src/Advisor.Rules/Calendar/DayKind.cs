namespace Advisor.Rules.Calendar;

/// <summary>What a day is on the official calendar.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday to Friday.</summary>
    Workday,

    /// <summary>An ordinary Saturday or Sunday, a rest day.</summary>
    Weekend,

    /// <summary>A day off of a public holiday, whatever the weekday (放假日).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday made a working day (调休上班日).</summary>
    AdjustedWorkingDay,
}
