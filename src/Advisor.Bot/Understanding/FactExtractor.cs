using System.Globalization;
using Advisor.Bot.Text;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Reads facts about the applicant from what a resident writes (「俺娘85了」 → age 85, 「我们是再婚的」 →
/// maritalStatus remarried), and reads answers to the bot's own questions in words or numbers
/// (「八十五」, 「是的」, 「男的」). Only facts of the shared vocabulary are read, with their types and ranges.
/// </summary>
internal sealed class FactExtractor(Lexicon lexicon, FactVocabulary vocabulary, TimeProvider time)
{
    /// <summary>The facts stated anywhere in the text.</summary>
    /// <param name="text">Normalised text.</param>
    public Dictionary<string, object> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var facts = new Dictionary<string, object>(StringComparer.Ordinal);

        foreach (var word in lexicon.FactWords)
        {
            if (facts.ContainsKey(word.Fact) || !StatedPlainly(text, word.Word))
                continue;

            if (vocabulary.Find(word.Fact) is { } definition && Convert(definition, word.Value) is { } value)
                facts[word.Fact] = value;
        }

        var digits = ChineseNumbers.ToDigits(text);
        foreach (var pattern in lexicon.FactPatterns)
        {
            if (facts.ContainsKey(pattern.Fact) || vocabulary.Find(pattern.Fact) is not { } definition)
                continue;

            var match = pattern.Regex.Match(digits);
            if (!match.Success)
                continue;

            var group = match.Groups[1].Value;
            var number = group.Length == 0
                ? lexicon.FactPatternDefaults.GetValueOrDefault(pattern.Fact, -1)
                : int.Parse(group, CultureInfo.InvariantCulture);
            if (number >= 0 && InRange(definition, number))
                facts[pattern.Fact] = definition.Type == FactType.Number ? (object)(decimal)number : number;
        }

        if (!facts.ContainsKey(IncomeFact) && vocabulary.Find(IncomeFact) is not null
            && IncomePerHead(digits) is { } perHead)
            facts[IncomeFact] = perHead;

        ReadBirthDate(digits, facts);
        return facts;
    }

    private const string IncomeFact = "monthlyIncomePerCapita";

    /// <summary>
    /// Whether the word stands in the text at least once without a negation right before it: 「不是分户」
    /// states no 分户.
    /// </summary>
    private bool StatedPlainly(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (!lexicon.Negations.Any(n => at >= n.Length && text.AsSpan(at - n.Length, n.Length).SequenceEqual(n)))
                return true;
        }

        return false;
    }

    private const string AgeFact = "age";

    private const string ChildBirthYearFact = "childBirthYear";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// 「俺娘1944年3月生的」: a birth date that names no child is the applicant's, and gives the age in full
    /// years on today's date in China (by the year alone when no month is said). With a child named
    /// (「孩子2015年出生」) the year stays the child's birth year.
    /// </summary>
    private void ReadBirthDate(string digits, Dictionary<string, object> facts)
    {
        if (facts.ContainsKey(AgeFact) || lexicon.BirthDate is not { } birth || vocabulary.Find(AgeFact) is not { } age
            || birth.ChildWords.Any(w => digits.Contains(w, StringComparison.Ordinal)))
            return;

        var match = birth.Regex.Match(digits);
        if (!match.Success)
            return;

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        var years = today.Year - int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (match.Groups[2].Success)
        {
            var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var day = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 1;
            if (today.Month < month || today.Month == month && today.Day < day)
                years--;
        }

        if (years >= 0 && InRange(age, years))
        {
            facts[AgeFact] = age.Type == FactType.Number ? (object)(decimal)years : years;
            facts.Remove(ChildBirthYearFact);
        }
    }

    /// <summary>
    /// 「家里4口人，一个月总共就1500块」 gives 375 a head a month: the household's income divided by its
    /// size, a yearly figure by twelve as well. Null unless both the size and an income are stated.
    /// </summary>
    private decimal? IncomePerHead(string digits)
    {
        if (lexicon.HouseholdIncome is not { } patterns || patterns.Size.Match(digits) is not { Success: true } size)
            return null;

        var people = int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture);
        if (people == 0)
            return null;

        if (patterns.Monthly.Match(digits) is { Success: true } monthly)
            return Math.Round(decimal.Parse(monthly.Groups[1].Value, CultureInfo.InvariantCulture) / people, 2);

        if (patterns.Yearly.Match(digits) is { Success: true } yearly)
            return Math.Round(decimal.Parse(yearly.Groups[1].Value, CultureInfo.InvariantCulture) / 12 / people, 2);

        return null;
    }

    /// <summary>Reads an answer to the question about one fact; null when the text does not answer it.</summary>
    /// <param name="fact">The fact asked about.</param>
    /// <param name="text">Normalised text.</param>
    public object? ReadAnswer(FactDefinition fact, string text)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(text);

        var stated = Extract(text);
        if (stated.TryGetValue(fact.Name, out var direct))
            return direct;

        return fact.Type switch
        {
            FactType.Integer or FactType.Number => ReadNumber(fact, text),
            FactType.Boolean => ReadYesNo(text),
            FactType.Enum => ReadEnum(fact, text),
            _ => null,
        };
    }

    /// <summary>True for a yes, false for a no, null for neither; a no-word outranks a yes-word in it (不是).</summary>
    public bool? ReadYesNo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = WithoutQuestionForms(text);

        // A yes said with a negation (没超, 不超过) is longer than the negation inside it: the longest word
        // found decides, a no-word on a tie.
        var yes = lexicon.Yes.FirstOrDefault(w => w.Length >= 2 ? text.Contains(w, StringComparison.Ordinal)
            : text.StartsWith(w, StringComparison.Ordinal));
        var no = lexicon.No.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
        if (no is not null && (yes is null || no.Length >= yes.Length))
            return false;

        return yes is null ? null : true;
    }

    /// <summary>
    /// The text without the parts that ask a yes-no question: 「能给点救助不」 and 「是不是要户口本」 ask, and
    /// their 不 is no answer. A lone 「不」 still is one.
    /// </summary>
    private string WithoutQuestionForms(string text)
    {
        foreach (var form in lexicon.QuestionForms)
            text = text.Replace(form, " ", StringComparison.Ordinal);

        var end = text.TrimEnd('?', '？', ' ', '啊', '呀');
        return end.Length >= 3 && end[^1] == '不' ? end[..^1] : text;
    }

    private static object? ReadNumber(FactDefinition fact, string text)
    {
        var digits = ChineseNumbers.ToDigits(text);
        var start = -1;
        for (var i = 0; i < digits.Length; i++)
        {
            if (char.IsAsciiDigit(digits[i]))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
            return null;

        var end = start;
        while (end < digits.Length && (char.IsAsciiDigit(digits[end]) || digits[end] == '.' && fact.Type == FactType.Number))
            end++;

        if (!decimal.TryParse(digits.AsSpan(start, end - start), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return null;

        if (fact.Min is { } min && number < min || fact.Max is { } max && number > max)
            return null;

        if (fact.Type == FactType.Number)
            return number;

        return number == decimal.Truncate(number) && number <= int.MaxValue ? (int)number : null;
    }

    private static object? ReadEnum(FactDefinition fact, string text)
    {
        // The vocabulary's own labels (男, 再婚, 低保) and values; the longest label found wins.
        var best = (Length: 0, Value: (string?)null);
        foreach (var value in fact.Values)
        {
            foreach (var name in new[] { value.Label, TextFold.WithoutAsides(value.Label), value.Value })
            {
                var normalized = TextFold.Normalize(name);
                if (normalized.Length > best.Length && text.Contains(normalized, StringComparison.Ordinal))
                    best = (normalized.Length, value.Value);
            }
        }

        return best.Value;
    }

    private static object? Convert(FactDefinition definition, string value) => definition.Type switch
    {
        FactType.Boolean => bool.TryParse(value, out var b) ? b : null,
        FactType.Enum => definition.Values.Any(v => v.Value == value) ? value : null,
        FactType.Integer => int.TryParse(value, CultureInfo.InvariantCulture, out var i) ? i : null,
        FactType.Number => decimal.TryParse(value, CultureInfo.InvariantCulture, out var d) ? d : null,
        _ => null,
    };

    private static bool InRange(FactDefinition definition, int number) =>
        (definition.Min is not { } min || number >= min) && (definition.Max is not { } max || number <= max);
}
