using System.Text.Json;
using Advisor.Rules.Model;
using Advisor.Rules.Validation;
using Json.Schema;

namespace Advisor.Rules.Loading;

/// <summary>
/// Loads every procedure file of a rules folder and checks it, collecting every problem instead of
/// stopping at the first one.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The shared fact vocabulary's file name.</summary>
    public const string VocabularyFile = "facts.json";

    /// <summary>The procedure schema, relative to the rules folder.</summary>
    public const string SchemaFile = "schema/procedure.schema.json";

    /// <summary>Loads a rules folder; the catalog is null when any problem was found.</summary>
    public static CatalogLoadResult Load(string rulesDirectory) => Load(rulesDirectory, ProcedureFiles);

    /// <summary>
    /// Loads one procedure file with the fact vocabulary and schema of the folder it is in, for checking
    /// a file on its own; the catalog holds that procedure only, or is null when any problem was found.
    /// </summary>
    public static CatalogLoadResult LoadFile(string procedureFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(procedureFile);

        var path = Path.GetFullPath(procedureFile);
        var isVocabulary = string.Equals(Path.GetFileName(path), VocabularyFile, StringComparison.Ordinal);
        return Load(Path.GetDirectoryName(path)!, _ => isVocabulary ? [] : [path]);
    }

    private static CatalogLoadResult Load(
        string rulesDirectory, Func<string, IEnumerable<string>> procedureFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesDirectory);

        var problems = new List<RuleProblem>();
        if (!Directory.Exists(rulesDirectory))
        {
            problems.Add(new RuleProblem(rulesDirectory, "$", "The rules folder does not exist.",
                "Set Rules:Directory to the folder that holds the procedure files."));
            return new CatalogLoadResult(null, problems);
        }

        var vocabulary = LoadVocabulary(rulesDirectory, problems);
        var schema = LoadSchema(rulesDirectory, problems);
        if (vocabulary is null || schema is null)
            return new CatalogLoadResult(null, problems);

        var reader = new ProcedureReader(schema, vocabulary);
        var procedures = new List<Procedure>();
        foreach (var path in procedureFiles(rulesDirectory))
        {
            var file = Path.GetFileName(path);
            var procedure = reader.Read(file, File.ReadAllText(path), problems);
            if (procedure is null)
                continue;

            ProcedureChecker.Check(file, procedure, problems);
            procedures.Add(procedure);
        }

        CheckDuplicateIds(procedures, problems);
        var catalog = problems.Count == 0 ? new ProcedureCatalog(procedures, vocabulary) : null;
        return new CatalogLoadResult(catalog, problems);
    }

    /// <summary>Loads a rules folder, or throws with every problem listed.</summary>
    public static ProcedureCatalog LoadOrThrow(string rulesDirectory)
    {
        var result = Load(rulesDirectory);
        return result.Catalog ?? throw new RuleCatalogException(result.Problems);
    }

    private static IEnumerable<string> ProcedureFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(p => !string.Equals(Path.GetFileName(p), VocabularyFile, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static FactVocabulary? LoadVocabulary(string directory, List<RuleProblem> problems)
    {
        var path = Path.Combine(directory, VocabularyFile);
        if (!File.Exists(path))
        {
            problems.Add(new RuleProblem(VocabularyFile, "$", "The shared fact vocabulary is missing.",
                "Restore rules/facts.json."));
            return null;
        }

        var text = File.ReadAllText(path);
        try
        {
            var file = JsonSerializer.Deserialize<VocabularyFileContent>(text, RuleJson.Options);
            return new FactVocabulary(file?.Facts ?? []);
        }
        catch (JsonException e)
        {
            // The serializer wraps the reader's syntax errors; its own errors are about a field's type.
            var message = e.InnerException is JsonException
                ? JsonSyntaxText.Describe(e, text)
                : JsonSyntaxText.Reason(e);
            problems.Add(new RuleProblem(VocabularyFile, e.Path ?? "$", message,
                "Correct the JSON; each fact needs name, type, label and question."));
            return null;
        }
    }

    private static JsonSchema? LoadSchema(string directory, List<RuleProblem> problems)
    {
        var path = Path.Combine(directory, SchemaFile);
        if (!File.Exists(path))
        {
            problems.Add(new RuleProblem(SchemaFile, "$", "The procedure schema is missing.",
                "Restore rules/schema/procedure.schema.json."));
            return null;
        }

        // A registry per load: the global one refuses the same $id twice, so a second host in one
        // process (tests) could not load the rules.
        return JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void CheckDuplicateIds(List<Procedure> procedures, List<RuleProblem> problems)
    {
        foreach (var group in procedures.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new RuleProblem($"{group.Key}.json", "$.id",
                $"{group.Count()} files declare procedure id '{group.Key}'.", "Give each procedure its own id."));
        }
    }

    private sealed record VocabularyFileContent(IReadOnlyList<FactDefinition> Facts);
}

/// <summary>The outcome of loading a rules folder.</summary>
/// <param name="Catalog">The catalog, or null when there were problems.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record CatalogLoadResult(ProcedureCatalog? Catalog, IReadOnlyList<RuleProblem> Problems);
