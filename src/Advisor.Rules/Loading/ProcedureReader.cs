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
            problems.Add(new RuleProblem(fileName, e.Path ?? "$", JsonSyntaxText.Describe(e, text),
                "Correct the JSON syntax there (a missing comma, quote or bracket is the usual cause)."));
            return null;
        }

        // After a schema problem the file is still read when it can be, so that the checks after it
        // report their problems too; what only follows from the schema problem is not repeated.
        var valid = CheckSchema(fileName, node, problems);
        if (node is not JsonObject procedure || !ResolveFacts(fileName, procedure, problems))
            return null;

        try
        {
            return procedure.Deserialize<Procedure>(RuleJson.Options);
        }
        catch (JsonException e)
        {
            if (valid)
            {
                problems.Add(new RuleProblem(fileName, e.Path ?? "$", JsonSyntaxText.Reason(e),
                    "Give the field the type the schema describes."));
            }

            return null;
        }
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

    // A fact entry may name a shared fact only ({"name": "age"}); its other fields, where given,
    // override the vocabulary's. The merged entry is what the procedure and the API carry.
    private bool ResolveFacts(string fileName, JsonObject procedure, List<RuleProblem> problems)
    {
        if (procedure["facts"] is not JsonArray facts)
            return true;

        var resolved = true;
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is not JsonObject entry || entry["name"]?.GetValueKind() != JsonValueKind.String)
                continue;

            var name = entry["name"]!.GetValue<string>();
            if (vocabulary.Find(name) is { } shared)
            {
                foreach (var (key, value) in JsonSerializer.SerializeToNode(shared, RuleJson.Options)!.AsObject())
                {
                    if (!entry.ContainsKey(key))
                        entry[key] = value?.DeepClone();
                }
            }

            if (!entry.ContainsKey("type") || !entry.ContainsKey("label") || !entry.ContainsKey("question"))
            {
                problems.Add(new RuleProblem(fileName, $"$.facts[{i}]",
                    $"Fact '{name}' is not in rules/facts.json and has no type, label or question.",
                    "Use a name from rules/facts.json, or declare the fact in full here."));
                resolved = false;
            }
        }

        return resolved;
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
}
