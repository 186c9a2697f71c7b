using System.Text;
using Advisor.Bot.Text;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Reads one message: which procedures it names and how surely, what it asks for, the facts and
/// materials it states, a step outcome (通过了/没通过), and whether it is about something outside the
/// village duties. Intent and procedure are decided separately; the dialogue combines them with what
/// the conversation already knows.
/// </summary>
internal sealed class Interpreter
{
    private readonly Lexicon _lexicon;
    private readonly ProcedureIndex _index;
    private readonly IntentDetector _intents;
    private readonly FactExtractor _facts;
    private readonly Segmenter _segmenter;
    private readonly MaterialMatcher _materials;
    private readonly SubmittedReader _submitted;
    private readonly PinyinSpelling _spelling;
    private readonly HashSet<string> _askingWords;
    private readonly Dictionary<string, Procedure[]> _readers;

    public Interpreter(
        ProcedureCatalog catalog,
        Lexicon lexicon,
        Pinyin pinyin,
        Segmenter segmenter,
        MaterialMatcher materials,
        ProcedureIndex? index = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _lexicon = lexicon;
        _index = index ?? new ProcedureIndex(catalog, lexicon, pinyin);
        _intents = new IntentDetector(lexicon);
        _facts = new FactExtractor(lexicon, catalog.Vocabulary, time ?? TimeProvider.System);
        _segmenter = segmenter;
        _materials = materials;
        _submitted = new SubmittedReader(lexicon);
        _spelling = new PinyinSpelling(pinyin, _index.DomainWords,
            [.. lexicon.AllCues, .. lexicon.Yes, .. lexicon.No, .. lexicon.Stopwords]);
        _readers = catalog.Procedures
            .SelectMany(p => p.Facts.Select(f => (f.Name, Procedure: p)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Procedure).Distinct().ToArray(), StringComparer.Ordinal);
        _askingWords = [.. lexicon.AllCues, .. lexicon.Stopwords, .. lexicon.Yes, .. lexicon.No,
            .. lexicon.FactWords.Select(w => w.Word)];
    }

    public ProcedureIndex Index => _index;

    public FactExtractor Facts => _facts;

    public Lexicon Lexicon => _lexicon;

    /// <summary>Reads a message; <paramref name="current"/> is the procedure the conversation is about.</summary>
    public Interpretation Read(string maskedText, Procedure? current)
    {
        ArgumentNullException.ThrowIfNull(maskedText);
        var text = _spelling.Apply(TextFold.Normalize(maskedText));
        var tokens = _segmenter.Cut(text).Where(t => t != " ").ToArray();

        // In a conversation, the documents a resident lists say what they brought for the current
        // procedure, not which procedure they mean (户口本 is also a material of 57a).
        var span = _submitted.Span(text);
        var named = current is not null && span is { Length: > 0 } ? text.Replace(span, " ", StringComparison.Ordinal) : text;
        var namedTokens = ReferenceEquals(named, text) ? tokens : [.. _segmenter.Cut(named).Where(t => t != " ")];
        var candidates = _index.Rank(Expand(named, namedTokens));

        var subject = current ?? (candidates.Count > 0 ? candidates[0].Procedure : null);
        var mentioned = subject is null ? [] : _materials.Find(subject, span ?? text);
        if (mentioned.Count == 0 && current is not null && candidates.Count > 0 && span is null)
            mentioned = _materials.Find(candidates[0].Procedure, text);
        var submitted = subject is null || span is null ? [] : SubmittedReader.Documents(subject, span, _materials);

        var scores = _intents.Score(text, mentioned.Count > 0 || submitted.Count > 0);
        var intent = _intents.Pick(scores);
        if (intent == Intents.Completeness && !_submitted.AsksWhatIsMissing(text))
            intent = AfterHanding(text) ?? intent;
        var facts = _facts.Extract(text);
        if (facts.Count > 0)
            candidates = WithFacts(candidates, facts);
        if (intent is not null && candidates.Count > 1)
            candidates = Rerank(candidates, intent);

        return new Interpretation(
            text,
            intent,
            candidates,
            facts,
            mentioned,
            submitted,
            Outcome(text),
            OutOfScope(text),
            UnknownShare(tokens),
            intent != Intents.Steps && scores.GetValueOrDefault(Intents.Steps) > 0);
    }

