using Advisor.Benchmarks;
using Advisor.Benchmarks.Report;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// bench/run-all.sh runs the benchmarks, then `report` turns their results and the load's into
// docs/benchmarks.md. Any other arguments go to BenchmarkDotNet (--filter, --list flat, --job dry...).
if (args is ["report", .. var reportArgs])
    return ReportCommand.Run(reportArgs);

if (args is ["profile", .. var profileArgs])
    return await ProfileCommand.RunAsync(profileArgs);

// Short runs: one process per benchmark, 3 warm-up and 7 measured iterations of about 500 ms, so the
// whole set takes minutes. The median and the 95th percentile are shown beside the mean.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(7)
        .WithId("Short"))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .AddExporter(JsonExporter.Full)
    .AddFilter(new SimpleFilter(b => b.Descriptor.Type != typeof(BotTurnBenchmarks) || BotHost.IsAvailable))
    .WithOption(ConfigOptions.JoinSummary, true);

if (!BotHost.IsAvailable)
    Console.WriteLine("The bot is not in this build (no AddAdvisorBot): the bot-turn benchmark is left out.");

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
