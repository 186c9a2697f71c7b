using System.Globalization;
using System.Text;
using System.Text.Json;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Turns facts as callers send them (JSON) into a typed <see cref="FactSet"/>, checked against the
/// declared types before any rule runs. Full-width digits and surrounding spaces are normalised; any
/// other mismatch is an error that names the fact.
/// </summary>
public sealed class FactReader(ProcedureCatalog catalog, TimeProvider time)
{
    /// <summary>The fact a birth date fills in.</summary>
    public const string AgeFact = "age";

    /// <summary>The birth date fact.</summary>
    public const string BirthDateFact = "birthDate";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Reads facts for one procedure, or for screening when <paramref name="procedure"/> is null.</summary>
    /// <exception cref="FactValidationException">One or more facts are unknown or of the wrong type.</exception>
    public FactSet Read(IReadOnlyDictionary<string, JsonElement>? raw, Procedure? procedure = null)
    {
        if (raw is null || raw.Count == 0)
            return FactSet.Empty;

        var errors = new List<FactError>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, element) in raw)
        {
            var definition = procedure?.FindFact(name) ?? catalog.Vocabulary.Find(name);
            if (definition is null)
            {
                errors.Add(new FactError($"facts.{name}",
                    $"未知的事实名称 '{name}'（unknown fact name）。可用的名称见 GET /api/facts。"));
                continue;
            }

            if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                continue;

            var value = Convert(definition, element, out var error);
            if (value is DateOnly date && date > Today())
                error = $"{name} 不能晚于今天（{definition.Label}）。";

            if (error is not null)
                errors.Add(new FactError($"facts.{name}", error));
            else
                values[name] = value;
        }

        DeriveAge(values, errors);
        if (errors.Count > 0)
            throw new FactValidationException(errors);

        return FactSet.Create(values);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    /// <summary>Age in full years (周岁) on <paramref name="today"/>: the birthday itself counts.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return today < birthDate.AddYears(age) ? age - 1 : age;
    }

    // A birth date gives the age on the day of the request, in China. An age given beside it must agree:
    // silently preferring either would decide on a figure the caller did not mean.
    private void DeriveAge(Dictionary<string, object?> values, List<FactError> errors)
    {
        if (!values.Remove(BirthDateFact, out var birth) || birth is not DateOnly date)
            return;

        var fromBirth = AgeOn(date, Today());
        if (values.TryGetValue(AgeFact, out var given) && given is int age && age != fromBirth)
        {
            var born = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            errors.Add(new FactError($"facts.{AgeFact}",
                $"{AgeFact}（{age}）与 {BirthDateFact}（{born}）矛盾：按出生日期今天是 {fromBirth} 周岁。"
                + $"请只给其中一个，或改正后再提交。"));
            return;
        }

        values[AgeFact] = fromBirth;
    }

    /// <summary>Converts one JSON value to the fact's type, or explains why it cannot.</summary>
    public static object? Convert(FactDefinition definition, JsonElement element, out string? error)
    {
        ArgumentNullException.ThrowIfNull(definition);

        error = null;
        var value = definition.Type switch
        {
            FactType.Integer => ReadInteger(element),
            FactType.Number => ReadNumber(element),
            FactType.Boolean => ReadBoolean(element),
            FactType.Enum => ReadEnum(definition, element),
            FactType.Date => ReadDate(element),
            _ => null,
        };

        if (value is null)
        {
            var sign = SignBeyondType(definition, element);
            error = sign == 0 ? Expected(definition) : RangeError(definition, tooLarge: sign > 0);
            return null;
        }

        var number = value switch { int whole => whole, decimal exact => exact, _ => (decimal?)null };
        if (number is { } given && OutOfRange(definition, given, out var above))
        {
            error = RangeError(definition, tooLarge: above);
            return null;
        }

        return value;
    }

    private static bool OutOfRange(FactDefinition definition, decimal value, out bool tooLarge)
    {
        tooLarge = definition.Max is { } max && value > max;
        return tooLarge || (definition.Min is { } min && value < min);
    }

    // The range the vocabulary declares; on a side it leaves open, the most the fact's type can hold.
    private static string RangeError(FactDefinition definition, bool tooLarge) =>
        (definition.Min, definition.Max) switch
        {
            ({ } min, { } max) => $"{definition.Name} 应在 {min} 到 {max} 之间（{definition.Label}）。",
            (_, { } max) when tooLarge => $"{definition.Name} 不能大于 {max}（{definition.Label}）。",
            ({ } min, _) when !tooLarge => $"{definition.Name} 不能小于 {min}（{definition.Label}）。",
            _ => $"{definition.Name} {(tooLarge ? "不能大于" : "不能小于")} {TypeLimit(definition, tooLarge)}"
                + $"（{definition.Label}）。",
        };

    private static decimal TypeLimit(FactDefinition definition, bool upper) =>
        definition.Type == FactType.Integer
            ? (upper ? int.MaxValue : int.MinValue)
            : (upper ? decimal.MaxValue : decimal.MinValue);

    // A number too large for the fact's type (99999999999999999999 for an age) is still a number: the
    // caller is told the range, not that the type is wrong. The number's sign, or 0 for any other value.
    private static int SignBeyondType(FactDefinition definition, JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.Number ? element.GetRawText() : NormalizedText(element);
        if (string.IsNullOrEmpty(text) || !text.All(IsNumberCharacter)
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return 0;

        var whole = double.IsInfinity(number) || double.IsInteger(number);
        var beyond = definition.Type switch
        {
            FactType.Integer => whole && Math.Abs(number) > int.MaxValue,
            FactType.Number => Math.Abs(number) > (double)decimal.MaxValue,
            _ => false,
        };
        return beyond ? Math.Sign(number) : 0;
    }

    private static bool IsNumberCharacter(char c) =>
        char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E';

    private static string Expected(FactDefinition definition) => definition.Type switch
    {
        FactType.Integer => $"{definition.Name} 应为整数（{definition.Label}），例如 85。",
        FactType.Number => $"{definition.Name} 应为数字（{definition.Label}），例如 520.5。",
        FactType.Boolean => $"{definition.Name} 应为 true 或 false（{definition.Label}）。",
        FactType.Date => $"{definition.Name} 应为日期 YYYY-MM-DD（{definition.Label}），例如 1944-05-01。",
        _ => $"{definition.Name} 应为以下之一：{string.Join("、", definition.Values.Select(v => $"{v.Value}（{v.Label}）"))}。",
    };

    private static object? ReadInteger(JsonElement element)
    {
        // 85 and 85.0 are the same whole number; 85.5 is not one.
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetDecimal(out var number) && decimal.IsInteger(number)
                && number is >= int.MinValue and <= int.MaxValue
                ? (int)number
                : null;
        }

        var text = NormalizedText(element);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static object? ReadNumber(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number)
            return element.TryGetDecimal(out var number) ? number : null;

        var text = NormalizedText(element);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static object? ReadBoolean(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => NormalizedText(element)?.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => null,
        },
        _ => null,
    };

    private static object? ReadDate(JsonElement element) =>
        DateOnly.TryParseExact(NormalizedText(element), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date)
            ? date
            : null;

    private static object? ReadEnum(FactDefinition definition, JsonElement element)
    {
        var text = NormalizedText(element);
        if (text is null)
            return null;

        var match = definition.Values.FirstOrDefault(v =>
            string.Equals(v.Value, text, StringComparison.OrdinalIgnoreCase) || v.Label == text);
        return match?.Value;
    }

    // Full-width digits and letters (８５, ｍａｌｅ) become their ASCII forms; spaces around are dropped.
    // A string that is not valid UTF-8 cannot be read as text at all: it is refused like a wrong type.
    private static string? NormalizedText(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
            return null;

        try
        {
            return element.GetString()!.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
