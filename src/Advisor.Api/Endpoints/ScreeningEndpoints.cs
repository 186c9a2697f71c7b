using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary>Screening (every procedure at once) and the shared fact vocabulary.</summary>
internal static class ScreeningEndpoints
{
    public static IEndpointRouteBuilder MapScreening(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Rules");

        api.MapPost("/screening", ScreenAsync)
            .Accepts<FactsRequest>("application/json")
            .WithName("Screening")
            .WithSummary("Evaluates one person's facts against every procedure with eligibility rules.");
        api.MapGet("/facts", (ProcedureCatalog catalog) => TypedResults.Ok(catalog.Vocabulary.All))
            .WithName("ListFacts")
            .WithSummary("Lists the fact names every procedure shares, with types, labels and questions.");
        return routes;
    }

    private static async Task<Results<Ok<ScreeningResult>, ValidationProblem>> ScreenAsync(
        HttpRequest request, FactReader reader, Screener screener, CancellationToken cancellationToken)
    {
        var (facts, errors) = await EvaluationEndpoints.ReadFactsAsync(
            request, reader, procedure: null, cancellationToken);
        if (errors.Count > 0)
            return errors.ToProblem();

        return TypedResults.Ok(await screener.ScreenAsync(facts, cancellationToken));
    }
}

