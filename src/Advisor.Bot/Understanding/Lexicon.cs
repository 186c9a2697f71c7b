using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Advisor.Bot.Text;

namespace Advisor.Bot.Understanding;

/// <summary>
/// The hand-made colloquial lexicon (Data/lexicon.json): how residents ask for things, everyday synonyms,
/// yes/no words, words for facts and topics outside the village duties. Everything about the procedures
/// themselves comes from the rule files instead.
/// </summary>
internal sealed class Lexicon
{
    private Lexicon(LexiconFile file)
    {
        Intents = [.. file.Intents.Select(pair => new IntentCues(
            pair.Value.Intent ?? pair.Key,
            [.. pair.Value.Cues.Select(TextFold.Normalize).Where(c => c.Length > 0)],
            pair.Value.Weight,
            pair.Value.NeedsMaterial))];
        Combos = [.. file.Combos.Select(c => new IntentCombo(
            c.Intent, c.Weight, [.. c.All.Select(g => (IReadOnlyList<string>)[.. g.Select(TextFold.Normalize)])],
            c.NeedsMaterial, c.Alone))];
        IntentPriority = file.IntentPriority;
        Synonyms = [.. file.Synonyms.SelectMany(pair => pair.Value.Select(v =>
            new Synonym(TextFold.Normalize(v), TextFold.Normalize(pair.Key))))
            .OrderByDescending(s => s.Variant.Length)];
        Stopwords = file.Stopwords.Select(TextFold.Normalize).ToHashSet(StringComparer.Ordinal);
        Yes = [.. file.Yes.Select(TextFold.Normalize).OrderByDescending(w => w.Length)];
        No = [.. file.No.Select(TextFold.Normalize).OrderByDescending(w => w.Length)];
        QuestionForms = [.. file.QuestionForms.Select(TextFold.Normalize)];
        QuestionWords = [.. file.QuestionWords.Select(TextFold.Normalize)];
        Negations = [.. file.Negations.Select(TextFold.Normalize).OrderByDescending(w => w.Length)];
        OutcomeYes = [.. file.Outcomes.GetValueOrDefault("yes", []).Select(TextFold.Normalize)];
        OutcomeNo = [.. file.Outcomes.GetValueOrDefault("no", []).Select(TextFold.Normalize)];
        FactWords = [.. file.Facts.SelectMany(fact => fact.Value.SelectMany(value => value.Value.Select(word =>
            new FactWord(fact.Key, value.Key, TextFold.Normalize(word)))))
            .OrderByDescending(w => w.Word.Length)];
        FactPatterns = [.. file.FactPatterns.Select(p => new FactPattern(p.Fact, Compile(p.Pattern)))];
        FactPatternDefaults = file.FactPatternDefaults;
        NeutralFacts = file.NeutralFacts.ToHashSet(StringComparer.Ordinal);
        HouseholdIncome = file.HouseholdIncome is { } income
            ? new HouseholdIncomePatterns(Compile(income.Size), Compile(income.Monthly), Compile(income.Yearly))
            : null;
        OutOfScope = [.. file.OutOfScope.Select(TextFold.Normalize)];
        Featured = file.Featured;
        BirthDate = file.BirthDate is { } birth
            ? new BirthDatePattern(Compile(birth.Pattern), [.. birth.ChildWords.Select(TextFold.Normalize)])
            : null;
    }

    public IReadOnlyList<IntentCues> Intents { get; }

    public IReadOnlyList<IntentCombo> Combos { get; }

    /// <summary>Which intent wins a tie, most specific first.</summary>
    public IReadOnlyList<string> IntentPriority { get; }

    /// <summary>Colloquial variants and the standard word each one adds, longest variant first.</summary>
    public IReadOnlyList<Synonym> Synonyms { get; }

    public IReadOnlySet<string> Stopwords { get; }

    public IReadOnlyList<string> Yes { get; }

    public IReadOnlyList<string> No { get; }

    /// <summary>Yes-no question forms (是不是, 能不能): they ask, so they answer neither yes nor no.</summary>
    public IReadOnlyList<string> QuestionForms { get; }

    /// <summary>Words that make a message a question (几, 啥, 哪): 「照片要几寸」 asks about a paper.</summary>
    public IReadOnlyList<string> QuestionWords { get; }

    /// <summary>Words that deny the fact word right after them: 「不是分户」.</summary>
    public IReadOnlyList<string> Negations { get; }

    public IReadOnlyList<string> OutcomeYes { get; }

    public IReadOnlyList<string> OutcomeNo { get; }

    /// <summary>Words that state a fact's value, longest first.</summary>
    public IReadOnlyList<FactWord> FactWords { get; }

    /// <summary>Patterns whose first group is a number for a fact (run on text with digits for numerals).</summary>
    public IReadOnlyList<FactPattern> FactPatterns { get; }

