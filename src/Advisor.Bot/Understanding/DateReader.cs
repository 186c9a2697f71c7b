using System.Globalization;
using System.Text.RegularExpressions;
using Advisor.Bot.Text;

namespace Advisor.Bot.Understanding;

/// <summary>Reads a date a resident names (10月8日, 2026年9月30号, 今天, 明天), for publicity ends.</summary>
internal static partial class DateReader
{
    /// <summary>The date the text names, or null.</summary>
    /// <param name="text">Normalised text.</param>
    /// <param name="today">Today in China, to complete a date without a year and to read 今天/明天.</param>
    public static DateOnly? Find(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = ChineseNumbers.ToDigits(text);
        var match = MonthDay().Match(digits);
        if (match.Success)
        {
            var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new DateOnly(year, month, day)
                : null;
        }

        if (text.Contains("今天", StringComparison.Ordinal))
            return today;

        if (text.Contains("明天", StringComparison.Ordinal))
            return today.AddDays(1);

        return text.Contains("后天", StringComparison.Ordinal) ? today.AddDays(2) : null;
    }

    [GeneratedRegex(@"(?:(?<y>20\d{2})年)?(?<m>\d{1,2})月(?<d>\d{1,2})(?:日|号)")]
    private static partial Regex MonthDay();
}
