using System.Globalization;
using System.Text.Json;
using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>Turns a parameter's JSON value into the CLR value expressions read.</summary>
internal static class ParameterValues
{
    public static object ToClr(Parameter parameter) => parameter.Value.ValueKind switch
    {
        JsonValueKind.Number when parameter.Value.TryGetInt32(out var whole) => whole,
        JsonValueKind.Number => parameter.Value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => parameter.Value.GetString() ?? string.Empty,
    };

    public static string Display(Parameter parameter) => ToClr(parameter) switch
    {
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
