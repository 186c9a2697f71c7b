using System.Collections.Concurrent;
using System.Text;
using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Recognises materials in what people write: names and aliases (身份证, 居民身份证, 二代证), with or
/// without 原件/复印件, in full-width or half-width forms, inside extra words (「死者的户口页」).
/// </summary>
public sealed class MaterialMatcher
{
    private static readonly string[] Separators =
        ["、", "，", ",", "；", ";", "。", "/", "\n", "和", "与", "跟", "以及", "还有", "及", "+", "＋", " "];

    // Longest first, so 原件及复印件 is read before 原件 and 复印件.
    private static readonly (string Word, MaterialForm Form)[] FormWords =
    [
        ("原件及复印件", MaterialForm.OriginalAndCopy), ("原件和复印件", MaterialForm.OriginalAndCopy),
        ("原件与复印件", MaterialForm.OriginalAndCopy), ("原件复印件", MaterialForm.OriginalAndCopy),
        ("及复印件", MaterialForm.OriginalAndCopy), ("和复印件", MaterialForm.OriginalAndCopy),
        ("复印件", MaterialForm.Copy), ("复印", MaterialForm.Copy), ("影印件", MaterialForm.Copy),
        ("原件", MaterialForm.Original), ("正本", MaterialForm.Original),
    ];

    // Connectors inside a material's own name (现居住地和户籍地的婚育情况证明) must not split it: they are
    // swapped for private-use characters while the text is split, then swapped back.
    private static readonly (string Connector, string Stand)[] Connectors =
        [("和", "\uE001"), ("与", "\uE002"), ("跟", "\uE003"), ("及", "\uE004")];

    private readonly ConcurrentDictionary<string, Term[]> _terms = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string[]> _joinedNames =
        new(StringComparer.Ordinal);

    /// <summary>Splits free text into items and recognises each; unrecognised items have no match.</summary>
    public IReadOnlyList<(string Item, IReadOnlyList<MaterialMatch> Matches)> Read(Procedure procedure, string text)
    {
        ArgumentNullException.ThrowIfNull(procedure);

        // NFKC once, for the whole text: the items cut from it are already normal, so splitting and
        // matching them skip it (it was three passes per item, a fifth of a completeness check).
        var normalized = string.IsNullOrEmpty(text) ? string.Empty : text.Normalize(NormalizationForm.FormKC);
        return [.. SplitNormalized(Protect(procedure, normalized)).Select(Restore)
            .Select(item => (item, MatchNormalized(procedure, item)))];
    }

    /// <summary>The materials (and parts) mentioned anywhere in free text.</summary>
    public IReadOnlyList<MaterialMatch> Find(Procedure procedure, string text) =>
        [.. Read(procedure, text).SelectMany(r => r.Matches)];

    /// <summary>The best matches for one item; several when it names a document several materials need.</summary>
    public IReadOnlyList<MaterialMatch> Match(Procedure procedure, string item)
    {
        ArgumentNullException.ThrowIfNull(procedure);

        return MatchNormalized(procedure, (item ?? string.Empty).Normalize(NormalizationForm.FormKC), item);
    }

    // The item is already NFKC; text is what the matches quote (the item as written).
    private IReadOnlyList<MaterialMatch> MatchNormalized(Procedure procedure, string item, string? text = null)
    {
        var (core, form) = StripForm(TextNormalizer.Fold(item));
        if (core.Length == 0)
            return [];

        var best = 0;
        var matches = new List<MaterialMatch>();
        foreach (var term in TermsOf(procedure))
        {
            var score = Score(core, term.Text);
            if (score == 0 || score < best)
                continue;

            if (score > best)
            {
                best = score;
                matches.Clear();
            }

            if (!matches.Any(m => m.MaterialId == term.MaterialId && m.PartId == term.PartId))
                matches.Add(new MaterialMatch(text ?? item, term.MaterialId, term.PartId, form));
        }

        return matches;
    }

    /// <summary>Splits a list as people write it (「身份证、户口本和申请书」) into items.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];

