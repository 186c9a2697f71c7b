using System.Globalization;
using System.Text.Json;
using Advisor.Api.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Advisor.Api.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset that Microsoft's Web Chat (through botframework-directlinejs) uses, under
/// <c>/v3/directline</c>, and the resident page's same-origin token endpoint.
/// </summary>
internal static partial class DirectLineEndpoints
{
    /// <summary>The route prefix; Web Chat's <c>domain</c> must include it.</summary>
    public const string Prefix = "/v3/directline";

    private const long MaxActivityBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix).WithTags("DirectLine").RequireCors(DirectLineSetup.CorsPolicy);

        api.MapPost("/tokens/generate", GenerateToken)
            .WithName("DirectLineGenerateToken")
            .WithSummary("Exchanges the secret (Authorization: Bearer SECRET) for a token bound to a new conversation.");
        api.MapPost("/tokens/refresh", RefreshToken)
            .WithName("DirectLineRefreshToken")
            .WithSummary("Exchanges a valid token for a fresh one for the same conversation.");
        api.MapPost("/conversations", StartConversation)
            .WithName("DirectLineStartConversation")
            .WithSummary("Starts the token's conversation (or a new one, with the secret) and queues the welcome.");
        api.MapGet("/conversations/{conversationId}", Reconnect)
            .WithName("DirectLineReconnect")
            .WithSummary("Reconnects to a conversation: a fresh token and stream URL from the given watermark.");
        api.MapGet("/conversations/{conversationId}/activities", GetActivities)
            .WithName("DirectLineGetActivities")
            .WithSummary("The activities after the watermark (empty: from the start) and the new watermark.");
        api.MapPost("/conversations/{conversationId}/activities", PostActivity)
            .WithName("DirectLinePostActivity")
            .WithSummary("Sends an activity; it is echoed into the transcript, and the bot's replies follow it.");
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStream.RunAsync)
            .ExcludeFromDescription();

        routes.MapPost("/api/directline/token", ResidentToken)
            .RequireRateLimiting(DirectLineSetup.TokenRateLimit)
            .WithTags("DirectLine")
            .WithName("ResidentChatToken")
            .WithSummary("A short-lived token for a new conversation, for the service's own chat page (same origin, rate-limited).");
        return routes;
    }

    private static IResult GenerateToken(HttpContext context, DirectLineTokens tokens, ILoggerFactory logs)
    {
        var credential = tokens.CheckHeader(context.Request.Headers.Authorization);
        if (credential.Kind == CredentialKind.Missing)
            return Refuse(credential, logs);

        if (credential.Kind != CredentialKind.Secret)
        {
            LogRefused(logs.CreateLogger(typeof(DirectLineEndpoints).FullName!),
                credential.Problem ?? "tokens/generate needs the secret");
            return TypedResults.Problem(
                title: "Invalid secret",
                detail: "tokens/generate 需要 Direct Line 密钥（DirectLine:Secret），所给的密钥不对。",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var conversationId = DirectLineTokens.NewConversationId();
        return TypedResults.Ok(new TokenInfo(
            conversationId, tokens.IssueConversationToken(conversationId), tokens.LifetimeSeconds));
    }

    private static IResult RefreshToken(HttpContext context, DirectLineTokens tokens, ILoggerFactory logs)
    {
        var credential = tokens.CheckHeader(context.Request.Headers.Authorization);
        if (credential.Kind != CredentialKind.Token)
            return Refuse(credential.Kind == CredentialKind.Missing ? credential : credential with
            {
                Kind = CredentialKind.Invalid,
                Problem = credential.Problem ?? "tokens/refresh needs a token",
            }, logs);

        var conversationId = credential.ConversationId!;
        return TypedResults.Ok(new TokenInfo(
            conversationId, tokens.IssueConversationToken(conversationId), tokens.LifetimeSeconds));
    }

    private static async Task<IResult> StartConversation(
        HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations,
        ILoggerFactory logs)
    {
        var credential = tokens.CheckHeader(context.Request.Headers.Authorization);
        if (credential.Kind is CredentialKind.Missing or CredentialKind.Invalid)
            return Refuse(credential, logs);

        var conversationId = credential.ConversationId ?? DirectLineTokens.NewConversationId();
        var created = await conversations.StartAsync(conversationId, context.RequestAborted);
        var info = Describe(context, tokens, conversationId, watermark: 0);
        return created
            ? TypedResults.Created($"{Prefix}/conversations/{conversationId}", info)
            : TypedResults.Ok(info);
    }

    private static async Task<IResult> Reconnect(
        HttpContext context, string conversationId, string? watermark,
        DirectLineTokens tokens, ITranscriptStore store, ILoggerFactory logs)
    {
        if (await CheckAccessAsync(context, conversationId, tokens, store, logs) is { } refusal)
            return refusal;

        if (!TryParseWatermark(watermark, out var from))
            return BadWatermark();

        return TypedResults.Ok(Describe(context, tokens, conversationId, from));
    }

    private static async Task<IResult> GetActivities(
        HttpContext context, string conversationId, string? watermark,
        DirectLineTokens tokens, ITranscriptStore store, ILoggerFactory logs)
    {
        if (await CheckAccessAsync(context, conversationId, tokens, store, logs) is { } refusal)
            return refusal;

        if (!TryParseWatermark(watermark, out var from))
            return BadWatermark();

        var page = await store.ReadAsync(conversationId, from, context.RequestAborted);
        if (page is null)
            return UnknownConversation(conversationId);

        return TypedResults.Ok(new ActivitySet(page.Activities, FormatWatermark(page.Watermark)));
    }

    private static async Task<IResult> PostActivity(
        HttpContext context, string conversationId, DirectLineTokens tokens, ITranscriptStore store,
        DirectLineConversations conversations, IOptions<DirectLineOptions> options,
        IOptions<JsonOptions> json, ILoggerFactory logs)
    {
        if (await CheckAccessAsync(context, conversationId, tokens, store, logs) is { } refusal)
            return refusal;

        var (activity, problem) = await ReadActivityAsync(context.Request, json.Value.SerializerOptions);
        problem ??= Validate(activity, options.Value);
        if (problem is not null)
            return problem;

        var id = await conversations.PostAsync(conversationId, activity!, context.RequestAborted);
        return id is null ? UnknownConversation(conversationId) : TypedResults.Ok(new ResourceResponse(id));
    }

    private static IResult ResidentToken(HttpContext context, DirectLineTokens tokens)
    {
        // Only the service's own pages may ask: a browser says where a request comes from.
        if (!DirectLineSetup.IsSameOrigin(context.Request))
            return TypedResults.Problem(
                title: "Cross-origin token request",
                detail: "这个地址只给本服务自己的聊天页面使用。其他网站请由后台用密钥调用 /v3/directline/tokens/generate。",
                statusCode: StatusCodes.Status403Forbidden);

        var conversationId = DirectLineTokens.NewConversationId();
        return TypedResults.Ok(new TokenInfo(
            conversationId, tokens.IssueConversationToken(conversationId), tokens.LifetimeSeconds));
    }

    /// <summary>
    /// Checks the bearer credential against the conversation: 401 without one, 403 when it is wrong or opens
    /// another conversation, 404 when the conversation does not exist (or has expired). Null when allowed.
    /// </summary>
    internal static async Task<IResult?> CheckAccessAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, ITranscriptStore store,
        ILoggerFactory logs, Credential? credential = null)
    {
        credential ??= tokens.CheckHeader(context.Request.Headers.Authorization);
        if (credential.Kind is CredentialKind.Missing or CredentialKind.Invalid)
            return Refuse(credential, logs);

        if (!credential.Opens(conversationId))
        {
            var wrongConversation = credential with
            {
                Kind = CredentialKind.Invalid,
                Problem = "token for another conversation",
            };
            return Refuse(wrongConversation, logs);
        }

        return await store.ExistsAsync(conversationId, context.RequestAborted)
            ? null
            : UnknownConversation(conversationId);
    }

    internal static IResult Refuse(Credential credential, ILoggerFactory logs)
    {
        if (credential.Kind == CredentialKind.Missing)
            return new UnauthorizedWithChallenge();

        var logger = logs.CreateLogger(typeof(DirectLineEndpoints).FullName!);
        LogRefused(logger, credential.Problem ?? "invalid credential");
        return TypedResults.Problem(
            title: "Invalid token",
            detail: "令牌无效、已过期，或不属于这个会话。请重新获取令牌。",
            statusCode: StatusCodes.Status403Forbidden);
    }

    internal static ProblemHttpResult UnknownConversation(string conversationId) =>
        TypedResults.Problem(
            title: "Conversation not found",
            detail: $"会话 '{conversationId}' 不存在或已过期。请重新开始会话。",
            statusCode: StatusCodes.Status404NotFound);

    internal static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark)
                && watermark >= 0);
    }

    internal static string FormatWatermark(long watermark) => watermark.ToString(CultureInfo.InvariantCulture);

    internal static ProblemHttpResult BadWatermark() =>
        TypedResults.Problem(
            title: "Invalid watermark",
            detail: "watermark 应为上一次 GET …/activities 返回的 watermark 原样，或留空表示从头开始。",
            statusCode: StatusCodes.Status400BadRequest);

    private static ConversationInfo Describe(
        HttpContext context, DirectLineTokens tokens, string conversationId, long watermark)
    {
        var request = context.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var streamToken = Uri.EscapeDataString(tokens.IssueStreamToken(conversationId));
        return new ConversationInfo
        {
            ConversationId = conversationId,
            Token = tokens.IssueConversationToken(conversationId),
            ExpiresIn = tokens.LifetimeSeconds,
            StreamUrl = $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{conversationId}/stream"
                + $"?watermark={FormatWatermark(watermark)}&t={streamToken}",
        };
    }

    private static async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(
        HttpRequest request, JsonSerializerOptions options)
    {
        if (request.ContentLength > MaxActivityBytes)
            return (null, TooLarge());

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxActivityBytes)
                return (null, TooLarge());

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
            return (null, Malformed("请求体为空：应为一个 JSON 活动对象，例如 {\"type\":\"message\",\"text\":\"…\"}。"));

        try
        {
            var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var activity = JsonSerializer.Deserialize<Activity>(json, options);
            return activity is null
                ? (null, Malformed("请求体应为一个 JSON 活动对象，不能是 null。"))
                : (activity, null);
        }
        catch (JsonException e)
        {
            return (null, Malformed($"请求体不是有效的活动 JSON：{JsonErrorText.Describe(e, typeof(Activity), options)}"));
        }
    }

    private static ProblemHttpResult? Validate(Activity? activity, DirectLineOptions options)
    {
        if (activity is null)
            return null;

        if (string.IsNullOrWhiteSpace(activity.Type))
            return Malformed("type 必填：message、event 或 typing。");

        if (!ActivityTypes.IsAccepted(activity.Type))
            return Malformed($"type '{activity.Type}' 不受支持：应为 message、event 或 typing。");

        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Text))
            return Malformed("message 活动的 text 必填，且不能为空白。");

        if (activity.Text is { } text && TextLimit.Check(text, options.MaxTextLength) is { } tooLong)
            return Malformed(tooLong);

        return null;
    }

    private static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(
            title: "Malformed activity", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(
            title: "Activity too large",
            detail: $"活动最大 {MaxActivityBytes / 1024} KB。",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Direct Line request refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> and a ProblemDetails body.</summary>
    private sealed class UnauthorizedWithChallenge : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                    title: "Missing token",
                    detail: "缺少 Authorization: Bearer 令牌。",
                    statusCode: StatusCodes.Status401Unauthorized)
                .ExecuteAsync(httpContext);
        }
    }
}
