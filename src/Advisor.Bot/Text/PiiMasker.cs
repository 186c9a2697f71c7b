using System.Text.RegularExpressions;

namespace Advisor.Bot.Text;

/// <summary>
/// Hides identity-card numbers (18 characters: 17 digits and a digit or X) and mainland phone numbers
/// (mobile 1[3-9]xxxxxxxxx, optionally +86 and spaced or dashed; landline 0xx(x)-xxxxxxx(x)) in text a
/// resident typed, before the text is logged, stored or sent anywhere.
/// </summary>
public static partial class PiiMasker
{
    /// <summary>What an identity-card number becomes.</summary>
    public const string IdCardMask = "[身份证号已隐藏]";

    /// <summary>What a phone number becomes.</summary>
    public const string PhoneMask = "[电话号码已隐藏]";

    /// <summary>The text with every identity-card and phone number replaced; full-width digits count.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        var folded = TextFold.FoldDigits(text).Replace('Ｘ', 'X').Replace('ｘ', 'x');
        var masked = IdCard().Replace(folded, IdCardMask);
        masked = Mobile().Replace(masked, PhoneMask);
        return Landline().Replace(masked, PhoneMask);
    }

    /// <summary>Masked text with the masks themselves removed, for reading what the resident asks.</summary>
    public static string Unmasked(string maskedText)
    {
        ArgumentNullException.ThrowIfNull(maskedText);
        return maskedText.Replace(IdCardMask, " ", StringComparison.Ordinal).Replace(PhoneMask, " ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)")]
    private static partial Regex Landline();
}