        return SplitNormalized(text.Normalize(NormalizationForm.FormKC));
    }

    private static string[] SplitNormalized(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];

        // Protect the form phrases that contain separators (原件及复印件) before splitting.
        var protectedText = text
            .Replace("原件及复印件", "原件复印件", StringComparison.Ordinal)
            .Replace("原件和复印件", "原件复印件", StringComparison.Ordinal)
            .Replace("原件与复印件", "原件复印件", StringComparison.Ordinal)
            .Replace("及复印件", "复印件", StringComparison.Ordinal)
            .Replace("和复印件", "复印件", StringComparison.Ordinal);
        return protectedText.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    // The longer overlap wins (现居住地和户籍地的婚育情况证明 is the two-place proof, not the village's
    // 婚育情况证明); on equal overlap, exact beats "the item contains the term" (死者的户口页 ⊃ 户口页),
    // which beats "the term contains the item" (户口 ⊂ 户口本).
    private static int Score(string item, string term)
    {
        if (item == term)
            return (term.Length * 10) + 5;

        if (term.Length >= 2 && item.Contains(term, StringComparison.Ordinal))
            return (term.Length * 10) + 2;

        if (item.Length >= 2 && term.Contains(item, StringComparison.Ordinal) && item.Length * 2 >= term.Length)
            return (item.Length * 10) + 1;

        return 0;
    }

    private static (string Core, MaterialForm? Form) StripForm(string text)
    {
        foreach (var (word, form) in FormWords)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
                return (text.Remove(at, word.Length), form);
        }

        return (text, null);
    }

    // The text is already NFKC.
    private string Protect(Procedure procedure, string text)
    {
        if (text.Length == 0)
            return string.Empty;

        var names = _joinedNames.GetOrAdd(procedure.Id, _ => JoinedNames(procedure));
        var chars = text.ToCharArray();
        var source = text;
        for (var i = 1; i < chars.Length - 1; i++)
        {
            var connector = ConnectorAt(chars[i]);
            if (connector < 0)
                continue;

            // Two characters either side are enough to tell 户籍地和居住地 (one document) from 身份证和户口本.
            var from = Math.Max(0, i - 2);
            var window = source.Substring(from, Math.Min(chars.Length, i + 3) - from);
            if (names.Any(n => n.Contains(window, StringComparison.Ordinal)))
                chars[i] = Connectors[connector].Stand[0];
        }

        return new string(chars);
    }

    private static int ConnectorAt(char c)
    {
        for (var i = 0; i < Connectors.Length; i++)
        {
            if (Connectors[i].Connector[0] == c)
                return i;
        }

        return -1;
    }

    private static string[] JoinedNames(Procedure procedure) =>
    [
        .. procedure.Materials
            .SelectMany(m => m.Aliases.Prepend(m.Name).Concat(m.Parts.SelectMany(p => (p.Aliases ?? []).Prepend(p.Name))))
            .Select(n => n.Normalize(NormalizationForm.FormKC))
            .Where(n => Connectors.Any(c => n.Contains(c.Connector, StringComparison.Ordinal)))
            .Distinct(),
    ];

    private static string Restore(string item) =>
        Connectors.Aggregate(item, (x, c) => x.Replace(c.Stand, c.Connector, StringComparison.Ordinal));

    private Term[] TermsOf(Procedure procedure) =>
        _terms.GetOrAdd(procedure.Id, _ => [.. BuildTerms(procedure)]);

    private static IEnumerable<Term> BuildTerms(Procedure procedure)
    {
        foreach (var material in procedure.Materials)
        {
            foreach (var name in material.Aliases.Prepend(material.Name))
                yield return new Term(Core(name), material.Id, null);

            foreach (var part in material.Parts)
            {
                foreach (var name in (part.Aliases ?? []).Prepend(part.Name))
                    yield return new Term(Core(name), material.Id, part.Id);
            }
        }
    }

    private static string Core(string name) => StripForm(TextNormalizer.Normalize(name)).Core;

    private sealed record Term(string Text, string MaterialId, string? PartId);
}
