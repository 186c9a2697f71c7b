using Advisor.Benchmarks.Limits;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// One eligibility decision three ways, side by side: written by hand (the limit), through the
/// project's evaluator (one engine, compiled at start-up), and as a naive caller would (a new engine
/// per call). 34 is complete and eligible; 26 is the nested tree with facts missing (undetermined).
/// </summary>
public class EligibilityBenchmarks
{
    private ServiceProvider _services = null!;
    private EligibilityEvaluator _evaluator = null!;
    private Procedure _procedure = null!;
    private FactSet _facts = null!;
    private Func<FactSet, EligibilityResult> _handWritten = null!;
    private NaiveEligibility _naive = null!;
    private EngineShare _share = null!;

    [Params("34", "26")]
    public string Procedure { get; set; } = "34";

    [GlobalSetup]
    public void Setup()
    {
        _services = Repo.RulesServices();
        _evaluator = _services.GetRequiredService<EligibilityEvaluator>();
        _procedure = _services.Procedure(Procedure);
        _naive = new NaiveEligibility(_procedure);

        (string, object?[])[] grid;
        switch (Procedure)
        {
            case "34":
                _handWritten = new HandWritten34(_procedure).Evaluate;
                _facts = Repo.Facts(("age", 85), ("hukouLocal", true));
                grid = Grid34;
                break;
            case "26":
                _handWritten = new HandWritten26(_procedure).Evaluate;
                _facts = Case26;
                grid = Grid26;
                break;
            default:
                throw new InvalidOperationException($"No hand-written limit for {Procedure}.");
        }

        _share = new EngineShare(_procedure, _facts);
        if (_share.Compiled(_facts) != _evaluator.EvaluateAsync(_procedure, _facts, CancellationToken.None).GetAwaiter().GetResult().Decision)
            throw new InvalidOperationException("The compiled-leaves prototype decides otherwise than the project.");

        var compared = LimitCheck.VerifyAsync(_evaluator, _procedure, _handWritten, grid).GetAwaiter().GetResult();
        Console.WriteLine($"// limit check: the hand-written {Procedure} gives the project's answer for {compared} fact sets");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "hand-written (limit)")]
    public EligibilityResult HandWritten() => _handWritten(_facts);

    [Benchmark(Description = "project evaluator")]
    public Task<EligibilityResult> Project() => _evaluator.EvaluateAsync(_procedure, _facts, CancellationToken.None);

    [Benchmark(Description = "naive: new RulesEngine per call")]
    public Task<Decision> Naive() => _naive.EvaluateAsync(_facts, CancellationToken.None);

    [Benchmark(Description = "of which the engine's execution (warm)")]
    public Task<int> EngineOnly() => _share.EngineAsync(CancellationToken.None);

    [Benchmark(Description = "leaves compiled once, no engine (prototype, decision only)")]
    public Decision CompiledLeaves() => _share.Compiled(_facts);

    // A certificate holder of grade 3 from a family that is not on dibao, type not yet given: the
    // living subsidy fails, the care subsidy hangs on the type, so the answer asks for it.
    internal static FactSet Case26 => Repo.Facts(
        ("hasDisabilityCertificate", true), ("assistanceStatus", "none"), ("disabilityGrade", 3));

    private static readonly (string, object?[])[] Grid34 =
    [
        ("age", [null, 0, 79, 80, 85, 101]),
        ("hukouLocal", [null, true, false]),
    ];

    private static readonly (string, object?[])[] Grid26 =
    [
        ("hasDisabilityCertificate", [null, true, false]),
        ("assistanceStatus", [null, "dibao", "tekun", "none"]),
        ("disabilityGrade", [null, 1, 2, 3, 4]),
        ("needsLongTermCare", [null, true, false]),
        ("disabilityType", [null, "intellectual", "mental", "physical"]),
    ];
}
