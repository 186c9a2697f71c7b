namespace Advisor.Bot.Dialogue;

/// <summary>
/// What one conversation remembers: the procedure, the facts given, where in the flow the applicant is,
/// the question the bot asked, and how many messages in a row it did not understand. Text is stored only
/// after identity-card and phone numbers are masked. One turn at a time uses it (see <see cref="Gate"/>).
/// </summary>
internal sealed class ConversationState(string id, DateTimeOffset now)
{
    /// <summary>How many messages of the transcript are kept.</summary>
    public const int TranscriptLength = 12;

    /// <summary>How much of one message is kept; with the limits above a conversation stays a few KB.</summary>
    public const int MessageLength = 300;

    public string Id { get; } = id;

    public DateTimeOffset LastSeen { get; set; } = now;

    /// <summary>Serialises turns of the same conversation.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? ProcedureId { get; set; }

    public Dictionary<string, object> Facts { get; } = new(StringComparer.Ordinal);

    public string? LastStepId { get; set; }

    /// <summary>How many documents a conversation remembers as brought.</summary>
    public const int MaxBrought = 30;

    /// <summary>
    /// The documents the resident said they brought for this procedure, over all turns, so that
    /// 「一卡通也带了」 after 「我带了申请书和身份证」 counts all three.
    /// </summary>
    public List<string> Brought { get; } = [];

    /// <summary>Adds documents to <see cref="Brought"/>, each once, up to the bound.</summary>
    public void Bring(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            var kept = item.Length <= MessageLength ? item : item[..MessageLength];
            if (Brought.Count < MaxBrought && !Brought.Contains(kept, StringComparer.Ordinal))
                Brought.Add(kept);
        }
    }

    public string? LastIntent { get; set; }

    /// <summary>The fact the bot last asked about.</summary>
    public string? PendingFact { get; set; }

    /// <summary>The procedures offered when the bot asked which one was meant.</summary>
    public IReadOnlyList<string> PendingChoices { get; set; } = [];

    /// <summary>The intent of the question that led to the choice.</summary>
    public string? PendingIntent { get; set; }

    public int Misunderstood { get; set; }

    /// <summary>The last messages, masked: (role, text).</summary>
    public List<(string Role, string Text)> Transcript { get; } = [];

    public void Record(string role, string maskedText)
    {
        ArgumentNullException.ThrowIfNull(maskedText);
        Transcript.Add((role, maskedText.Length <= MessageLength ? maskedText : maskedText[..MessageLength] + "…"));
        if (Transcript.Count > TranscriptLength)
            Transcript.RemoveRange(0, Transcript.Count - TranscriptLength);
    }

    /// <summary>Starts over on another procedure: its facts and position no longer apply.</summary>
    public void SwitchTo(string procedureId)
    {
        if (ProcedureId == procedureId)
            return;

        ProcedureId = procedureId;
        Facts.Clear();
        Brought.Clear();
        LastStepId = null;
        PendingFact = null;
    }
}