    /// <summary>
    /// 「申请书交了，然后呢」 says what was handed in and asks what comes next: the next step, not what is
    /// missing. Null when the text asks nothing else.
    /// </summary>
    private string? AfterHanding(string text)
    {
        var scores = _intents.Score(text, mentionsMaterial: false);
        var next = scores.GetValueOrDefault(Intents.NextStep);
        var steps = scores.GetValueOrDefault(Intents.Steps);
        if (next <= 0 && steps <= 0)
            return null;

        return next >= steps ? Intents.NextStep : Intents.Steps;
    }

    /// <summary>What stating a fact that only one procedure reads adds to that procedure.</summary>
    private const double FactBonus = 0.3;

    /// <summary>
    /// Facts point at the procedures that read them: 「父母都去世了」 states the parents' situation, which
    /// only the orphan allowance asks about. A fact many procedures read (age) points at none in particular.
    /// </summary>
    private IReadOnlyList<ProcedureScore> WithFacts(IReadOnlyList<ProcedureScore> candidates, Dictionary<string, object> facts)
    {
        var bonus = new Dictionary<Procedure, double>();
        foreach (var name in facts.Keys)
        {
            // 「闺女让女婿打了」 says she is female: that points at 兵役登记 no more than at anything else.
            if (_lexicon.NeutralFacts.Contains(name) || !_readers.TryGetValue(name, out var readers) || readers.Length > 3)
                continue;

            foreach (var procedure in readers)
                bonus[procedure] = bonus.GetValueOrDefault(procedure) + FactBonus / readers.Length;
        }

        if (bonus.Count == 0)
            return candidates;

        var scored = candidates.ToDictionary(c => c.Procedure, c => c);
        foreach (var (procedure, extra) in bonus)
        {
            scored[procedure] = scored.TryGetValue(procedure, out var found)
                ? found with { Score = found.Score + extra }
                : new ProcedureScore(procedure, extra, "facts", ByName: false);
        }

        return [.. scored.Values.OrderByDescending(c => c.Score).ThenBy(c => c.Procedure.Id, StringComparer.Ordinal)];
    }

    /// <summary>How much a procedure that can answer the kind of question gains over one that cannot.</summary>
    private const double FitBonus = 0.1;

