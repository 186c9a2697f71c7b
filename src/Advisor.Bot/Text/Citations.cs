using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Advisor.Bot.Text;

/// <summary>
/// Sources and notes as a resident reads them: the law or document named, without the web addresses of the
/// research log (「转引自 http://…」, 「外地指南：某市指南（https://…）」). The rule files keep the addresses for
/// rule authors and the API returns them whole; a chat reply has no use for a link the resident cannot open
/// on a village phone, and several lead to aggregator sites that are no authority.
/// </summary>
internal static partial class Citations
{
    // The texts come from the rule files, a few hundred in all: each is cleaned once.
    private static readonly ConcurrentDictionary<string, string> Cleaned = new(StringComparer.Ordinal);

    /// <summary>The text without bracketed web addresses and the words that introduce them.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("http", StringComparison.Ordinal))
            return text;

        return Cleaned.GetOrAdd(text, static t =>
        {
            var plain = Linked().Replace(t, string.Empty);
            plain = Bare().Replace(plain, string.Empty);
            return EmptyBrackets().Replace(plain, string.Empty).Trim().TrimEnd('、', '，', '；');
        });
    }

    // No time-out: the input is rule-file text, not what a resident typed, and the patterns scan it once.
    // A bracketed aside holding an address: （转引自 http://…）, （http://…、http://…）.
    [GeneratedRegex(@"[（(][^（）()]*https?://[^（）()]*[）)]", RegexOptions.CultureInvariant)]
    private static partial Regex Linked();

    // An address outside brackets, with what introduces it (转引自, 见).
    [GeneratedRegex(@"(?:转引自|见|来源[:：])?\s*https?://[^\s（）()，、；。]+", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    [GeneratedRegex(@"[（(]\s*[、，；]*\s*[）)]", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyBrackets();
}
