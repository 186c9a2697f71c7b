using System.Text;

namespace Advisor.Bot.Text;

/// <summary>Reads numbers written in Chinese characters (八十五, 两, 一百零二, 仨) as well as digits.</summary>
internal static class ChineseNumbers
{
    private const string Digits = "零〇一二两三四五六七八九";

    /// <summary>
    /// Replaces each run of Chinese numerals by its value in ASCII digits (八十五岁 → 85岁), so that
    /// patterns need only know \d. Single 一 inside words (一卡通, 一下) also becomes 1: callers use the
    /// result only to look for numbers, never to match words.
    /// </summary>
    public static string ToDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && IsNumeral(text[i]))
                i++;

            if (i == start)
            {
                // 仨 and 俩 are a number and its measure word in one (仨娃 = 三个娃).
                if (text[i] == '仨')
                    sb.Append("3个");
                else if (text[i] == '俩')
                    sb.Append("2个");
                else
                    sb.Append(text[i]);

                i++;
                continue;
            }

            var run = text.AsSpan(start, i - start);
            if (TryParse(run, out var value))
                sb.Append(value);
            else
                sb.Append(run);
        }

        return sb.ToString();
    }

    public static bool IsNumeral(char c) => Digits.Contains(c, StringComparison.Ordinal) || c is '十' or '百';

    /// <summary>Parses 0–999 in Chinese numerals; 二五 (digit by digit) is read as 25.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
            return false;

        if (text.IndexOfAny('十', '百') < 0)
        {
            // Digit by digit: 二五 → 25.
            foreach (var c in text)
                value = value * 10 + DigitOf(c);
            return text.Length <= 3;
        }

        var total = 0;
        var current = -1;
        foreach (var c in text)
        {
            switch (c)
            {
                case '百':
                    total += (current < 0 ? 1 : current) * 100;
                    current = -1;
                    break;
                case '十':
                    total += (current < 0 ? 1 : current) * 10;
                    current = -1;
                    break;
                default:
                    var d = DigitOf(c);
                    current = current <= 0 ? d : current * 10 + d;
                    break;
            }
        }

        value = total + Math.Max(current, 0);
        return value <= 999;
    }

    private static int DigitOf(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };
}
