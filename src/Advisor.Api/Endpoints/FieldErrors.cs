using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary>
/// Every problem found in one request, by field, so that a caller learns all of them from a single 400
/// instead of correcting one field per attempt.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public int Count => _byField.Count;

    public FieldErrors Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
            _byField[field] = messages = [];

        messages.Add(message);
        return this;
    }

    public ValidationProblem ToProblem()
    {
        var onlyFacts = _byField.Keys.All(f => f.StartsWith("facts.", StringComparison.Ordinal));
        return TypedResults.ValidationProblem(
            _byField.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: onlyFacts ? "The facts are not valid" : "The request is not valid",
            detail: string.Join("；", _byField.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
    }
}