    /// <summary>
    /// Prefers, among procedures named about equally, those that can answer what is asked: a question
    /// about conditions goes to one with eligibility rules, about materials to one that lists materials.
    /// </summary>
    private static List<ProcedureScore> Rerank(IReadOnlyList<ProcedureScore> candidates, string intent) =>
    [
        .. candidates
            .Select(c => Fits(c.Procedure, intent) ? c with { Score = c.Score + FitBonus } : c)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Procedure.Id, StringComparer.Ordinal),
    ];

    private static bool Fits(Procedure procedure, string intent) => intent switch
    {
        Intents.Eligibility => EligibilityEvaluator.HasRules(procedure),
        Intents.Materials or Intents.Completeness => procedure.Materials.Count > 0,
        Intents.Publicity => procedure.Steps.Any(s => s.Kind == StepKind.Publicity),
        Intents.Risks => procedure.Risks.Count > 0,
        _ => false,
    };

    /// <summary>
    /// The text with its content words joined up appended (户口得去注销 → 户口注销, so the name matches
    /// across the function words between its parts), then the standard word of each colloquial one
    /// (俺娘 → 母亲 老人).
    /// </summary>
    private string Expand(string text, string[] tokens)
    {
        StringBuilder? more = null;
        var content = string.Concat(tokens.Where(t => !_lexicon.Stopwords.Contains(t) && t.Any(TextFold.IsCjk)));
        if (content.Length >= 2 && !text.Contains(content, StringComparison.Ordinal))
            more = new StringBuilder(text).Append(' ').Append(content);

        // Variants are also replaced where they stand, so the standard word joins its neighbours
        // (老人钱 → 老人补贴, as an alias reads); a one-character variant only where it is a word of its own.
        string[]? words = null;
        var replacedLong = false;
        foreach (var synonym in _lexicon.Synonyms)
        {
            var found = synonym.Variant.Length >= 2
                ? text.Contains(synonym.Variant, StringComparison.Ordinal)
                : Array.IndexOf(tokens, synonym.Variant) >= 0;
            if (!found || text.Contains(synonym.Standard, StringComparison.Ordinal))
                continue;

            more ??= new StringBuilder(text);
            more.Append(' ').Append(synonym.Standard);
            words ??= [.. tokens];
            if (synonym.Variant.Length == 1)
            {
                for (var i = 0; i < words.Length; i++)
                {
                    if (words[i] == synonym.Variant)
                        words[i] = synonym.Standard;
                }
            }
            else
            {
                replacedLong = true;
            }
        }

        if (words is not null)
        {
            var replaced = string.Concat(words);
            if (replacedLong)
            {
                foreach (var synonym in _lexicon.Synonyms.Where(s => s.Variant.Length >= 2))
                    replaced = replaced.Replace(synonym.Variant, synonym.Standard, StringComparison.Ordinal);
            }

            more!.Append(' ').Append(replaced);
        }

        return more?.ToString() ?? text;
    }

    private string? Outcome(string text)
    {
        foreach (var word in _lexicon.OutcomeNo)
        {
            if (text.Contains(word, StringComparison.Ordinal))
                return "no";
        }

        foreach (var word in _lexicon.OutcomeYes)
        {
            if (text.Contains(word, StringComparison.Ordinal))
                return "yes";
        }

        return null;
    }

    private bool OutOfScope(string text) =>
        _lexicon.OutOfScope.Any(word => text.Contains(word, StringComparison.Ordinal));

    /// <summary>
    /// The share of content words (not how-to-ask words) that no procedure's names contain any part of:
    /// 「我想办护照」 is all unknown, 「宅基地咋批」 is all known.
    /// </summary>
    private double UnknownShare(string[] tokens)
    {
        var content = 0;
        var unknown = 0;
        foreach (var raw in tokens)
        {
            // 「那交」 is 那 + 交: function words at either end are not content.
            var token = raw.AsSpan();
            while (token.Length > 0 && _lexicon.Stopwords.Contains(token[..1].ToString()))
                token = token[1..];
            while (token.Length > 0 && _lexicon.Stopwords.Contains(token[^1..].ToString()))
                token = token[..^1];

            if (token.Length == 0 || !TextFold.IsCjk(token[0]) || _askingWords.Contains(token.ToString()))
                continue;

            // A word of one character (狗) is known when some name uses the character at all.
            content++;
            var known = token.Length == 1 && _index.KnowsCharacter(token[0]);
            for (var i = 0; i + 1 < token.Length && !known; i++)
                known = _index.Knows(token[i], token[i + 1]);

            if (!known)
                unknown++;
        }

        return content == 0 ? 0 : (double)unknown / content;
    }
}

/// <summary>What one message says.</summary>
/// <param name="Text">The normalised, masked text.</param>
/// <param name="Intent">What it asks for, or null when it has no cue.</param>
/// <param name="Candidates">The procedures it names, best first.</param>
/// <param name="Facts">Facts it states.</param>
/// <param name="Materials">Materials of the procedure in question that it names.</param>
/// <param name="Submitted">The documents it says were brought (带了…), recognised or not.</param>
/// <param name="Outcome">"yes" or "no" when it reports a step's outcome (通过了, 没通过).</param>
/// <param name="OutOfScope">Whether it names a topic that is certainly not a village duty.</param>
/// <param name="UnknownShare">The share of its content words that no procedure knows.</param>
/// <param name="AsksHowToo">Whether it also asks how the matter is done (「能申请不，咋弄」).</param>
internal sealed record Interpretation(
    string Text,
    string? Intent,
    IReadOnlyList<ProcedureScore> Candidates,
    Dictionary<string, object> Facts,
    IReadOnlyList<MaterialMatch> Materials,
    IReadOnlyList<string> Submitted,
    string? Outcome,
    bool OutOfScope,
    double UnknownShare,
    bool AsksHowToo = false)
{
    public ProcedureScore? Best => Candidates.Count > 0 ? Candidates[0] : null;

    public double BestScore => Candidates.Count > 0 ? Candidates[0].Score : 0;

    /// <summary>How much a rival that matched none of its names counts against one that did.</summary>
    private const double UnnamedRival = 0.8;

    /// <summary>
    /// The strongest rival's score. When the best candidate matched one of its names and a rival only
    /// shares rare words with the text (村委会 named, 修路 shared with 交通运输), the rival counts less.
    /// </summary>
    public double SecondScore => Candidates.Count > 1
        ? Candidates.Skip(1).Max(c => Candidates[0].ByName && !c.ByName ? c.Score * UnnamedRival : c.Score)
        : 0;
}
