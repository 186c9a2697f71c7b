namespace Advisor.Bot.Understanding;

/// <summary>
/// Finds how a question is asked from the lexicon's cue words: the longest cues win where cues overlap
/// (怎么办 over 怎么), each intent adds up its cues' weights, and ties go to the more specific intent.
/// </summary>
internal sealed class IntentDetector
{
    private readonly (string Cue, string Intent, double Weight, bool NeedsMaterial)[] _cues;
    private readonly IReadOnlyList<IntentCombo> _combos;
    private readonly Dictionary<string, int> _priority;

    public IntentDetector(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _cues = [.. lexicon.Intents
            .SelectMany(i => i.Cues.Select(c => (c, i.Intent, i.Weight, i.NeedsMaterial)))
            .OrderByDescending(c => c.c.Length)];
        _combos = lexicon.Combos;
        _priority = lexicon.IntentPriority.Select((intent, i) => (intent, i))
            .ToDictionary(p => p.intent, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The intent the text asks for, or null when it has no cue.</summary>
    /// <param name="text">Normalised text.</param>
    /// <param name="mentionsMaterial">Whether the text names a material (for 「带了…」).</param>
    public string? Detect(string text, bool mentionsMaterial)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pick(Score(text, mentionsMaterial));
    }

    /// <summary>The intent that scores highest, the more specific on a tie; null when none scored.</summary>
    public string? Pick(Dictionary<string, double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
            return null;

        return scores
            .OrderByDescending(s => s.Value)
            .ThenBy(s => _priority.GetValueOrDefault(s.Key, int.MaxValue))
            .First().Key;
    }

    /// <summary>Each intent's weight in the text.</summary>
    public Dictionary<string, double> Score(string text, bool mentionsMaterial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        Span<bool> taken = text.Length <= 256 ? stackalloc bool[text.Length] : new bool[text.Length];

        foreach (var (cue, intent, weight, needsMaterial) in _cues)
        {
            if (needsMaterial && !mentionsMaterial)
                continue;

            var at = text.IndexOf(cue, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!taken.Slice(at, cue.Length).Contains(true))
                {
                    taken.Slice(at, cue.Length).Fill(true);
                    scores[intent] = scores.GetValueOrDefault(intent) + weight * (1 + 0.25 * (cue.Length - 2));
                }

                at = text.IndexOf(cue, at + cue.Length, StringComparison.Ordinal);
            }
        }

        var asked = scores.Count > 0;
        foreach (var combo in _combos)
        {
            if (combo.NeedsMaterial && !mentionsMaterial || combo.Alone && asked)
                continue;

            if (combo.Groups.All(group => group.Any(word => text.Contains(word, StringComparison.Ordinal))))
                scores[combo.Intent] = scores.GetValueOrDefault(combo.Intent) + combo.Weight;
        }

        return scores;
    }
}
