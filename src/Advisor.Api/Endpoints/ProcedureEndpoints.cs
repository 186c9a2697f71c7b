using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary>The procedure catalog: list, detail, categories.</summary>
internal static class ProcedureEndpoints
{
    public static IEndpointRouteBuilder MapProcedures(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Catalog");

        api.MapGet("/procedures", List)
            .WithName("ListProcedures")
            .WithSummary("Lists the procedures, optionally by category or by text in the title or aliases.");
        api.MapGet("/procedures/{id}", Get)
            .WithName("GetProcedure")
            .WithSummary("Returns a whole procedure: actors, risks, facts, materials, steps, parameters, rules.");
        api.MapGet("/categories", Categories)
            .WithName("ListCategories")
            .WithSummary("Lists the categories with how many procedures each has.");
        return routes;
    }

    private static Ok<IEnumerable<ProcedureSummary>> List(ProcedureCatalog catalog, string? category, string? q)
    {
        var found = catalog.Procedures.Where(p =>
            (string.IsNullOrWhiteSpace(category) || p.Category == category.Trim())
            && (string.IsNullOrWhiteSpace(q) || Mentions(p, q.Trim())));
        return TypedResults.Ok(found.Select(ProcedureSummary.Of));
    }

    private static Results<Ok<Procedure>, ProblemHttpResult> Get(ProcedureCatalog catalog, string id)
    {
        var procedure = catalog.Find(id);
        return procedure is null ? NotFound(id) : TypedResults.Ok(procedure);
    }

    private static Ok<IReadOnlyList<Category>> Categories(ProcedureCatalog catalog) =>
        TypedResults.Ok(catalog.Categories);

    internal static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(
            title: "Procedure not found",
            detail: $"没有编号为 '{id}' 的事项。GET /api/procedures 列出全部事项。",
            statusCode: StatusCodes.Status404NotFound);

    private static bool Mentions(Procedure procedure, string text) =>
        procedure.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || procedure.Aliases.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase))
        || procedure.Id.Equals(text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A procedure as the list shows it.</summary>
internal sealed record ProcedureSummary(string Id, string Slug, string Title, string Category)
{
    public static ProcedureSummary Of(Procedure p) => new(p.Id, p.Slug, p.Title, p.Category);
}
