using System.Buffers;
using System.Collections.Frozen;
using Advisor.Bot.Text;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Every way the rule files name or describe a procedure (title, aliases, descriptions, material names,
/// step names, category), indexed by character bigrams and by bigrams of pinyin readings. A question is
/// scored against each name by how much of the name's weight (rare bigrams weigh more) it contains, so the
/// score survives wrong word boundaries, extra words, a missing character and homophone typos (高令津贴).
/// Built once from the catalog: a new rule file is understood without code changes.
/// </summary>
internal sealed class ProcedureIndex
{
    /// <summary>How much each kind of name counts when it is matched in full.</summary>
    private static readonly FrozenDictionary<TermField, double> FieldWeights = new Dictionary<TermField, double>
    {
        [TermField.Title] = 1.0,
        [TermField.Alias] = 1.0,
        [TermField.Description] = 0.85,
        [TermField.Category] = 0.3,
        [TermField.Material] = 0.25,
        [TermField.Step] = 0.3,
    }.ToFrozenDictionary();

    /// <summary>Bigrams made only of how people ask (怎么, 材料) count this much of their rarity.</summary>
    private const double GenericDiscount = 0.1;

    /// <summary>Below this share of a name's weight, the name is not considered mentioned.</summary>
    private const double MinCoverage = 0.4;

    /// <summary>A pair used by at most this many procedures' names is rare enough to point at them.</summary>
    private const int MaxRareProcedures = 3;

    /// <summary>The score of one rare pair shared with a procedure; each further one adds a step.</summary>
    private const double RareBase = 0.3;

    private const double RareStep = 0.15;

    private const double RareMax = 0.8;

    /// <summary>What each rare pair adds to a procedure whose name also matched, up to a limit.</summary>
    private const double RareBonus = 0.1;

    private const double RareBonusMax = 0.3;

    /// <summary>The share of a name's readings a homophone match must cover.</summary>
    private const double MinReadingCoverage = 0.75;

    /// <summary>A pinyin-only match counts a little less than the same characters.</summary>
    private const double PinyinFactor = 0.9;

    /// <summary>A name whose bigrams weigh less than this in all is common (申请) and counts less.</summary>
    private const double SpecificWeight = 2.5;

    /// <summary>How much explaining all of the question's rare words adds to a procedure's score.</summary>
    private const double ExplainsWeight = 0.35;

    /// <summary>Particles dropped before comparing, so that 村委会的公章 reads as 村委会公章.</summary>
    private static readonly SearchValues<char> Particles = SearchValues.Create("的了吗呢啊吧呀嘛哦么");

    private readonly IReadOnlyList<Procedure> _procedures;
    private readonly Term[] _terms;
    private readonly FrozenDictionary<int, Posting[]> _charPostings;
    private readonly FrozenDictionary<int, Posting[]> _pinyinPostings;
    private readonly Pinyin _pinyin;
    private readonly Dictionary<int, double> _charIdf;
    private readonly FrozenDictionary<int, int[]> _strongProcedures;
    private readonly FrozenSet<int> _generic;
    private readonly FrozenDictionary<int, int[]> _detailProcedures;
    private readonly FrozenDictionary<int, int> _usedBy;
    private readonly FrozenSet<char> _characters;

    public ProcedureIndex(ProcedureCatalog catalog, Lexicon lexicon, Pinyin pinyin)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(pinyin);

        _procedures = catalog.Procedures;
        _pinyin = pinyin;

        var generic = new HashSet<int>();
        var genericReadings = new HashSet<int>();
        foreach (var word in lexicon.AllCues.Concat(lexicon.Stopwords))
        {
            // As the index will see them: 怎么办 is compared as 怎办 once particles are dropped.
            foreach (var form in new[] { word, Prepare(word) })
            {
                generic.UnionWith(CharBigrams(form));
                genericReadings.UnionWith(PinyinBigrams(form));
            }
        }

        // Two function words side by side (想办, 要去) say nothing about the procedure either.
        var single = lexicon.Stopwords.Where(w => w.Length == 1).ToArray();
        foreach (var first in single)
        {
            foreach (var second in single)
            {
                generic.Add(first[0] << 16 | second[0]);
                genericReadings.UnionWith(PinyinBigrams(first + second));
            }
        }

        _generic = generic.ToFrozenSet();

        var raw = new List<(int Procedure, TermField Field, string Text)>();
        for (var p = 0; p < _procedures.Count; p++)
        {
            foreach (var (field, text) in NamesOf(_procedures[p]))
            {
                // A description is one situation: its clauses alone (只有一个孩子) say too little.
                foreach (var variant in field == TermField.Description ? [TextFold.Normalize(text)] : Variants(text))
                    raw.Add((p, field, Prepare(variant)));
            }
        }

        var charIdf = Idf(raw, CharBigrams, generic);
        var pinyinIdf = Idf(raw, PinyinBigrams, genericReadings);

        var terms = new List<Term>();
        var seen = new HashSet<(int, string)>();
        foreach (var (procedure, field, text) in raw)
        {
            if (!seen.Add((procedure, text)))
                continue;

            var chars = CharBigrams(text).Distinct().ToArray();
            if (chars.Length == 0 || field is TermField.Material or TermField.Step && MostlyAsking(chars, generic))
                continue;

            var readings = PinyinBigrams(text).Distinct().ToArray();
            terms.Add(new Term(procedure, field, text, FieldWeights[field], chars,
                chars.Sum(k => charIdf[k]), readings, readings.Sum(k => pinyinIdf.GetValueOrDefault(k))));
        }

        _terms = [.. terms];
        _charIdf = charIdf;
        _strongProcedures = raw
            .Where(r => r.Field is TermField.Title or TermField.Alias or TermField.Description)
            .SelectMany(r => CharBigrams(r.Text).Select(k => (Key: k, r.Procedure)))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Procedure).Distinct().ToArray());
        _detailProcedures = raw
            .Where(r => r.Field is TermField.Step or TermField.Material)
            .SelectMany(r => CharBigrams(r.Text).Select(k => (Key: k, r.Procedure)))
            .GroupBy(x => x.Key)
            .Where(g => !_strongProcedures.ContainsKey(g.Key))
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Procedure).Distinct().ToArray());
        _usedBy = raw
            .SelectMany(r => CharBigrams(r.Text).Select(k => (Key: k, r.Procedure)))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Procedure).Distinct().Count());
        _charPostings = Postings(_terms, t => t.CharBigrams, charIdf);
        _pinyinPostings = Postings(_terms, t => t.PinyinBigrams, pinyinIdf);
        _characters = raw.SelectMany(r => r.Text).ToFrozenSet();
        DomainWords = [.. raw.Select(r => r.Text).Where(t => t.Length is >= 2 and <= 8 && !t.Contains(' '))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Short names from the rule files, for the segmenter's dictionary.</summary>
    public IReadOnlyList<string> DomainWords { get; }

    /// <summary>True when some name of some procedure contains the character.</summary>
    public bool KnowsCharacter(char c) => _characters.Contains(c);

    /// <summary>True when some name of some procedure contains the bigram (c1, c2).</summary>
    public bool Knows(char first, char second) => _charPostings.ContainsKey(first << 16 | second);

    /// <summary>The procedures the text mentions, best first, with their scores.</summary>
    public IReadOnlyList<ProcedureScore> Rank(string normalizedText, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var text = Prepare(normalizedText);
        var charMatched = ArrayPool<double>.Shared.Rent(_terms.Length);
        var pinyinMatched = ArrayPool<double>.Shared.Rent(_terms.Length);
        try
        {
            Array.Clear(charMatched, 0, _terms.Length);
            Array.Clear(pinyinMatched, 0, _terms.Length);
            Accumulate(CharBigrams(text), _charPostings, charMatched);
            Accumulate(PinyinBigrams(text), _pinyinPostings, pinyinMatched);
            return Score(text, charMatched, pinyinMatched, Explains(text), RareHits(text), max);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(charMatched);
            ArrayPool<double>.Shared.Return(pinyinMatched);
        }
    }

    /// <summary>
    /// For each procedure, the share of the question's rare bigrams that its title, aliases and
    /// descriptions contain: 「再生育要什么材料」 is all explained by 再生育审批 though it names no whole alias.
    /// </summary>
    private Dictionary<int, double> Explains(string text)
    {
        var explained = new Dictionary<int, double>();
        var total = 0.0;
        foreach (var key in CharBigrams(text).Distinct())
        {
            if (!_charIdf.TryGetValue(key, out var weight))
            {
                // Unknown to every procedure: still part of what the question is about.
                total += 2;
                continue;
            }

            total += weight;
            if (!_strongProcedures.TryGetValue(key, out var procedures))
                continue;

            foreach (var p in procedures)
                explained[p] = explained.GetValueOrDefault(p) + weight;
        }

        if (total > 0)
        {
            foreach (var p in explained.Keys)
                explained[p] /= total;
        }

        return explained;
    }

    /// <summary>
    /// For each procedure, how many pairs of the question only it and at most one other procedure use in
    /// their titles, aliases and descriptions: 「退伍回来了」 shares 退伍 with 退役军人服务 though it
    /// matches no whole name.
    /// </summary>
    private Dictionary<int, double> RareHits(string text)
    {
        var hits = new Dictionary<int, double>();
        foreach (var key in CharBigrams(text).Distinct())
        {
            // A number (16岁) says how much, not what about; punctuation (了，) says nothing; a pair that
            // many procedures' papers or steps use (身份证) is common, whatever few names also have it.
            if (_generic.Contains(key) || !TextFold.IsCjk((char)(key >> 16)) || !TextFold.IsCjk((char)(key & 0xFFFF))
                || _usedBy.GetValueOrDefault(key) > MaxRareProcedures + 1)
                continue;

            // Pairs from step and material names (预备党员 → 转正) point half as much as names do.
            var weight = 1.0;
            if (!_strongProcedures.TryGetValue(key, out var procedures))
            {
                if (!_detailProcedures.TryGetValue(key, out procedures))
                    continue;
                weight = 0.5;
            }

            if (procedures.Length > MaxRareProcedures)
                continue;

            // A pair two procedures share points half as much at each.
            foreach (var p in procedures)
                hits[p] = hits.GetValueOrDefault(p) + weight / procedures.Length;
        }

        return hits;
    }

    private IReadOnlyList<ProcedureScore> Score(string text,
        double[] charMatched, double[] pinyinMatched, Dictionary<int, double> explains, Dictionary<int, double> rare, int max)
    {
        var best = new Dictionary<int, (double First, double Second, Term? Term)>();
        for (var i = 0; i < _terms.Length; i++)
        {
            if (charMatched[i] <= 0 && pinyinMatched[i] <= 0)
                continue;

            var term = _terms[i];
            // A homophone counts only when it covers most of the name: one pair of readings in common
            // (交以 / 交医) is chance.
            var byReading = term.PinyinWeight > 0 && HomophoneMayCount(term, text) ? pinyinMatched[i] / term.PinyinWeight : 0;
            var coverage = Math.Max(
                term.CharWeight > 0 ? charMatched[i] / term.CharWeight : 0,
                byReading >= MinReadingCoverage ? PinyinFactor * byReading : 0);
            if (coverage < MinCoverage)
                continue;

            // Full matches of longer names are surer than of two-character ones.
            var length = 0.8 + 0.1 * Math.Min(term.CharBigrams.Length, 3);
            var specific = Math.Min(1, term.CharWeight / SpecificWeight);
            var score = term.Weight * length * specific * Math.Pow(Math.Min(1, coverage), 1.5);
            var current = best.GetValueOrDefault(term.Procedure);
            if (score > current.First)
                best[term.Procedure] = (score, current.First, term);
            else if (score > current.Second)
                best[term.Procedure] = current with { Second = score };
        }

        var scores = best.ToDictionary(
            pair => pair.Key,
            pair => (Score: pair.Value.First + 0.25 * pair.Value.Second
                + ExplainsWeight * explains.GetValueOrDefault(pair.Key) * Math.Min(1, pair.Value.First * 2),
                Name: pair.Value.Term!.Text));
        // Rare pairs add to a name's match, or stand on their own when no name matched.
        var unnamed = new HashSet<int>();
        foreach (var (p, count) in rare)
        {
            // A weak name match never leaves a procedure below what its rare pairs alone would give.
            var alone = Math.Min(RareMax, RareBase + RareStep * count);
            if (scores.TryGetValue(p, out var named))
            {
                scores[p] = (Math.Max(alone, named.Score + Math.Min(RareBonusMax, RareBonus * count)), named.Name);
                continue;
            }

            scores[p] = (alone, "rare words");
            unnamed.Add(p);
        }

        return [.. scores
            .Select(pair => new ProcedureScore(_procedures[pair.Key], pair.Value.Score, pair.Value.Name,
                ByName: !unnamed.Contains(pair.Key)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Procedure.Id, StringComparer.Ordinal)
            .Take(max)];
    }

    /// <summary>
    /// A two-character name has a single pair of readings, which everyday words share by chance (就在 reads
    /// as 救灾): for it a homophone counts only as a one-character typo, with the other character as written
    /// (普察 for 普查, 消放 for 消防). Longer names need no such check (高令津贴 for 高龄津贴).
    /// </summary>
    private static bool HomophoneMayCount(Term term, string text) =>
        term.PinyinBigrams.Length >= 2 || term.Text.Length == 2
            && (text.Contains(term.Text[0], StringComparison.Ordinal) || text.Contains(term.Text[1], StringComparison.Ordinal));

    private static void Accumulate(IEnumerable<int> keys, FrozenDictionary<int, Posting[]> postings, double[] matched)
    {
        foreach (var key in keys.Distinct())
        {
            if (!postings.TryGetValue(key, out var list))
                continue;

            foreach (var posting in list)
                matched[posting.Term] += posting.Weight;
        }
    }

    /// <summary>
    /// A paper or step named mostly in the words people ask with (证件, 准备材料) says how a question is
    /// asked, not which procedure it is about.
    /// </summary>
    private static bool MostlyAsking(int[] bigrams, HashSet<int> generic) =>
        bigrams.Count(k => !generic.Contains(k)) * 2 < bigrams.Length;

    private static IEnumerable<(TermField Field, string Text)> NamesOf(Procedure procedure)
    {
        yield return (TermField.Title, procedure.Title);
        yield return (TermField.Category, procedure.Category);
        foreach (var alias in procedure.Aliases)
            yield return (TermField.Alias, alias);

        foreach (var description in procedure.Descriptions)
            yield return (TermField.Description, description);

        foreach (var material in procedure.Materials)
        {
            yield return (TermField.Material, material.Name);
            foreach (var alias in material.Aliases)
                yield return (TermField.Material, alias);

            foreach (var part in material.Parts)
            {
                yield return (TermField.Material, part.Name);
                foreach (var alias in part.Aliases ?? [])
                    yield return (TermField.Material, alias);
            }
        }

        foreach (var step in procedure.Steps)
        {
            if (step.Kind is StepKind.Task or StepKind.Publicity && step.Name.Length >= 4)
                yield return (TermField.Step, step.Name);
        }
    }

    /// <summary>
    /// The name as written, without bracketed asides (村（居）委会 → 村委会), and each part of a name listing
    /// several things (户籍管理（户口迁移、分户） → 户籍管理, 户口迁移, 分户).
    /// </summary>
    private static IEnumerable<string> Variants(string name)
    {
        var full = TextFold.Normalize(name);
        yield return full;

        var plain = TextFold.WithoutAsides(name);
        var normalizedPlain = TextFold.Normalize(plain);
        if (normalizedPlain.Length > 0 && normalizedPlain != full)
            yield return normalizedPlain;

        var asides = name.Length > plain.Length ? Asides(name) : string.Empty;
        var parts = (plain + "、" + asides).Split(ListSeparators,
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length <= 1)
            yield break;

        foreach (var part in parts)
        {
            var text = TextFold.Normalize(part);
            if (text.Length >= 2 && text != full && text != normalizedPlain)
                yield return text;
        }
    }

    private static readonly char[] ListSeparators = ['、', '，', ',', '；', ';', ' ', '和', '及', '或'];

    /// <summary>The text inside brackets, each aside separated by 、.</summary>
    private static string Asides(string name)
    {
        var asides = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var raw in name)
        {
            var c = TextFold.Fold(raw);
            if (c is '(' or '[')
            {
                depth++;
                asides.Append('、');
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth > 0)
            {
                asides.Append(raw);
            }
        }

        return asides.ToString();
    }

    private static Dictionary<int, double> Idf(
        List<(int Procedure, TermField Field, string Text)> raw,
        Func<string, IEnumerable<int>> bigrams,
        HashSet<int> genericKeys)
    {
        var procedures = new Dictionary<int, HashSet<int>>();
        foreach (var (procedure, _, text) in raw)
        {
            foreach (var key in bigrams(text))
            {
                if (!procedures.TryGetValue(key, out var set))
                    procedures[key] = set = [];
                set.Add(procedure);
            }
        }

        var count = raw.Select(r => r.Procedure).Distinct().Count();
        return procedures.ToDictionary(
            pair => pair.Key,
            pair => Math.Log(1 + (double)count / pair.Value.Count)
                * (genericKeys.Contains(pair.Key) ? GenericDiscount : 1));
    }

    private static FrozenDictionary<int, Posting[]> Postings(
        Term[] terms, Func<Term, int[]> keysOf, Dictionary<int, double> idf)
    {
        var postings = new Dictionary<int, List<Posting>>();
        for (var i = 0; i < terms.Length; i++)
        {
            foreach (var key in keysOf(terms[i]))
            {
                if (!postings.TryGetValue(key, out var list))
                    postings[key] = list = [];
                list.Add(new Posting(i, idf.GetValueOrDefault(key)));
            }
        }

        return postings.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    /// <summary>The text without particles; names and questions go through the same.</summary>
    internal static string Prepare(string text)
    {
        if (text.AsSpan().IndexOfAny(Particles) < 0)
            return text;

        return string.Concat(text.Where(c => !Particles.Contains(c)));
    }

    /// <summary>Adjacent character pairs, not across spaces.</summary>
    internal static IEnumerable<int> CharBigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] != ' ' && text[i + 1] != ' ')
                yield return text[i] << 16 | text[i + 1];
        }
    }

    /// <summary>Adjacent pairs of pinyin readings; characters without a reading stand for themselves.</summary>
    internal IEnumerable<int> PinyinBigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == ' ' || text[i + 1] == ' ')
                continue;

            yield return ReadingKey(text[i]) << 16 | ReadingKey(text[i + 1]);
        }
    }

    private int ReadingKey(char c)
    {
        var reading = _pinyin.ReadingOf(c);
        return reading > 0 ? reading : 0x4000 | (c & 0x3FFF);
    }

    private sealed record Term(
        int Procedure,
        TermField Field,
        string Text,
        double Weight,
        int[] CharBigrams,
        double CharWeight,
        int[] PinyinBigrams,
        double PinyinWeight);

    private readonly record struct Posting(int Term, double Weight);
}

/// <summary>What kind of name a term is.</summary>
internal enum TermField
{
    Title,
    Alias,
    Description,
    Category,
    Material,
    Step,
}

/// <summary>How strongly a text mentions a procedure, and by which name.</summary>
/// <param name="Procedure">The procedure.</param>
/// <param name="Score">How strongly; see <see cref="ProcedureIndex"/>.</param>
/// <param name="MatchedName">The name matched best, or what pointed at it without a name.</param>
/// <param name="ByName">Whether one of its names matched, rather than only rare words or facts.</param>
internal sealed record ProcedureScore(Procedure Procedure, double Score, string MatchedName, bool ByName = true);
