using System.Text.Json;
using Advisor.Rules.Loading;
using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests.Cases;

/// <summary>A rule case file of rules/tests: facts → decision, submitted → missing.</summary>
public sealed record RuleCaseFile(
    string Procedure,
    IReadOnlyList<EligibilityCase>? Eligibility,
    IReadOnlyList<CompletenessCase>? Completeness)
{
    public static IReadOnlyList<RuleCaseFile> All { get; } = LoadAll();

    private static List<RuleCaseFile> LoadAll() =>
        [.. Directory.EnumerateFiles(RepoPaths.RuleCases, "*.json").Order().Select(path =>
            JsonSerializer.Deserialize<RuleCaseFile>(File.ReadAllText(path), RuleJson.Options)!)];
}

/// <summary>An eligibility case.</summary>
public sealed record EligibilityCase(
    string Name,
    Dictionary<string, JsonElement>? Facts,
    string Decision,
    IReadOnlyList<string>? Failed,
    IReadOnlyList<string>? Missing);

/// <summary>A completeness case.</summary>
public sealed record CompletenessCase(
    string Name,
    Dictionary<string, JsonElement>? Facts,
    IReadOnlyList<string> Submitted,
    bool? Complete,
    IReadOnlyList<string>? Missing,
    IReadOnlyList<string>? Unrecognized);
