using Advisor.Rules.Calendar;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Microsoft.Extensions.Options;

namespace Advisor.Api.Hosting;

/// <summary>Registers the service's parts and its HTTP pipeline.</summary>
internal static class ServiceSetup
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddAdvisor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.Section));
        services.AddSingleton(sp =>
            CatalogLoader.LoadOrThrow(sp.GetRequiredService<IOptions<RulesOptions>>().Value.ResolvedDirectory));
        services.AddSingleton(sp => WorkingCalendarLoader.LoadOrThrow(WorkingCalendarLoader.PathIn(
            sp.GetRequiredService<IOptions<RulesOptions>>().Value.ResolvedDirectory)));
        services.AddSingleton<PublicityCalculator>();

        services.ConfigureHttpJsonOptions(o => RuleJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseAdvisor(this WebApplication app)
    {
        // Load the rules before the first request, so a broken file stops start-up.
        app.Services.GetRequiredService<ProcedureCatalog>();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
