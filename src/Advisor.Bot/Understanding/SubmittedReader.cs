using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Reads what a resident says they have brought. In 「申请宅基地俺带了户口本和身份证，还缺啥」 only the words
/// between 带了 and 还缺 list documents; 「申请」 before them is the verb, not the application form, so a
/// match on the whole message would count a form that was never brought.
/// </summary>
internal sealed class SubmittedReader
{
    /// <summary>Last characters of what people call a document (身份证, 户口本, 申请书, 存折, 照片).</summary>
    private const string DocumentEnds = "证本簿薄书表明卡照片页件单册据函号折";

    /// <summary>Counting words people put before a document (带了个户口本, 一张照片).</summary>
    private static readonly string[] Counters =
        ["一个", "一张", "一份", "一本", "两张", "两份", "个", "张", "份", "了", "着"];

    private readonly string[] _possession;
    private readonly string[] _asking;

    public SubmittedReader(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);

        // The cues that need a material are the ones that say "I have" (带了, 准备了); the other
        // completeness cues ask what is missing (还差, 缺啥) and end the list.
        // The combination 「带了…还缺」 has the same two sides; 还要 is left out, as it asks about the next
        // step as often as about a missing paper (交了申请以后还要上团课不).
        var completeness = lexicon.Intents.Where(i => i.Intent == Intents.Completeness).ToArray();
        var combos = lexicon.Combos.Where(c => c.Intent == Intents.Completeness && c.Groups.Count == 2).ToArray();
        _possession = [.. completeness.Where(i => i.NeedsMaterial).SelectMany(i => i.Cues)
            .Concat(combos.SelectMany(c => c.Groups[0])).Distinct().OrderByDescending(c => c.Length)];
        _asking = [.. completeness.Where(i => !i.NeedsMaterial).SelectMany(i => i.Cues)
            .Concat(combos.SelectMany(c => c.Groups[1]).Where(w => w.Length >= 2 && !w.StartsWith("还要", StringComparison.Ordinal)
                && !w.StartsWith("还需要", StringComparison.Ordinal)))
            .Distinct()];
    }

    /// <summary>The part of the text that lists what was brought, or null when it says nothing of the kind.</summary>
    /// <param name="text">Normalised text.</param>
    public string? Span(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var start = -1;
        var cueAt = -1;
        foreach (var cue in _possession)
        {
            var at = text.IndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && (start < 0 || at < cueAt))
            {
                cueAt = at;
                start = at + cue.Length;
            }
        }

        if (start < 0)
            return null;

        var end = text.Length;
        foreach (var cue in _asking)
        {
            var at = text.IndexOf(cue, start, StringComparison.Ordinal);
            if (at >= 0 && at < end)
                end = at;
        }

        var questionMark = text.IndexOfAny(['?', '。', '!'], start);
        if (questionMark >= 0 && questionMark < end)
            end = questionMark;

        // 「一卡通也带了」: the list stands before the cue when nothing but the question follows it.
        var after = text[start..end];
        if (after.Trim(Filler).Length > 0)
            return after;

        var clause = text.LastIndexOfAny(ClauseEnds, Math.Max(0, cueAt - 1)) + 1;
        return cueAt > clause ? text[clause..cueAt].TrimStart(Filler) : after;
    }

    /// <summary>Punctuation that ends a clause.</summary>
    private static readonly char[] ClauseEnds = ['，', ',', '。', '！', '!', '？', '?', '；', ';'];

    /// <summary>Words around a list that are not part of it (我也, 都, 已经).</summary>
    private static readonly char[] Filler =
        [' ', '，', ',', '。', '？', '?', '！', '!', '也', '都', '我', '俺', '已', '经', '还', '了', '啊', '呢', '吧'];

    /// <summary>Whether the text asks what is missing (还差啥, 够不够), not only says what was brought.</summary>
    /// <param name="text">Normalised text.</param>
    public bool AsksWhatIsMissing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _asking.Any(cue => text.Contains(cue, StringComparison.Ordinal));
    }

    /// <summary>
    /// The items of a list that name a document: a material of the procedure, or a word shaped like a
    /// document's name (an unlisted one is reported as not needed). 「还差啥」 and 「就这些」 are not items.
    /// </summary>
    public static IReadOnlyList<string> Documents(Procedure procedure, string list, MaterialMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(matcher);

        var items = new List<string>();
        foreach (var raw in MaterialMatcher.Split(list))
        {
            var item = WithoutCounters(raw);
            if (item.Length == 0 || items.Contains(item, StringComparer.Ordinal))
                continue;

            if (matcher.Match(procedure, item).Count > 0 || LooksLikeDocument(item))
                items.Add(item);
        }

        return items;
    }

    private static bool LooksLikeDocument(string item)
    {
        var core = item.TrimEnd('的', '了', '啊', '呢', '吧', '也', '都', ' ');
        return core.Length is >= 2 and <= 16 && (DocumentEnds.Contains(core[^1], StringComparison.Ordinal)
            || core.Contains("证明", StringComparison.Ordinal) || core.Contains("复印", StringComparison.Ordinal));
    }

    private static string WithoutCounters(string item)
    {
        foreach (var counter in Counters)
        {
            if (item.StartsWith(counter, StringComparison.Ordinal) && item.Length > counter.Length + 1)
                return item[counter.Length..].Trim();
        }

        return item.Trim();
    }
}
