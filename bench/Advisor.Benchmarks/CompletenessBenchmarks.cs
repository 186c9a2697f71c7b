using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// Ten items as a couple names them at the counter, for 44b (再生育): the matching alone, and the whole
/// completeness check (checklist, matching, one-time notice). Target: under 50 µs.
/// </summary>
public class CompletenessBenchmarks
{
    private static readonly string[] Submitted =
    [
        "山西省再生育申请表", "再生育申请书", "户口本复印件", "结婚证原件", "夫妻照片",
        "准生证复印件", "村里开的婚育证明", "户籍地和居住地婚育证明", "离婚判决书", "身份证",
    ];

    private readonly FactSet _facts = Repo.Facts(
        ("maritalStatus", "remarried"), ("hukouSeparated", true), ("childDisabled", false),
        ("coupleOnlyChild", false), ("adoptionRequest", false));

    private ServiceProvider _services = null!;
    private MaterialMatcher _matcher = null!;
    private CompletenessChecker _checker = null!;
    private Procedure _procedure = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Repo.RulesServices();
        _matcher = _services.GetRequiredService<MaterialMatcher>();
        _checker = _services.GetRequiredService<CompletenessChecker>();
        _procedure = _services.Procedure("44b");

        var result = _checker.CheckAsync(_procedure, _facts, Submitted, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// 44b: {Submitted.Length} items, {result.Missing.Count} missing, "
            + $"{result.Unrecognized.Count} unrecognised ({string.Join("、", result.Unrecognized)})");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "match ten items (MaterialMatcher)")]
    public int Match()
    {
        var found = 0;
        foreach (var item in Submitted)
            found += _matcher.Read(_procedure, item).Count;

        return found;
    }

    [Benchmark(Description = "completeness check of ten items (CheckAsync)")]
    public Task<CompletenessResult> Check() => _checker.CheckAsync(_procedure, _facts, Submitted, CancellationToken.None);
}
