using System.Text.Json;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary>What the rules answer for one procedure: eligibility, checklist, completeness, next steps.</summary>
internal static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/procedures/{id}").WithTags("Rules");

        api.MapPost("/eligibility", EligibilityAsync)
            .Accepts<FactsRequest>("application/json")
            .WithName("Eligibility")
            .WithSummary("Decides eligibility (eligible, ineligible, undetermined) with reasons and missing facts.");
        api.MapPost("/checklist", ChecklistAsync)
            .Accepts<FactsRequest>("application/json")
            .WithName("Checklist")
            .WithSummary("Lists the materials that apply to these facts, and those that depend on facts not given.");
        api.MapPost("/completeness", CompletenessAsync)
            .Accepts<CompletenessRequest>("application/json")
            .WithName("Completeness")
            .WithSummary("Compares what was brought with the checklist and writes the one-time notice (一次性告知单).");
        api.MapPost("/next-steps", NextStepsAsync)
            .Accepts<NextStepsRequest>("application/json")
            .WithName("NextSteps")
            .WithSummary("Returns the step(s) after a step and its outcome; with no step, the first step.");
        return routes;
    }

    private static async Task<Results<Ok<EligibilityResult>, ProblemHttpResult, ValidationProblem>> EligibilityAsync(
        string id, HttpRequest request, ProcedureCatalog catalog, FactReader reader,
        EligibilityEvaluator evaluator, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } procedure)
            return ProcedureEndpoints.NotFound(id);

        if (!EligibilityEvaluator.HasRules(procedure))
        {
            return TypedResults.Problem(
                title: "No eligibility rules",
                detail: $"事项 {procedure.Id}（{procedure.Title}）没有资格条件规则。",
                statusCode: StatusCodes.Status404NotFound);
        }

        var (facts, errors) = await ReadFactsAsync(request, reader, procedure, cancellationToken);
        if (errors.Count > 0)
            return errors.ToProblem();

        return TypedResults.Ok(await evaluator.EvaluateAsync(procedure, facts, cancellationToken));
    }

    private static async Task<Results<Ok<ChecklistView>, ProblemHttpResult, ValidationProblem>> ChecklistAsync(
        string id, HttpRequest request, ProcedureCatalog catalog, FactReader reader,
        ChecklistEvaluator checklist, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } procedure)
            return ProcedureEndpoints.NotFound(id);

        var (facts, errors) = await ReadFactsAsync(request, reader, procedure, cancellationToken);
        if (errors.Count > 0)
            return errors.ToProblem();

        var result = await checklist.EvaluateAsync(procedure, facts, cancellationToken);
        return TypedResults.Ok(new ChecklistView(result.ProcedureId, result.Title,
            [.. result.Materials.Select(ChecklistItemView.Of)], result.LegalNote));
    }

    private static async Task<Results<Ok<CompletenessResult>, ProblemHttpResult, ValidationProblem>> CompletenessAsync(
        string id, HttpRequest request, ProcedureCatalog catalog, FactReader reader,
        CompletenessChecker checker, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } procedure)
            return ProcedureEndpoints.NotFound(id);

        var (body, errors) = await JsonBody.ReadAsync<CompletenessRequest>(request, cancellationToken);
        var facts = ReadFacts(reader, body?.Facts, procedure, errors);
        var submitted = body?.Submitted ?? [];
        for (var i = 0; i < submitted.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(submitted[i]))
                errors.Add($"submitted[{i}]", "材料名称不能为空。");
        }

        if (errors.Count > 0)
            return errors.ToProblem();

        return TypedResults.Ok(await checker.CheckAsync(procedure, facts, submitted, cancellationToken));
    }

    private static async Task<Results<Ok<NextStepsResult>, ProblemHttpResult, ValidationProblem>> NextStepsAsync(
        string id, HttpRequest request, ProcedureCatalog catalog, StepNavigator navigator,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } procedure)
            return ProcedureEndpoints.NotFound(id);

        var start = new NextStepsRequest(null, null);
        var (body, errors) = await JsonBody.ReadAsync(request, start, cancellationToken);
        if (errors.Count > 0)
            return errors.ToProblem();

        try
        {
            return TypedResults.Ok(navigator.Next(procedure, body!.CurrentStep, body.Outcome));
        }
        catch (UnknownStepException e)
        {
            var steps = string.Join(", ", procedure.Steps.Select(s => s.Id));
            return JsonBody.Problem("currentStep", $"没有步骤 '{e.StepId}'。可用的步骤：{steps}。");
        }
        catch (ArgumentException e)
        {
            return JsonBody.Problem("outcome", e.Message.Split(" (Parameter")[0]);
        }
    }

    /// <summary>
    /// Reads a <see cref="FactsRequest"/> body and its facts; the errors hold every problem with either.
    /// </summary>
    internal static async Task<(FactSet Facts, FieldErrors Errors)> ReadFactsAsync(
        HttpRequest request, FactReader reader, Procedure? procedure, CancellationToken cancellationToken)
    {
        var (body, errors) = await JsonBody.ReadAsync<FactsRequest>(request, cancellationToken);
        return (ReadFacts(reader, body?.Facts, procedure, errors), errors);
    }

    /// <summary>The facts as the rules read them; each fact that cannot be read is added to the errors.</summary>
    private static FactSet ReadFacts(
        FactReader reader, Dictionary<string, JsonElement>? raw, Procedure? procedure, FieldErrors errors)
    {
        try
        {
            return reader.Read(raw, procedure);
        }
        catch (FactValidationException e)
        {
            foreach (var error in e.Errors)
                errors.Add(error.Field, error.Message);

            return FactSet.Empty;
        }
    }
}
