using System.Text.Json;

namespace Advisor.Benchmarks.Report;

/// <summary>One benchmark's figures from BenchmarkDotNet's full JSON export (times in nanoseconds).</summary>
internal sealed record BenchmarkFigure(
    string Type, string Method, string Title, string Parameters, double Mean, double Median, double P95,
    double StdDev, long? Allocated, int Iterations);

internal static class BenchmarkResults
{
    /// <summary>Every benchmark of every full JSON report in the folder.</summary>
    public static IReadOnlyList<BenchmarkFigure> Read(string directory)
    {
        var figures = new List<BenchmarkFigure>();
        foreach (var path in Directory.EnumerateFiles(directory, "*-report-full.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var b in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!b.TryGetProperty("Statistics", out var s) || s.ValueKind != JsonValueKind.Object)
                    continue;

                long? allocated = b.TryGetProperty("Memory", out var m) && m.ValueKind == JsonValueKind.Object
                    ? m.GetProperty("BytesAllocatedPerOperation").GetInt64()
                    : null;
                figures.Add(new BenchmarkFigure(
                    b.GetProperty("Type").GetString()!,
                    b.GetProperty("Method").GetString()!,
                    b.GetProperty("MethodTitle").GetString()!.Trim('\''),
                    b.GetProperty("Parameters").GetString() ?? string.Empty,
                    s.GetProperty("Mean").GetDouble(),
                    s.GetProperty("Median").GetDouble(),
                    s.GetProperty("Percentiles").GetProperty("P95").GetDouble(),
                    s.GetProperty("StandardDeviation").GetDouble(),
                    allocated,
                    s.GetProperty("N").GetInt32()));
            }
        }

        return figures;
    }

    /// <summary>The host BenchmarkDotNet describes (processor, runtime, SDK).</summary>
    public static JsonElement? Host(string directory)
    {
        var path = Directory.EnumerateFiles(directory, "*-report-full.json").FirstOrDefault();
        if (path is null)
            return null;

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("HostEnvironmentInfo").Clone();
    }
}
