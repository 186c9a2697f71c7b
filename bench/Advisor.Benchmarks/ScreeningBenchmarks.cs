using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// One person's facts against every procedure that has eligibility rules (the screening endpoint's
/// work, without HTTP). Target: under 100 µs and under 64 KB allocated per screening.
/// </summary>
public class ScreeningBenchmarks
{
    private ServiceProvider _services = null!;
    private Screener _screener = null!;
    private EligibilityEvaluator _evaluator = null!;
    private Rules.Model.Procedure _procedure34 = null!;

    // An 82-year-old local resident on dibao without a disability certificate: some procedures decide,
    // most ask for more, which is the usual shape of a first screening.
    private readonly FactSet _facts = Repo.Facts(
        ("age", 82), ("hukouLocal", true), ("assistanceStatus", "dibao"), ("hasDisabilityCertificate", false));

    [GlobalSetup]
    public void Setup()
    {
        _services = Repo.RulesServices();
        _screener = _services.GetRequiredService<Screener>();
        _evaluator = _services.GetRequiredService<EligibilityEvaluator>();
        _procedure34 = _services.Procedure("34");
        var procedures = _services.GetRequiredService<ProcedureCatalog>().Procedures.Count(EligibilityEvaluator.HasRules);
        Console.WriteLine($"// screening covers {procedures} procedures with eligibility rules");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "screening: every procedure with rules")]
    public Task<ScreeningResult> Screen() => _screener.ScreenAsync(_facts, CancellationToken.None);

    [Benchmark(Baseline = true, Description = "one procedure (34), same facts")]
    public Task<EligibilityResult> One() => _evaluator.EvaluateAsync(_procedure34, _facts, CancellationToken.None);
}
