using Advisor.Rules.Loading;

namespace Advisor.Api.Endpoints;

/// <summary><c>GET /health</c>.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", (ProcedureCatalog catalog) =>
                TypedResults.Ok(new HealthStatus("ok", catalog.Procedures.Count)))
            .WithName("Health")
            .WithSummary("Reports that the service runs and how many procedures it holds.");
        return routes;
    }
}

/// <summary>The health answer.</summary>
/// <param name="Status">Always <c>ok</c> when the service answers.</param>
/// <param name="Procedures">How many procedures are loaded.</param>
internal sealed record HealthStatus(string Status, int Procedures);
