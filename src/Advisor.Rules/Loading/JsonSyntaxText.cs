using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Advisor.Rules.Loading;

/// <summary>
/// Says where a rule file's JSON is broken and why, for an author with the file open in an editor: one
/// 1-based line and column, the column counted in characters as editors count it. The reader's own
/// message ends in its 0-based line and byte position, which would contradict that location.
/// </summary>
internal static partial class JsonSyntaxText
{
    /// <summary>"Invalid JSON at line 40, column 76: 'x' is invalid after a value. …"</summary>
    public static string Describe(JsonException error, string text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);

        var line = error.LineNumber ?? 0;
        var column = Column(text, line, error.BytePositionInLine ?? 0);
        return $"Invalid JSON at line {line + 1}, column {column}: {Reason(error)}";
    }

    /// <summary>The first line of the message, without the position the reader appends to it.</summary>
    public static string Reason(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ReaderPosition().Replace(error.Message.Split('\n')[0], "").Trim();
    }

    private static long Column(string text, long line, long bytePosition)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
            return bytePosition + 1;

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex ReaderPosition();
}
