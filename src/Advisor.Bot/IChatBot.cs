namespace Advisor.Bot;

/// <summary>The bot as every channel (the chat API, Direct Line) sees it.</summary>
public interface IChatBot
{
    /// <summary>The greeting a new conversation starts with.</summary>
    BotReply Welcome();

    /// <summary>
    /// Answers one message. A null or unknown conversation id starts a new conversation; the
    /// returned id is the one to send next time.
    /// </summary>
    Task<ChatTurn> ReplyAsync(string? conversationId, string text, CancellationToken cancellationToken);
}

/// <summary>The bot's answer to one message.</summary>
/// <param name="ConversationId">The conversation to continue with.</param>
/// <param name="Replies">One or more messages.</param>
public sealed record ChatTurn(string ConversationId, IReadOnlyList<BotReply> Replies);

/// <summary>One message from the bot.</summary>
/// <param name="Text">The text, plain with line breaks.</param>
/// <param name="SuggestedActions">Quick replies: each is sent back as the user's text when tapped.</param>
/// <param name="ProcedureId">The procedure the reply is about, or empty.</param>
/// <param name="Intent">What the bot understood (materials, steps, nextStep, eligibility, ...).</param>
public sealed record BotReply(
    string Text,
    IReadOnlyList<string> SuggestedActions,
    string ProcedureId,
    string Intent);
