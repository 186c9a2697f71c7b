using Advisor.Rules.Calendar;
using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// When each publicity (公示) of a procedure can end at the earliest, counted as the Civil Code counts
/// periods. Article 201: the day of posting is not counted; the period starts the next day. Article 203:
/// when the last day is a statutory rest day (法定休假日: a weekend or holiday), the period ends on the day
/// after the rest days, i.e. the next working day. Working days follow the official calendar, where an
/// adjusted working weekend (调休上班日) is a working day. Stateless apart from the immutable calendar, so
/// one instance serves all requests.
/// </summary>
/// <param name="calendar">The official calendar.</param>
/// <remarks>
/// Lives in the Calendar folder beside the calendar it counts on; its namespace is the evaluation one, with
/// the other answers the rules give.
/// </remarks>
public sealed class PublicityCalculator(WorkingCalendar calendar)
{
    /// <summary>
    /// The earliest end of every publicity step of the procedure, for a notice posted on
    /// <paramref name="start"/>.
    /// </summary>
    /// <exception cref="DateOutsideCalendarException">
    /// The posting day, or a day the count reaches, is outside the years the calendar covers.
    /// </exception>
    public PublicityResult Calculate(Procedure procedure, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        calendar.EnsureCovers(start);

        var steps = procedure.Steps
            .Where(s => s.Kind == StepKind.Publicity && s.MinDays is not null && s.DayUnit is not null)
            .Select(s => new PublicityEnd(s.Id, s.Name, s.MinDays!.Value, s.DayUnit!.Value,
                EarliestEnd(start, s.MinDays.Value, s.DayUnit.Value)))
            .ToList();

        var last = steps.Count == 0 ? start : steps.Max(s => s.EarliestEnd);
        return new PublicityResult(procedure.Id, start, steps)
        {
            CalendarNote = NoteFor(start, last),
            LegalNote = procedure.LegalNote,
        };
    }

    /// <summary>
    /// The earliest last day of a publicity of <paramref name="minDays"/> days (calendar or working) posted
    /// on <paramref name="start"/>.
    /// </summary>
    /// <exception cref="DateOutsideCalendarException">
    /// The posting day, or a day the count reaches, is outside the years the calendar covers.
    /// </exception>
    public DateOnly EarliestEnd(DateOnly start, int minDays, DayUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minDays, 1);
        calendar.EnsureCovers(start);

        return unit == DayUnit.Working ? AddWorkingDays(start, minDays) : AddCalendarDays(start, minDays);
    }

    // Art. 201 and 203: the nominal last day is start + n; a rest day moves it to the next working day.
    private DateOnly AddCalendarDays(DateOnly start, int days)
    {
        var end = start.AddDays(days);
        while (!calendar.IsWorkingDay(end))
            end = end.AddDays(1);

        return end;
    }

    // Art. 201: the count starts the day after posting; the n-th working day is the last day, which is a
    // working day already, so art. 203 never moves it.
    private DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
                counted++;
        }

        return day;
    }

    private string? NoteFor(DateOnly start, DateOnly last)
    {
        var unconfirmed = calendar.Years
            .Where(y => y.Status == CalendarStatus.Unconfirmed && y.Year >= start.Year && y.Year <= last.Year)
            .Select(y => y.Year)
            .ToList();
        if (unconfirmed.Count == 0)
            return null;

        return $"{string.Join("、", unconfirmed)}年的国务院放假安排通知尚未核实：这一年只按周末和《全国年节及纪念日放假办法》"
            + "规定的节日计算，通知另行安排的补假、调休放假和调休上班日未计入，结束日期请以当年通知为准。";
    }
}

/// <summary>The earliest end of each publicity step of a procedure.</summary>
/// <param name="ProcedureId">The procedure.</param>
/// <param name="Start">The day the notice was posted (not counted).</param>
/// <param name="Steps">One entry per publicity step, in file order; empty when there is none.</param>
public sealed record PublicityResult(string ProcedureId, DateOnly Start, IReadOnlyList<PublicityEnd> Steps)
{
    /// <summary>
    /// Set when the count runs through a year whose holiday notice is not confirmed, saying what the date
    /// rests on; null otherwise.
    /// </summary>
    public string? CalendarNote { get; init; }

    /// <summary>Where the procedure's chart lags the law.</summary>
    public LegalNote? LegalNote { get; init; }
}

/// <summary>When one publicity step can end at the earliest.</summary>
/// <param name="StepId">The step's id.</param>
/// <param name="Name">The step's chart text.</param>
/// <param name="MinDays">The minimum length.</param>
/// <param name="DayUnit">Calendar days or working days.</param>
/// <param name="EarliestEnd">The last day of the publicity: it may be taken down the day after.</param>
public sealed record PublicityEnd(
    string StepId, string Name, int MinDays, DayUnit DayUnit, DateOnly EarliestEnd);
