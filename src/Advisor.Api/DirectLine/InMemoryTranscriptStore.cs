using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Advisor.Api.DirectLine;

/// <summary>
/// The default transcript store: in this process's memory, lost on restart. A conversation expires when
/// it has been idle for <see cref="DirectLineOptions.ConversationLifetime"/>; at most
/// <see cref="DirectLineOptions.MaxConversations"/> are kept (the least recently used goes first) and at
/// most <see cref="DirectLineOptions.MaxActivitiesPerConversation"/> activities each (the oldest go first).
/// </summary>
public sealed partial class InMemoryTranscriptStore : ITranscriptStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Transcript> _transcripts = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;
    private readonly ILogger<InMemoryTranscriptStore> _logger;
    private DateTimeOffset _lastSweep;

    public InMemoryTranscriptStore(
        IOptions<DirectLineOptions> options, TimeProvider time, ILogger<InMemoryTranscriptStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        _options = options.Value;
        _time = time;
        _logger = logger;
        _lastSweep = time.GetUtcNow();
    }

    /// <summary>How many conversations are held now, expired ones included until the next sweep.</summary>
    public int Count => _transcripts.Count;

    public Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);

        var now = _time.GetUtcNow();
        lock (_admission)
        {
            if (Find(conversationId, now) is not null)
                return Task.FromResult(false);

            if (now - _lastSweep >= SweepInterval || _transcripts.Count >= _options.MaxConversations)
                Sweep(now);

            while (_transcripts.Count >= _options.MaxConversations)
                EvictLeastRecentlyUsed();

            _transcripts[conversationId] = new Transcript(now);
        }

        return Task.FromResult(true);
    }

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId, _time.GetUtcNow()) is not null);

    public Task<IReadOnlyList<Activity>?> AppendAsync(
        string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);

        var now = _time.GetUtcNow();
        var transcript = Find(conversationId, now);
        if (transcript is null)
            return Task.FromResult<IReadOnlyList<Activity>?>(null);

        var stored = new List<Activity>(activities.Count);
        lock (transcript.Gate)
        {
            foreach (var activity in activities)
            {
                // Web Chat orders by timestamp at millisecond precision: each activity gets at least 1 ms
                // more than the previous one, whatever the clock says.
                var timestamp = now.UtcDateTime;
                if (timestamp <= transcript.LastTimestamp)
                    timestamp = transcript.LastTimestamp.AddMilliseconds(1);

                transcript.LastTimestamp = timestamp;
                transcript.LastSequence++;
                var entry = activity with
                {
                    Id = conversationId + "|" + transcript.LastSequence.ToString("D7", CultureInfo.InvariantCulture),
                    Timestamp = timestamp.ToString("O", CultureInfo.InvariantCulture),
                    Conversation = new ConversationAccount(conversationId),
                };
                transcript.Items.Add(entry);
                stored.Add(entry);
            }

            var excess = transcript.Items.Count - _options.MaxActivitiesPerConversation;
            if (excess > 0)
                transcript.Items.RemoveRange(0, excess);

            transcript.LastTouched = now;
        }

        return Task.FromResult<IReadOnlyList<Activity>?>(stored);
    }

    public Task<TranscriptPage?> ReadAsync(
        string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var transcript = Find(conversationId, now);
        if (transcript is null)
            return Task.FromResult<TranscriptPage?>(null);

        lock (transcript.Gate)
        {
            transcript.LastTouched = now;

            // Activities are numbered 1, 2, 3…; the list holds the last Items.Count of them.
            var firstSequence = transcript.LastSequence - transcript.Items.Count + 1;
            var skip = (int)Math.Clamp(watermark - firstSequence + 1, 0, transcript.Items.Count);
            var page = transcript.Items.GetRange(skip, transcript.Items.Count - skip);
            return Task.FromResult<TranscriptPage?>(new TranscriptPage(page, transcript.LastSequence));
        }
    }

    public Task<string?> GetBotConversationIdAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId, _time.GetUtcNow())?.BotConversationId);

    public Task SetBotConversationIdAsync(
        string conversationId, string botConversationId, CancellationToken cancellationToken)
    {
        var transcript = Find(conversationId, _time.GetUtcNow());
        if (transcript is not null)
            transcript.BotConversationId = botConversationId;

        return Task.CompletedTask;
    }

    private Transcript? Find(string conversationId, DateTimeOffset now)
    {
        if (!_transcripts.TryGetValue(conversationId, out var transcript))
            return null;

        if (!IsExpired(transcript, now))
            return transcript;

        _transcripts.TryRemove(new KeyValuePair<string, Transcript>(conversationId, transcript));
        return null;
    }

    private bool IsExpired(Transcript transcript, DateTimeOffset now) =>
        now - transcript.LastTouched >= _options.ConversationLifetime;

    private void Sweep(DateTimeOffset now)
    {
        _lastSweep = now;
        var removed = 0;
        foreach (var (id, transcript) in _transcripts)
        {
            if (IsExpired(transcript, now)
                && _transcripts.TryRemove(new KeyValuePair<string, Transcript>(id, transcript)))
                removed++;
        }

        if (removed > 0)
            LogExpired(removed, _transcripts.Count);
    }

    private void EvictLeastRecentlyUsed()
    {
        var oldest = _transcripts.MinBy(pair => pair.Value.LastTouched);
        if (oldest.Key is not null && _transcripts.TryRemove(oldest))
            LogEvicted(oldest.Key, _options.MaxConversations);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Dropped {Count} expired Direct Line conversations; {Remaining} remain")]
    private partial void LogExpired(int count, int remaining);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
        Message = "Direct Line conversation {ConversationId} dropped: the store is full ({MaxConversations})")]
    private partial void LogEvicted(string conversationId, int maxConversations);

    private sealed class Transcript(DateTimeOffset created)
    {
        // Read without the gate by expiry checks, so kept as one atomically written long.
        private long _lastTouchedTicks = created.UtcTicks;

        public Lock Gate { get; } = new();

        public List<Activity> Items { get; } = [];

        public long LastSequence { get; set; }

        public DateTime LastTimestamp { get; set; } = DateTime.MinValue;

        public DateTimeOffset LastTouched
        {
            get => new(Volatile.Read(ref _lastTouchedTicks), TimeSpan.Zero);
            set => Volatile.Write(ref _lastTouchedTicks, value.UtcTicks);
        }

        public string? BotConversationId { get; set; }
    }
}
