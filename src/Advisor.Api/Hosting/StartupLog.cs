namespace Advisor.Api.Hosting;

/// <summary>The host's log messages.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Loaded {ProcedureCount} procedures; compiled eligibility rules of {RuleProcedureCount} in {ElapsedMs} ms")]
    public static partial void RulesLoaded(this ILogger logger, int procedureCount, int ruleProcedureCount, long elapsedMs);
}
