using System.Text.Json;

namespace Advisor.Benchmarks.Report;

/// <summary>One wrk step from bench/load.sh (latencies in microseconds).</summary>
internal sealed record LoadStep(
    string Name, int Round, int Connections, int DelayMs, double Seconds, long Requests,
    long Connect, long Read, long Write, long Status, long Timeout,
    double Mean, long P50, long P90, long P99, long P999, long Max)
{
    public double Rps => Requests / Seconds;

    public long Errors => Connect + Read + Write + Timeout;
}

internal sealed record ColdStart(string Build, int Attempt, long Ms, long CpuMs);

internal sealed record MemoryPoint(string Point, long RssKb, long PeakKb);

internal sealed record Pacing(string Name, long TargetRps, int Connections);

internal sealed class LoadResults
{
    public List<LoadStep> Steps { get; } = [];

    public List<ColdStart> Starts { get; } = [];

    public List<MemoryPoint> Memory { get; } = [];

    public List<Pacing> Pacings { get; } = [];

    public List<(string Name, string Reason)> Skipped { get; } = [];

    public static LoadResults Read(string path)
    {
        var results = new LoadResults();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var r = document.RootElement;
            switch (r.GetProperty("kind").GetString())
            {
                case "wrk":
                    var e = r.GetProperty("errors");
                    var l = r.GetProperty("latencyUs");
                    results.Steps.Add(new LoadStep(
                        r.GetProperty("name").GetString()!, r.GetProperty("round").GetInt32(),
                        r.GetProperty("connections").GetInt32(), r.GetProperty("delayMs").GetInt32(),
                        r.GetProperty("durationUs").GetInt64() / 1e6, r.GetProperty("requests").GetInt64(),
                        e.GetProperty("connect").GetInt64(), e.GetProperty("read").GetInt64(),
                        e.GetProperty("write").GetInt64(), e.GetProperty("status").GetInt64(),
                        e.GetProperty("timeout").GetInt64(), l.GetProperty("mean").GetDouble(),
                        l.GetProperty("p50").GetInt64(), l.GetProperty("p90").GetInt64(), l.GetProperty("p99").GetInt64(),
                        l.GetProperty("p999").GetInt64(), l.GetProperty("max").GetInt64()));
                    break;
                case "coldStart":
                    results.Starts.Add(new ColdStart(r.GetProperty("build").GetString()!, r.GetProperty("attempt").GetInt32(),
                        r.GetProperty("ms").GetInt64(), r.GetProperty("cpuMs").GetInt64()));
                    break;
                case "memory":
                    results.Memory.Add(new MemoryPoint(r.GetProperty("point").GetString()!,
                        r.GetProperty("rssKb").GetInt64(), r.GetProperty("peakKb").GetInt64()));
                    break;
                case "pacing":
                    results.Pacings.Add(new Pacing(r.GetProperty("name").GetString()!,
                        r.GetProperty("targetRps").GetInt64(), r.GetProperty("connections").GetInt32()));
                    break;
                case "skipped":
                    results.Skipped.Add((r.GetProperty("name").GetString()!, r.GetProperty("reason").GetString()!));
                    break;
            }
        }

        return results;
    }
}
