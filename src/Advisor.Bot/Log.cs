using System.Globalization;
using Advisor.Bot.Understanding;
using Microsoft.Extensions.Logging;

namespace Advisor.Bot;

/// <summary>
/// The bot's log messages. None carries what a resident typed except <see cref="Message"/>, at debug
/// level and only after identity-card and phone numbers are masked.
/// </summary>
internal static partial class Log
{
    // Debug: one line per request at Information costs throughput and tells operators little.
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug,
        Message = "Bot turn answered: intent {Intent}, procedure {ProcedureId}, route {Route}, {ElapsedMicroseconds} µs")]
    public static partial void Turn(ILogger logger, string intent, string procedureId, string route, long elapsedMicroseconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Bot message (masked): {MaskedText}")]
    public static partial void Message(ILogger logger, string maskedText);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "The model failed or timed out; the deterministic reply is used")]
    public static partial void ModelFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "The model's reply states {Detail} that no function result contains; the deterministic reply is used")]
    public static partial void ModelUngrounded(ILogger logger, string detail);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information,
        Message = "Bot ready: {Procedures} procedures, {Words} domain words, model {Model}, loaded in {ElapsedMilliseconds} ms")]
    public static partial void Ready(ILogger logger, int procedures, int words, string model, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error,
        Message = "A bot turn failed; the resident was asked to try again or ask the village committee")]
    public static partial void TurnFailed(ILogger logger, Exception exception);

    // Debug: why a message went to a procedure (or to a question about which), for tuning the index.
    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug,
        Message = "Bot reading: intent {Intent}, candidates {Candidates}, unknown share {UnknownShare:F2}")]
    public static partial void Reading(ILogger logger, string intent, CandidateList candidates, double unknownShare);
}

/// <summary>The best candidates of a reading, written out only when the debug line is logged.</summary>
internal readonly record struct CandidateList(IReadOnlyList<ProcedureScore> Candidates)
{
    public override string ToString() =>
        string.Join(", ", Candidates.Take(3).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Procedure.Id} {c.Score:F2} ({c.MatchedName})")));
}
