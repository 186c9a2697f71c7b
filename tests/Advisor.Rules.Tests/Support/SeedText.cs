using System.Text;
using System.Text.RegularExpressions;

namespace Advisor.Rules.Tests.Support;

/// <summary>The seed document's lines, normalised so that chart text can be looked up in them.</summary>
public static partial class SeedText
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(RepoPaths.Seed));

    /// <summary>The normalised text of lines <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public static string Range(int first, int last) =>
        Normalize(string.Concat(Lines.Value.Skip(first - 1).Take(last - first + 1)));

    /// <summary>Drops spacing and quote marks, which the drawing extraction scatters.</summary>
    public static string Normalize(string text) =>
        Ignored().Replace(text.Normalize(NormalizationForm.FormKC), string.Empty);

    [GeneratedRegex(@"[\s“”""《》]")]
    private static partial Regex Ignored();
}
