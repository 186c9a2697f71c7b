using System.Text;
using System.Text.RegularExpressions;
using Advisor.Bot.Text;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Reads words typed in pinyin letters without picking the characters (rudang, dibao, gaolingjintie): a run
/// of letters that splits wholly into two or more readings is written in characters, by the rule files' own
/// words where their readings match (di bao → 低保) and otherwise with the character of each reading the
/// rule files use most, so that the names, cues and facts built from the rule files and the lexicon apply to
/// it. Short runs and the lexicon's own words (help, ok) are kept.
/// </summary>
internal sealed partial class PinyinSpelling
{
    /// <summary>Runs shorter than this (bt, zm, ok) are abbreviations more often than spelt words.</summary>
    private const int MinRun = 4;

    private readonly Dictionary<string, char> _characters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly int _longestWord;
    private readonly HashSet<string> _keep;
    private readonly int _longest;

    /// <param name="pinyin">The readings of the characters.</param>
    /// <param name="domainWords">The rule files' names, whose characters are preferred for each reading.</param>
    /// <param name="keep">Words in letters the lexicon knows as they are.</param>
    public PinyinSpelling(Pinyin pinyin, IEnumerable<string> domainWords, IEnumerable<string> keep)
    {
        ArgumentNullException.ThrowIfNull(pinyin);
        ArgumentNullException.ThrowIfNull(domainWords);

        var counts = new Dictionary<char, int>();
        foreach (var c in domainWords.SelectMany(w => w))
            counts[c] = counts.GetValueOrDefault(c) + 1;

        foreach (var (c, _) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
            _characters.TryAdd(pinyin.NameOf(pinyin.ReadingOf(c)), c);

        // Readings the rule files never use still get a character, the first one of that reading.
        for (var c = '\u4E00'; c <= '\u9FA5'; c++)
        {
            if (pinyin.ReadingOf(c) is var id and > 0)
                _characters.TryAdd(pinyin.NameOf(id), c);
        }

        _characters.Remove(string.Empty);

        // The rule files' words by their readings, the most used first: "di bao" → 低保.
        foreach (var word in domainWords.GroupBy(w => w).OrderByDescending(g => g.Count()).Select(g => g.Key))
        {
            var readings = word.Select(c => pinyin.NameOf(pinyin.ReadingOf(c))).ToArray();
            if (readings.All(r => r.Length > 0))
                _words.TryAdd(string.Join(' ', readings), word);
        }

        _longestWord = _words.Count == 0 ? 0 : _words.Keys.Max(k => k.Count(c => c == ' ') + 1);
        _longest = _characters.Keys.Max(k => k.Length);
        _keep = keep.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The text with each run of pinyin letters written in characters; normalised text in and out.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Letters().Replace(text, run => run.Length >= MinRun && !_keep.Contains(run.Value)
            && Spell(run.Value) is { } spelt ? spelt : run.Value);
    }

    // The split into the fewest readings that covers the whole run, or null when there is none or only one.
    private string? Spell(string run)
    {
        var best = new int[run.Length + 1];
        var from = new int[run.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= run.Length; end++)
        {
            for (var length = 1; length <= Math.Min(_longest, end); length++)
            {
                var start = end - length;
                if (best[start] != int.MaxValue && best[start] + 1 < best[end]
                    && _characters.ContainsKey(run.Substring(start, length)))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[run.Length] is int.MaxValue or < 2)
            return null;

        var syllables = new List<string>();
        for (var end = run.Length; end > 0; end = from[end])
            syllables.Insert(0, run[from[end]..end]);

        return Write(syllables);
    }

    // Longest known word first at each place, else the reading's character.
    private string Write(List<string> syllables)
    {
        var spelt = new StringBuilder();
        var at = 0;
        while (at < syllables.Count)
        {
            var taken = false;
            for (var length = Math.Min(_longestWord, syllables.Count - at); length >= 2 && !taken; length--)
            {
                if (_words.TryGetValue(string.Join(' ', syllables.GetRange(at, length)), out var word))
                {
                    spelt.Append(word);
                    at += length;
                    taken = true;
                }
            }

            if (!taken)
                spelt.Append(_characters[syllables[at++]]);
        }

        return spelt.ToString();
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Letters();
}
