using System.Text;

namespace Advisor.Bot.Text;

/// <summary>
/// Folds text into the one form the bot compares: full-width letters and digits made ASCII, letters
/// lower-cased, brackets dropped, punctuation and spaces turned into a single space.
/// </summary>
internal static class TextFold
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        var sb = new StringBuilder(text.Length);
        var lastSpace = true;
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (IsBracket(c))
                continue;

            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) && c != '+')
            {
                if (!lastSpace)
                    sb.Append(' ');
                lastSpace = true;
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
            lastSpace = false;
        }

        if (sb.Length > 0 && sb[^1] == ' ')
            sb.Length--;
        return sb.ToString();
    }

    /// <summary>Text without bracketed asides: 村（居）委会 → 村委会.</summary>
    public static string WithoutAsides(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (c is '(' or '[')
            {
                depth++;
                continue;
            }

            if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth == 0)
                sb.Append(raw);
        }

        return sb.ToString();
    }

    /// <summary>Full-width ASCII forms and the ideographic space to their ASCII equivalents.</summary>
    public static char Fold(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '【' or '〔' or '［' => '[',
        '】' or '〕' or '］' => ']',
        _ => c,
    };

    /// <summary>Digits in any width as ASCII, everything else unchanged.</summary>
    public static string FoldDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var any = false;
        foreach (var c in text)
        {
            if (c is >= '０' and <= '９')
            {
                any = true;
                break;
            }
        }

        if (!any)
            return text;

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= '０' and <= '９' ? (char)(source[i] - 0xFEE0) : source[i];
        });
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static bool IsBracket(char c) => c is '(' or ')' or '[' or ']' or '《' or '》' or '“' or '”' or '"'
        or '「' or '」' or '『' or '』' or '<' or '>' or '\'' or '‘' or '’';
}
