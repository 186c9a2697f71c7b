using System.Diagnostics;
using Advisor.Rules.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// <c>profile WHAT SECONDS</c>: runs one benchmarked operation in a loop, in this process, for a
/// sampling profiler to attach to (bench/run-all.sh runs it under <c>dotnet-trace</c>). WHAT is
/// eligibility-34, eligibility-26, screening or completeness.
/// </summary>
internal static class ProfileCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["startup"])
            return Startup();

        if (args is not [var what, var secondsText] || !int.TryParse(secondsText, out var seconds))
        {
            Console.Error.WriteLine("usage: profile eligibility-34|eligibility-26|screening|completeness SECONDS");
            return 2;
        }

        using var services = Repo.RulesServices();
        Func<Task> operation = what switch
        {
            "eligibility-34" => Eligibility(services, "34", Repo.Facts(("age", 85), ("hukouLocal", true))),
            "eligibility-26" => Eligibility(services, "26", EligibilityBenchmarks.Case26),
            "screening" => Screening(services),
            "completeness" => Completeness(services),
            _ => throw new ArgumentException($"Nothing to profile called {what}.", nameof(args)),
        };

        // Exceptions thrown and caught inside the engine are invisible in answers but cost microseconds.
        var exceptions = 0L;
        var kinds = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            Interlocked.Increment(ref exceptions);
            kinds.AddOrUpdate($"{e.Exception.GetType().Name}: {e.Exception.Message}", 1, (_, n) => n + 1);
        };

        var clock = Stopwatch.StartNew();
        var calls = 0L;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await operation();
            calls++;
        }

        Console.WriteLine($"profile {what}: {calls} calls in {clock.Elapsed.TotalSeconds:0.0} s, "
            + $"{clock.Elapsed.TotalMicroseconds / calls:0.0} µs each, {(double)exceptions / calls:0.0} exceptions each");
        foreach (var (kind, count) in kinds.OrderByDescending(k => k.Value).Take(5))
            Console.WriteLine($"  {count / (double)calls:0.0} per call: {kind}");
        return 0;
    }

    // Where a cold start goes: loading and checking the rule files, then compiling every workflow.
    private static int Startup()
    {
        var clock = Stopwatch.StartNew();
        using var services = Repo.RulesServices();
        var catalog = services.GetRequiredService<Rules.Loading.ProcedureCatalog>();
        var loaded = clock.ElapsedMilliseconds;
        services.GetRequiredService<CompiledRuleSet>();
        var compiled = clock.ElapsedMilliseconds;
        services.GetRequiredService<Rules.Calendar.WorkingCalendar>();
        Console.WriteLine($"startup: catalog of {catalog.Procedures.Count} loaded and checked in {loaded} ms, "
            + $"workflows compiled in {compiled - loaded} ms, calendar in {clock.ElapsedMilliseconds - compiled} ms");
        return 0;
    }

    private static Func<Task> Eligibility(ServiceProvider services, string id, FactSet facts)
    {
        var evaluator = services.GetRequiredService<EligibilityEvaluator>();
        var procedure = services.Procedure(id);
        return () => evaluator.EvaluateAsync(procedure, facts, CancellationToken.None);
    }

    private static Func<Task> Screening(ServiceProvider services)
    {
        var benchmark = new ScreeningBenchmarks();
        benchmark.Setup();
        return benchmark.Screen;
    }

    private static Func<Task> Completeness(ServiceProvider services)
    {
        var benchmark = new CompletenessBenchmarks();
        benchmark.Setup();
        return benchmark.Check;
    }
}
