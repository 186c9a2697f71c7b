using Advisor.Rules.Evaluation;
using Advisor.Rules.Hosting;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// The repository's rules and the rules services, as the service registers them. BenchmarkDotNet runs
/// each benchmark in a process built in a folder under this project's bin/, so the rules are found by
/// walking up to the solution (or from ADVISOR_RULES).
/// </summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules =>
        Environment.GetEnvironmentVariable("ADVISOR_RULES") is { Length: > 0 } rules ? rules : Path.Combine(Root, "rules");

    public static ServiceProvider RulesServices() =>
        new ServiceCollection().AddAdvisorRules(Rules).BuildServiceProvider();

    public static Procedure Procedure(this IServiceProvider services, string id) =>
        services.GetRequiredService<ProcedureCatalog>().Find(id)
        ?? throw new InvalidOperationException($"Procedure {id} is not in {Rules}.");

    public static FactSet Facts(params (string Name, object? Value)[] facts) =>
        FactSet.Create(facts.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DutyAdvisor.sln")))
                dir = dir.Parent;

            if (dir is not null)
                return dir.FullName;
        }

        throw new InvalidOperationException("DutyAdvisor.sln not found above the benchmarks; set ADVISOR_RULES.");
    }
}
