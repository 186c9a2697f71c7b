using System.Collections.Concurrent;

namespace Advisor.Api.DirectLine;

/// <summary>
/// Wakes the WebSocket streams of a conversation when activities are appended to it. In-process only:
/// with several instances behind a shared store, the store would have to publish these.
/// </summary>
internal sealed class TranscriptSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Pulse"/> of the conversation.</summary>
    public Task NextAsync(string conversationId) =>
        _waiting.GetOrAdd(
            conversationId,
            static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes every stream waiting on the conversation.</summary>
    public void Pulse(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var waiting))
            waiting.TrySetResult();
    }

    /// <summary>Forgets a conversation whose last stream closed.</summary>
    public void Forget(string conversationId) => Pulse(conversationId);
}
