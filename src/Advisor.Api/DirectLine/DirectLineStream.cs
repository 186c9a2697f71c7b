using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Advisor.Api.DirectLine;

/// <summary>
/// The WebSocket behind a conversation's <c>streamUrl</c>: sends each new part of the transcript as an
/// <see cref="ActivitySet"/>, and an empty message as a heartbeat when nothing happened for a while. What
/// the client sends (botframework-directlinejs pings with empty messages) is read and dropped.
/// </summary>
internal static partial class DirectLineStream
{
    public static async Task RunAsync(
        HttpContext context, string conversationId, string? watermark, string? t,
        DirectLineTokens tokens, ITranscriptStore store, TranscriptSignals signals,
        IOptions<DirectLineOptions> options, IOptions<JsonOptions> json, TimeProvider time, ILoggerFactory logs)
    {
        // A browser cannot set headers on a WebSocket, so the stream URL carries its own token.
        var credential = t is null
            ? tokens.CheckHeader(context.Request.Headers.Authorization)
            : tokens.CheckStreamToken(t);
        long from = 0;
        var refusal = await DirectLineEndpoints.CheckAccessAsync(
            context, conversationId, tokens, store, logs, credential);
        if (refusal is null && !DirectLineSetup.IsAllowedOrigin(context.Request, options.Value))
            refusal = TypedResults.Problem(
                title: "Origin not allowed",
                detail: "这个网站不在 DirectLine:AllowedOrigins 之内。",
                statusCode: StatusCodes.Status403Forbidden);
        if (refusal is null && !DirectLineEndpoints.TryParseWatermark(watermark, out from))
            refusal = DirectLineEndpoints.BadWatermark();
        if (refusal is null && !context.WebSockets.IsWebSocketRequest)
            refusal = TypedResults.Problem(
                title: "WebSocket expected",
                detail: "streamUrl 只接受 WebSocket 连接；轮询请用 GET …/activities?watermark=。",
                statusCode: StatusCodes.Status400BadRequest);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var logger = logs.CreateLogger(typeof(DirectLineStream).FullName!);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        LogOpened(logger, conversationId);
        try
        {
            await StreamAsync(socket, conversationId, from, store, signals, options.Value.HeartbeatInterval,
                json.Value.SerializerOptions, time, context.RequestAborted);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away; nothing to clean up beyond the signal.
        }
        finally
        {
            signals.Forget(conversationId);
            LogClosed(logger, conversationId);
        }
    }

    private static async Task StreamAsync(
        WebSocket socket, string conversationId, long watermark, ITranscriptStore store, TranscriptSignals signals,
        TimeSpan heartbeat, JsonSerializerOptions jsonOptions, TimeProvider time, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = DrainUntilClosedAsync(socket, stop.Token);

        while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            // Take the signal before reading, so that an append between the two is not missed.
            var appended = signals.NextAsync(conversationId);
            var page = await store.ReadAsync(conversationId, watermark, stop.Token);
            if (page is null)
            {
                await socket.CloseOutputAsync(
                    WebSocketCloseStatus.EndpointUnavailable, "conversation expired", CancellationToken.None);
                break;
            }

            if (page.Activities.Count > 0)
            {
                var set = new ActivitySet(page.Activities, DirectLineEndpoints.FormatWatermark(page.Watermark));
                var bytes = JsonSerializer.SerializeToUtf8Bytes(set, jsonOptions);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                watermark = page.Watermark;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var idle = Task.Delay(heartbeat, time, wait.Token);
            var woke = await Task.WhenAny(appended, receiving, idle);
            await wait.CancelAsync();

            if (woke == receiving)
                break;

            if (woke == idle && socket.State == WebSocketState.Open)
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, stop.Token);
        }

        await stop.CancelAsync();
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed or aborted: the stream loop sees the state.
        }
    }

    [LoggerMessage(EventId = 2020, Level = LogLevel.Debug, Message = "Direct Line stream opened for {ConversationId}")]
    private static partial void LogOpened(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Direct Line stream closed for {ConversationId}")]
    private static partial void LogClosed(ILogger logger, string conversationId);
}
