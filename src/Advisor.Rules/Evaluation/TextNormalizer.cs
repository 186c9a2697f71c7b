using System.Text;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Brings what people type to one form: full-width letters and digits to half-width (NFKC), lower
/// case, and no spaces or decorative punctuation (《》“”（）).
/// </summary>
public static class TextNormalizer
{
    private static readonly HashSet<char> Dropped =
    [
        ' ', '\t', '\r', '\n', '\u3000', '《', '》', '“', '”', '"', '\'', '‘', '’', '(', ')', '（', '）',
        '「', '」', '『', '』', '【', '】', '<', '>', '·', '.', '。', '!', '！', '?', '？', ':', '：',
    ];

    /// <summary>The normalised form of a text.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        return Fold(text.Normalize(NormalizationForm.FormKC));
    }

    /// <summary>Lower case without spaces and decorative punctuation, for a text already in NFKC.</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Dropped.Contains(c))
                builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
