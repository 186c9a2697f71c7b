using System.Text.Json;
using System.Text.Json.Nodes;
using Advisor.Rules.Model;
using Advisor.Rules.Validation;
using Json.Schema;

namespace Advisor.Rules.Loading;

/// <summary>Reads one procedure file: JSON syntax, the schema, then the model.</summary>
internal sealed class ProcedureReader(JsonSchema schema, FactVocabulary vocabulary)
{
    public Procedure? Read(string fileName, string text, List<RuleProblem> problems)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
            });
        }
        catch (JsonException e)
        {
            problems.Add(new RuleProblem(fileName, e.Path ?? "$",
                $"Invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstLine(e)}",
                "Correct the JSON syntax there (a missing comma, quote or bracket is the usual cause)."));
            return null;
        }

        if (!CheckSchema(fileName, node, problems))
            return null;

        ProcedureFile? file;
        try
        {
            file = node.Deserialize<ProcedureFile>(RuleJson.Options);
        }
        catch (JsonException e)
        {
            problems.Add(new RuleProblem(fileName, e.Path ?? "$", FirstLine(e),
                "Give the field the type the schema describes."));
            return null;
        }

        return file is null ? null : Resolve(fileName, file, problems);
    }

    private bool CheckSchema(string fileName, JsonNode? node, List<RuleProblem> problems)
    {
        var element = JsonSerializer.SerializeToElement(node);
        var results = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return true;

        var found = false;
        foreach (var detail in results.Details ?? [])
        {
            // An "if" that does not match is how the schema chooses a branch, not an error.
            if (detail.Errors is null || detail.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
                continue;

            foreach (var (keyword, message) in detail.Errors)
            {
                found = true;
                problems.Add(new RuleProblem(fileName, JsonPathOf(detail.InstanceLocation.ToString()),
                    $"{keyword}: {message}", SchemaFix(keyword)));
            }
        }

        if (!found)
        {
            problems.Add(new RuleProblem(fileName, "$", "The file does not match the procedure schema.",
                "Check it against rules/schema/procedure.schema.json."));
        }

        return false;
    }

    private Procedure Resolve(string fileName, ProcedureFile file, List<RuleProblem> problems)
    {
        var facts = new List<FactDefinition>();
        for (var i = 0; i < file.Facts.Count; i++)
        {
            var fact = ResolveFact(file.Facts[i]);
            if (fact is null)
            {
                problems.Add(new RuleProblem(fileName, $"$.facts[{i}]",
                    $"Fact '{file.Facts[i].Name}' is not in rules/facts.json and has no type, label or question.",
                    "Use a name from rules/facts.json, or declare the fact in full here."));
                continue;
            }

            facts.Add(fact);
        }

        return new Procedure
        {
            Id = file.Id,
            Slug = file.Slug,
            Title = file.Title,
            Category = file.Category,
            Aliases = file.Aliases,
            Descriptions = file.Descriptions,
            Summary = file.Summary,
            LegalNote = file.LegalNote,
            Source = file.Source,
            Actors = file.Actors,
            Risks = file.Risks,
            Measures = file.Measures,
            Facts = facts,
            Materials = file.Materials,
            Steps = file.Steps,
            Parameters = file.Parameters,
            Eligibility = file.Eligibility,
        };
    }

    private FactDefinition? ResolveFact(FactReference reference)
    {
        var shared = vocabulary.Find(reference.Name);
        var type = reference.Type ?? shared?.Type;
        var label = reference.Label ?? shared?.Label;
        var question = reference.Question ?? shared?.Question;
        if (type is null || label is null || question is null)
            return null;

        return new FactDefinition
        {
            Name = reference.Name,
            Type = type.Value,
            Label = label,
            Question = question,
            Min = reference.Min ?? shared?.Min,
            Max = reference.Max ?? shared?.Max,
            Values = reference.Values ?? shared?.Values ?? [],
        };
    }

    internal static string JsonPathOf(string pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer == "/" || pointer == "#")
            return "$";

        var path = "$";
        foreach (var segment in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            path += int.TryParse(name, out var index) ? $"[{index}]" : $".{name}";
        }

        return path;
    }

    private static string SchemaFix(string keyword) => keyword switch
    {
        "required" => "Add the missing field (see rules/README.md for what it holds).",
        "additionalProperties" => "Remove the field or correct its spelling; the schema lists the allowed fields.",
        "enum" or "const" => "Use one of the values the schema allows.",
        "type" => "Give the field the type the schema describes.",
        "pattern" => "Use lowercase kebab-case for ids and slugs, camelCase for fact and parameter names.",
        _ => "Correct the value as rules/schema/procedure.schema.json describes.",
    };

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();
}
