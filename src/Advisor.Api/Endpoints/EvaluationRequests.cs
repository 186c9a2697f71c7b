using System.Text.Json;

namespace Advisor.Api.Endpoints;

/// <summary>Facts about an applicant, as JSON values by fact name.</summary>
/// <param name="Facts">For example <c>{"age": 85, "hukouLocal": true}</c>; see GET /api/facts.</param>
public sealed record FactsRequest(Dictionary<string, JsonElement>? Facts);

/// <summary>Facts and what the applicant brought.</summary>
/// <param name="Facts">The applicant's facts; they decide the conditional materials.</param>
/// <param name="Submitted">Materials as people name them (「身份证原件及复印件」, 「户口本」).</param>
public sealed record CompletenessRequest(Dictionary<string, JsonElement>? Facts, List<string>? Submitted);

/// <summary>Where the applicant is in the flow.</summary>
/// <param name="CurrentStep">A step id; empty for the start.</param>
/// <param name="Outcome"><c>yes</c> or <c>no</c>, for a decision step.</param>
public sealed record NextStepsRequest(string? CurrentStep, string? Outcome);
