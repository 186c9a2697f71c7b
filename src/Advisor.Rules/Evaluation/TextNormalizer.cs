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

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!Dropped.Contains(c))
                builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
