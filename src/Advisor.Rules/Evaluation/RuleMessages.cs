using System.Globalization;
using System.Text;
using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// Fills a rule's Chinese message. RulesEngine's own placeholder formatting JSON-escapes Chinese and
/// only reaches top-level rules, so the project does it: <c>{fact}</c> becomes the applicant's value in
/// words, <c>{parameter}</c> the threshold.
/// </summary>
internal static class RuleMessages
{
    public static string Fill(string template, Procedure procedure, FactSet facts)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
            return template;

        var text = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            text.Append(Value(name, procedure, facts) ?? template.Substring(open, close - open + 1));
            i = close + 1;
        }

        return text.ToString();
    }

    public static string Display(FactDefinition fact, object value) => value switch
    {
        bool b => b ? "是" : "否",
        string s => fact.LabelOf(s),
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string? Value(string name, Procedure procedure, FactSet facts)
    {
        if (procedure.FindFact(name) is { } fact)
            return facts.TryGet(name, out var value) && value is not null ? Display(fact, value) : "未知";

        var parameter = procedure.Parameters.FirstOrDefault(p => p.Name == name);
        return parameter is null ? null : ParameterValues.Display(parameter);
    }
}
