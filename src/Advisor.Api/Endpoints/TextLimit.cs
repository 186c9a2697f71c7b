using System.Globalization;

namespace Advisor.Api.Endpoints;

/// <summary>
/// The longest message a resident may send, counted as a person counts characters: one per character
/// they see (a text element), so that an emoji or a character outside the Basic Multilingual Plane counts
/// once and not as its two UTF-16 units. The chat endpoint and Direct Line both check it here.
/// </summary>
internal static class TextLimit
{
    /// <summary>The longest message accepted, in characters.</summary>
    public const int MaxCharacters = 500;

    /// <summary>The number of characters a person sees in <paramref name="text"/>.</summary>
    public static int Count(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>What is wrong with a text longer than <paramref name="max"/> characters; null when it fits.</summary>
    public static string? Check(string text, int max)
    {
        // A text element is at least one UTF-16 unit, so a string no longer than the limit fits.
        if (text.Length <= max)
            return null;

        var count = Count(text);
        return count > max ? $"text 最长 {max} 个字，收到 {count} 个字。" : null;
    }
}
