using System.Globalization;
using System.Text.RegularExpressions;
using Advisor.Bot.Text;

namespace Advisor.Bot.Understanding;

/// <summary>
/// Reads a date a resident names (10月8日, 2026年9月30号, 2026-09-30, 国庆节, 今天, 明天), for publicity ends.
/// </summary>
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
        if (!match.Success)
            match = Numeric().Match(digits);

        if (match.Success)
        {
            var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new DateOnly(year, month, day)
                : null;
        }

        foreach (var (name, month, day) in FixedHolidays)
        {
            if (text.Contains(name, StringComparison.Ordinal))
                return new DateOnly(today.Year, month, day);
        }

        if (text.Contains("今天", StringComparison.Ordinal))
            return today;

        if (text.Contains("明天", StringComparison.Ordinal))
            return today.AddDays(1);

        return text.Contains("后天", StringComparison.Ordinal) ? today.AddDays(2) : null;
    }

    /// <summary>Holidays on a fixed day of the year, which people name instead of the date (国庆节那天贴的).</summary>
    private static readonly (string Name, int Month, int Day)[] FixedHolidays =
        [("国庆", 10, 1), ("元旦", 1, 1), ("五一", 5, 1), ("劳动节", 5, 1)];

    [GeneratedRegex(@"(?:(?<y>20\d{2})年)?(?<m>\d{1,2})月(?<d>\d{1,2})(?:日|号)")]
    private static partial Regex MonthDay();

    /// <summary>2026-09-30 or 2026/9/30, as normalised text has it: the separators are spaces.</summary>
    [GeneratedRegex(@"(?<y>20\d{2}) (?<m>\d{1,2}) (?<d>\d{1,2})(?!\d)")]
    private static partial Regex Numeric();
}
