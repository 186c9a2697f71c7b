using Advisor.Rules.Calendar;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Advisor.Rules.Hosting;

/// <summary>Registers the catalog and the rules services as singletons.</summary>
public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the catalog of <paramref name="rulesDirectory"/> and every rules service. The catalog
    /// loads and compiles once, on first use; a broken rule file throws with every problem listed.
    /// </summary>
    public static IServiceCollection AddAdvisorRules(this IServiceCollection services, Func<IServiceProvider, string> rulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CatalogLoader.LoadOrThrow(rulesDirectory(sp)));
        services.AddSingleton<CompiledRuleSet>();
        services.AddSingleton<FactReader>();
        services.AddSingleton<EligibilityEvaluator>();
        services.AddSingleton<ChecklistEvaluator>();
        services.AddSingleton<MaterialMatcher>();
        services.AddSingleton<CompletenessChecker>();
        services.AddSingleton<StepNavigator>();
        services.AddSingleton<Screener>();
        services.AddSingleton(sp => WorkingCalendarLoader.LoadOrThrow(WorkingCalendarLoader.PathIn(rulesDirectory(sp))));
        services.AddSingleton<PublicityCalculator>();
        return services;
    }

    /// <summary>Registers the catalog of a fixed folder and every rules service.</summary>
    public static IServiceCollection AddAdvisorRules(this IServiceCollection services, string rulesDirectory) =>
        services.AddAdvisorRules(_ => rulesDirectory);
}
