using System.Text.Json;
using Advisor.Rules.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary>
/// Reads a JSON request body and, when it cannot, answers 400 with the JSON path of the field that
/// failed and what it should hold: the framework's own binding error does not say which field was wrong,
/// and its message names .NET types.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Body, ValidationProblem? Problem)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
            return (null, Problem("body", "请求体应为 JSON（Content-Type: application/json）。"));

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, RuleJson.Options, cancellationToken);
            return body is null ? (null, Problem("body", "请求体不能为空（null）。")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problem(JsonErrorText.Field(e), JsonErrorText.Describe(e, typeof(T), RuleJson.Options)));
        }
    }

    public static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid",
            detail: $"{field}: {message}");
}
