using System.Text.Json;

namespace Advisor.Api.Endpoints;

/// <summary>
/// Finds names given twice in one JSON object. The serializer silently keeps the last one, so
/// <c>{"facts":{"age":85,"age":20}}</c> would be decided on 20 when the caller may have meant 85.
/// </summary>
internal static class DuplicateNames
{
    /// <summary>Adds an error for each repeated name in the body, at any depth.</summary>
    /// <param name="root">The body.</param>
    /// <param name="rootNames">How the body's own names compare: as the request type binds them.</param>
    /// <param name="errors">Where the repeated names are reported.</param>
    public static void Report(JsonElement root, StringComparer rootNames, FieldErrors errors) =>
        Report(root, "", rootNames, errors);

    private static void Report(JsonElement element, string path, StringComparer names, FieldErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
                Report(item, $"{path}[{index++}]", StringComparer.Ordinal, errors);

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
            return;

        // Nested names (fact names) are dictionary keys, which the serializer compares exactly.
        var first = new Dictionary<string, string>(names);
        var reported = new HashSet<string>(names);
        foreach (var property in element.EnumerateObject())
        {
            if (JsonBody.NameOf(property) is not { } name)
                continue;

            var field = path.Length == 0 ? name : $"{path}.{name}";
            if (!first.TryAdd(name, field) && reported.Add(name))
                errors.Add(first[name], $"{first[name]} 重复给出：同一个名称只能出现一次，请只保留一个。");

            Report(property.Value, field, StringComparer.Ordinal, errors);
        }
    }
}
