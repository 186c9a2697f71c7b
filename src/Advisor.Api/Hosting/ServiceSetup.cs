using Advisor.Rules.Evaluation;
using Advisor.Rules.Hosting;
using Advisor.Rules.Loading;
using Advisor.Rules.Validation;
using Microsoft.Extensions.Options;

namespace Advisor.Api.Hosting;

/// <summary>Registers the service's parts and its HTTP pipeline.</summary>
internal static class ServiceSetup
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    // What the OpenAPI document says the service is; without it the document is titled after the assembly.
    private const string ApiDescription =
        "Answers from the Yanhu district's village and community duty flowcharts (盐湖区村（社区）履行职责事项流程图): "
        + "the materials a resident must bring, whether they qualify, the next step and who takes it, how long a "
        + "notice is posted; and a chatbot for residents. "
        + "依据盐湖区村（社区）履行职责事项流程图，回答办事要带哪些材料、是否符合条件、下一步由谁办理、公示到哪天，"
        + "并提供面向居民的咨询机器人。";

    public static IServiceCollection AddAdvisor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.Section));
        services.AddAdvisorRules(sp => sp.GetRequiredService<IOptions<RulesOptions>>().Value.ResolvedDirectory);

        services.ConfigureHttpJsonOptions(o => RuleJson.Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DutyAdvisor API";
            document.Info.Description = ApiDescription;
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Loads and compiles the rules before the first request, so that a broken file stops start-up:
    /// the problems are logged, one per line, and the caller exits. Under a test host the exception
    /// propagates so that the test sees it.
    /// </summary>
    public static bool TryUseAdvisor(this WebApplication app)
    {
        try
        {
            app.UseAdvisor();
            return true;
        }
        catch (RuleCatalogException e) when (!app.Environment.IsEnvironment("Testing"))
        {
            var problems = string.Join(Environment.NewLine, e.Problems);
            app.Logger.RulesInvalid(e.Problems.Count, problems);
            return false;
        }
    }

    public static WebApplication UseAdvisor(this WebApplication app)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var catalog = app.Services.GetRequiredService<ProcedureCatalog>();
        app.Services.GetRequiredService<CompiledRuleSet>();
        var withRules = catalog.Procedures.Count(EligibilityEvaluator.HasRules);
        var elapsed = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        app.Logger.RulesLoaded(catalog.Procedures.Count, withRules, elapsed);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimit();
        return app;
    }
}
