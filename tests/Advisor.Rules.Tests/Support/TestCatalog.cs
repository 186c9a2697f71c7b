using Advisor.Rules.Evaluation;
using Advisor.Rules.Hosting;
using Advisor.Rules.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Rules.Tests.Support;

/// <summary>The repository's rules, loaded and compiled once for all tests.</summary>
public static class TestCatalog
{
    private static readonly Lazy<ServiceProvider> Services = new(() =>
        new ServiceCollection().AddAdvisorRules(RepoPaths.Rules).BuildServiceProvider());

    public static ProcedureCatalog Catalog => Get<ProcedureCatalog>();

    public static T Get<T>()
        where T : notnull => Services.Value.GetRequiredService<T>();

    public static Model.Procedure Procedure(string id) =>
        Catalog.Find(id) ?? throw new InvalidOperationException($"No procedure {id}.");

    public static FactSet Facts(params (string Name, object? Value)[] facts) =>
        FactSet.Create(facts.ToDictionary(f => f.Name, f => f.Value));
}
