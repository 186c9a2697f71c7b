namespace Advisor.Api.Hosting;

/// <summary>The host's log messages.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Loaded {ProcedureCount} procedures; compiled eligibility rules of {RuleProcedureCount} in {ElapsedMs} ms")]
    public static partial void RulesLoaded(this ILogger logger, int procedureCount, int ruleProcedureCount, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical,
        Message = "The rule files have {ProblemCount} problem(s); the service does not start:\n{Problems}")]
    public static partial void RulesInvalid(this ILogger logger, int problemCount, string problems);
}
