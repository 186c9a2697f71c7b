using System.Text.RegularExpressions;

namespace Advisor.Rules.Validation;

/// <summary>Finds the fact and parameter names an expression reads.</summary>
public static partial class ExpressionNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "and", "or", "not", "it",
    };

    /// <summary>
    /// The identifiers of an expression, outside string literals and member accesses
    /// (<c>age >= minAge</c> reads <c>age</c> and <c>minAge</c>).
    /// </summary>
    public static IReadOnlyList<string> Of(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);

        var withoutStrings = StringLiteral().Replace(expression, "\"\"");
        return
        [
            .. Identifier().Matches(withoutStrings)
                .Select(m => m.Value)
                .Where(name => !Keywords.Contains(name))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![.\w])[A-Za-z_][A-Za-z0-9_]*(?!\s*\()")]
    private static partial Regex Identifier();
}
