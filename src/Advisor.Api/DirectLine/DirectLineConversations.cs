using System.Text.Json.Nodes;
using Advisor.Bot.Text;
using Advisor.Bot;

namespace Advisor.Api.DirectLine;

/// <summary>
/// Runs Direct Line conversations: starts them with the bot's welcome, echoes the user's activities into
/// the transcript, asks the bot and appends its replies. Depends on the bot only through
/// <see cref="IChatBot"/>.
/// </summary>
internal sealed partial class DirectLineConversations(
    ITranscriptStore store,
    IChatBot bot,
    TranscriptSignals signals,
    TimeProvider time,
    ILogger<DirectLineConversations> logger)
{
    /// <summary>The bot as the transcript names it.</summary>
    public static readonly ChannelAccount BotAccount = new("dutyadvisor", "便民办事助手", "bot");

    private const string Locale = "zh-CN";
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(30);

    // One gate per stripe, so that a conversation's replies follow its messages in order without keeping
    // a lock object per conversation.
    private static readonly SemaphoreSlim[] Gates =
        [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Starts a conversation and queues the welcome; false when it had already started.</summary>
    public async Task<bool> StartAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!await store.CreateAsync(conversationId, cancellationToken))
            return false;

        var welcome = bot.Welcome();
        await AppendAsync(conversationId, [FromBot(welcome, replyToId: null)], cancellationToken);
        LogStarted(conversationId);
        return true;
    }

    /// <summary>
    /// Puts the user's activity into the transcript and, for a message, the bot's replies after it.
    /// Returns the id the activity got, or null when the conversation does not exist.
    /// </summary>
    public async Task<string?> PostAsync(
        string conversationId, Activity incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);

        // Typing indicators are not kept: nobody reads them back.
        if (incoming.Type == ActivityTypes.Typing)
        {
            var exists = await store.ExistsAsync(conversationId, cancellationToken);
            return exists ? conversationId + "|typing" : null;
        }

        var gate = Gates[(uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)Gates.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var echo = await AppendAsync(conversationId, [Echo(incoming)], cancellationToken);
            if (echo is null)
                return null;

            var id = echo[0].Id!;
            LogReceived(conversationId, incoming.Type!, incoming.Text?.Length ?? 0);
            if (incoming.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(incoming.Text))
                await AnswerAsync(conversationId, incoming.Text, id);

            return id;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task AnswerAsync(string conversationId, string text, string replyToId)
    {
        // The reply is produced even when the client hangs up: it lands in the transcript for the next
        // poll or stream, as Direct Line would deliver it.
        using var timeout = new CancellationTokenSource(BotTimeout, time);
        IReadOnlyList<Activity> replies;
        try
        {
            var botConversationId = await store.GetBotConversationIdAsync(conversationId, timeout.Token);
            var turn = await bot.ReplyAsync(botConversationId, text, timeout.Token);
            if (turn.ConversationId != botConversationId)
                await store.SetBotConversationIdAsync(conversationId, turn.ConversationId, timeout.Token);

            replies = [.. turn.Replies.Select(r => FromBot(r, replyToId))];
            foreach (var reply in turn.Replies)
                LogReplied(conversationId, reply.Intent, reply.ProcedureId, reply.SuggestedActions.Count);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogBotFailed(conversationId, e);
            replies = [FromBot(Apology, replyToId)];
        }

        await AppendAsync(conversationId, replies, CancellationToken.None);
    }

    private static readonly BotReply Apology = new(
        "抱歉，系统出了点问题，没能回答这个问题。请稍后再试，或者直接到村（社区）便民服务站咨询。",
        [],
        "",
        "error");

    private async Task<IReadOnlyList<Activity>?> AppendAsync(
        string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var stored = await store.AppendAsync(conversationId, activities, cancellationToken);
        if (stored is not null)
            signals.Pulse(conversationId);

        return stored;
    }

    /// <summary>The user's activity as the transcript keeps it: the client's own fields, the server's id.</summary>
    // The transcript is stored, so identity-card and phone numbers are masked in the echo as everywhere
    // else; the bot still gets the text as typed.
    private static Activity Echo(Activity incoming) => incoming with
    {
        Id = null,
        Text = incoming.Text is null ? null : PiiMasker.Mask(incoming.Text),
        ChannelId = "directline",
        From = new ChannelAccount(
            string.IsNullOrWhiteSpace(incoming.From?.Id) ? "user" : incoming.From.Id,
            incoming.From?.Name,
            "user"),
        ReplyToId = null,
        SuggestedActions = null,
        Locale = incoming.Locale ?? Locale,
    };

    private static Activity FromBot(BotReply reply, string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "directline",
        From = BotAccount,
        Text = reply.Text,
        TextFormat = "plain",
        Locale = Locale,
        ReplyToId = replyToId,
        InputHint = "acceptingInput",
        SuggestedActions = reply.SuggestedActions.Count == 0
            ? null
            : new SuggestedActions([.. reply.SuggestedActions.Select(a => new CardAction("imBack", a, a))]),
        ChannelData = new JsonObject
        {
            ["procedureId"] = reply.ProcedureId,
            ["intent"] = reply.Intent,
        },
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "Direct Line conversation {ConversationId} started")]
    private partial void LogStarted(string conversationId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "Direct Line conversation {ConversationId}: {ActivityType} activity of {TextLength} characters")]
    private partial void LogReceived(string conversationId, string activityType, int textLength);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug,
        Message = "Direct Line conversation {ConversationId}: bot replied ({Intent}, procedure {ProcedureId}, {QuickReplies} quick replies)")]
    private partial void LogReplied(string conversationId, string intent, string procedureId, int quickReplies);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error,
        Message = "Direct Line conversation {ConversationId}: the bot failed; an apology was sent instead")]
    private partial void LogBotFailed(string conversationId, Exception exception);
}

/// <summary>The activity types the service accepts from clients.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Event = "event";

    public static bool IsAccepted(string? type) => type is Message or Typing or Event;
}
