using System.Security.Cryptography;
using Advisor.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Advisor.Bot.Dialogue;

/// <summary>
/// Open conversations, in memory: ids are 128 random bits, a conversation idle longer than the configured
/// time is forgotten, and at most the configured number are kept (the least recently used is dropped
/// first), so memory stays bounded however many residents write. Thread-safe.
/// </summary>
internal sealed class ConversationStore(IOptions<BotOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, LinkedListNode<ConversationState>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<ConversationState> _recent = new();
    private readonly Lock _lock = new();

    /// <summary>How many conversations are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _byId.Count;
        }
    }

    /// <summary>
    /// The conversation with the given id, or a new one (with a new id) when the id is null, unknown or
    /// expired.
    /// </summary>
    public ConversationState GetOrStart(string? id)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        lock (_lock)
        {
            if (id is not null && _byId.TryGetValue(id, out var node))
            {
                if (now - node.Value.LastSeen <= settings.IdleTimeout)
                {
                    node.Value.LastSeen = now;
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value;
                }

                Remove(node);
            }

            DropExpired(now, settings.IdleTimeout);
            while (_byId.Count >= settings.MaxConversations && _recent.Last is { } oldest)
                Remove(oldest);

            var state = new ConversationState(NewId(), now);
            _byId[state.Id] = _recent.AddFirst(state);
            return state;
        }
    }

    /// <summary>Whether a conversation is held (and not expired).</summary>
    public bool Contains(string id)
    {
        lock (_lock)
            return _byId.TryGetValue(id, out var node) && time.GetUtcNow() - node.Value.LastSeen <= options.Value.IdleTimeout;
    }

    // The least recently used are at the end, so expired ones are found there.
    private void DropExpired(DateTimeOffset now, TimeSpan idle)
    {
        while (_recent.Last is { } oldest && now - oldest.Value.LastSeen > idle)
            Remove(oldest);
    }

    private void Remove(LinkedListNode<ConversationState> node)
    {
        _byId.Remove(node.Value.Id);
        _recent.Remove(node);
    }

    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
