using System.Globalization;
using Advisor.Rules.Calendar;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary><c>GET /api/procedures/{id}/publicity?start=YYYY-MM-DD</c>: when publicity can end.</summary>
internal static class PublicityEndpoints
{
    private const string DateFormat = "yyyy-MM-dd";

    public static IEndpointRouteBuilder MapPublicity(this IEndpointRouteBuilder routes)
    {
        // Load the calendar now, so that a broken calendar file stops start-up rather than a request.
        routes.ServiceProvider.GetRequiredService<WorkingCalendar>();

        routes.MapGroup("/api").WithTags("Publicity")
            .MapGet("/procedures/{id}/publicity", Get)
            .WithName("GetPublicityEnds")
            .WithSummary("From the day a notice is posted, the earliest end of each publicity step, "
                + "counted as the Civil Code counts periods on China's official calendar.");
        return routes;
    }

    private static Results<Ok<PublicityResult>, ProblemHttpResult, ValidationProblem> Get(
        string id,
        string? start,
        ProcedureCatalog catalog,
        WorkingCalendar calendar,
        PublicityCalculator calculator)
    {
        var procedure = catalog.Find(id);
        if (procedure is null)
            return ProcedureEndpoints.NotFound(id);

        if (string.IsNullOrWhiteSpace(start))
            return BadStart("缺少查询参数 start：公示张贴的日期，格式 YYYY-MM-DD（如 2025-09-30）。", calendar);

        if (!TryParse(start, out var posted))
        {
            var shown = start.Length > 40 ? start[..40] + "…" : start;
            return BadStart($"查询参数 start「{shown}」不是格式为 YYYY-MM-DD 的日期（如 2025-09-30）。", calendar);
        }

        try
        {
            return TypedResults.Ok(calculator.Calculate(procedure, posted));
        }
        catch (DateOutsideCalendarException e)
        {
            var why = e.Date == posted
                ? $"{posted:yyyy-MM-dd} 不在日历收录的年份内。"
                : $"从 {posted:yyyy-MM-dd} 起算，公示期会延续到 {e.Date:yyyy-MM-dd}，超出日历收录的年份。";
            return BadStart(why, calendar);
        }
    }

    private static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None,
            out date);

    private static ValidationProblem BadStart(string why, WorkingCalendar calendar)
    {
        var range = $"日历收录 {calendar.FirstDay:yyyy-MM-dd} 至 {calendar.LastDay:yyyy-MM-dd}，"
            + "start 须为此范围内的日期 YYYY-MM-DD，且公示期也须在此范围内结束。";
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["start"] = [why + range] },
            detail: why + range,
            title: "Invalid start date");
    }
}
