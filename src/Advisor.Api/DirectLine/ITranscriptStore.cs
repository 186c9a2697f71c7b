namespace Advisor.Api.DirectLine;

/// <summary>
/// Keeps each Direct Line conversation's transcript. The store assigns every activity its id and a
/// strictly increasing UTC timestamp, and numbers activities so that a watermark is simply the number of
/// the last activity a client has seen. The default keeps everything in memory
/// (<see cref="InMemoryTranscriptStore"/>); one behind a shared cache would let several instances serve
/// the same conversation.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Starts a conversation; false when it already exists.</summary>
    Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Whether the conversation exists and has not expired.</summary>
    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends activities in order and returns them as stored (with id and timestamp), or null when the
    /// conversation does not exist.
    /// </summary>
    Task<IReadOnlyList<Activity>?> AppendAsync(
        string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// The activities after the given watermark (0: from the start), or null when the conversation does
    /// not exist.
    /// </summary>
    Task<TranscriptPage?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>The bot's own id for this conversation, once the bot has given one.</summary>
    Task<string?> GetBotConversationIdAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Remembers the bot's own id for this conversation.</summary>
    Task SetBotConversationIdAsync(
        string conversationId, string botConversationId, CancellationToken cancellationToken);
}

/// <summary>A page of a transcript.</summary>
/// <param name="Activities">The activities after the requested watermark, oldest first.</param>
/// <param name="Watermark">The number of the last activity in the transcript.</param>
public sealed record TranscriptPage(IReadOnlyList<Activity> Activities, long Watermark);