    /// <summary>The value of a fact whose pattern matched with an empty group.</summary>
    public IReadOnlyDictionary<string, int> FactPatternDefaults { get; }

    /// <summary>How the size and income of a household are said, for the income per head; null if absent.</summary>
    public HouseholdIncomePatterns? HouseholdIncome { get; }

    /// <summary>Facts that describe anyone (age, gender), so stating them points at no procedure.</summary>
    public IReadOnlySet<string> NeutralFacts { get; }

    /// <summary>Topics that are certainly not village duties.</summary>
    public IReadOnlyList<string> OutOfScope { get; }

    /// <summary>Ids of the procedures residents ask about most, offered first as examples and quick replies.</summary>
    public IReadOnlyList<string> Featured { get; }

    /// <summary>How a birth date is said (「1944年3月生的」), and the words that make it a child's; null if absent.</summary>
    public BirthDatePattern? BirthDate { get; }

    /// <summary>Every cue word of every intent, for telling content words from how a question is asked.</summary>
    public IEnumerable<string> AllCues =>
        Intents.SelectMany(i => i.Cues).Concat(Combos.SelectMany(c => c.Groups.SelectMany(g => g)));

    public static Lexicon Load(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<LexiconFile>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty.");
            return new Lexicon(file);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: a fact pattern does not compile: {e.Message}", e);
        }
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private sealed record LexiconFile
    {
        public Dictionary<string, IntentEntry> Intents { get; init; } = [];

        public List<ComboEntry> Combos { get; init; } = [];

        public List<string> IntentPriority { get; init; } = [];

        public Dictionary<string, List<string>> Synonyms { get; init; } = [];

        public List<string> Stopwords { get; init; } = [];

        public List<string> Yes { get; init; } = [];

        public List<string> No { get; init; } = [];

        public List<string> QuestionForms { get; init; } = [];

        public List<string> QuestionWords { get; init; } = [];

        public List<string> Negations { get; init; } = [];

        public Dictionary<string, List<string>> Outcomes { get; init; } = [];

        public Dictionary<string, Dictionary<string, List<string>>> Facts { get; init; } = [];

        public List<PatternEntry> FactPatterns { get; init; } = [];

        public Dictionary<string, int> FactPatternDefaults { get; init; } = [];

        public List<string> NeutralFacts { get; init; } = [];

        public IncomeEntry? HouseholdIncome { get; init; }

        public List<string> OutOfScope { get; init; } = [];

        public List<string> Featured { get; init; } = [];

        public BirthDateEntry? BirthDate { get; init; }
    }

    private sealed record BirthDateEntry
    {
        public required string Pattern { get; init; }

        public List<string> ChildWords { get; init; } = [];
    }

    private sealed record IntentEntry
    {
        public List<string> Cues { get; init; } = [];

        public double Weight { get; init; } = 1;

        public string? Intent { get; init; }

        public bool NeedsMaterial { get; init; }
    }

    private sealed record ComboEntry
    {
        public required string Intent { get; init; }

        public double Weight { get; init; } = 1;

        public List<List<string>> All { get; init; } = [];

        public bool NeedsMaterial { get; init; }

        public bool Alone { get; init; }
    }

    private sealed record IncomeEntry
    {
        public required string Size { get; init; }

        public required string Monthly { get; init; }

        public required string Yearly { get; init; }
    }

    private sealed record PatternEntry
    {
        public required string Fact { get; init; }

        [JsonPropertyName("pattern")]
        public required string Pattern { get; init; }
    }
}

/// <summary>The cue words of one intent.</summary>
internal sealed record IntentCues(string Intent, IReadOnlyList<string> Cues, double Weight, bool NeedsMaterial);

/// <summary>
/// An intent signalled by one word from each group (公示 + 几天); with <paramref name="Alone"/>, only when
/// nothing else is asked (「你能办啥」 asks for the list, 「你能说说低保要啥材料吗」 does not).
/// </summary>
internal sealed record IntentCombo(
    string Intent, double Weight, IReadOnlyList<IReadOnlyList<string>> Groups, bool NeedsMaterial, bool Alone = false);

/// <summary>A colloquial word and the standard word it stands for.</summary>
internal sealed record Synonym(string Variant, string Standard);

/// <summary>A word that states a fact: 再婚 → maritalStatus = remarried.</summary>
internal sealed record FactWord(string Fact, string Value, string Word);

/// <summary>A number pattern for a fact.</summary>
internal sealed record FactPattern(string Fact, Regex Regex);

/// <summary>A birth date's pattern (groups: year, month, day) and the words that make it a child's.</summary>
internal sealed record BirthDatePattern(Regex Regex, IReadOnlyList<string> ChildWords);

/// <summary>Patterns for 「家里4口人」 and 「一个月总共1500块」 / 「一年8000块」: the first group is the number.</summary>
internal sealed record HouseholdIncomePatterns(Regex Size, Regex Monthly, Regex Yearly);
