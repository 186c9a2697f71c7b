using System.Globalization;
using System.Text;

namespace Advisor.Benchmarks.Report;

/// <summary>
/// <c>report --bdn DIR --load FILE --profiles DIR --run FILE --notes FILE --out FILE</c>: writes
/// docs/benchmarks.md from one run's BenchmarkDotNet results, load results, profiles and run facts
/// (bench/run-all.sh passes them). Every verdict is computed here from the figures; the notes file gives
/// the explanations, and a miss's explanation is printed only when the target is missed.
/// </summary>
internal static class ReportCommand
{
    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            options[args[i].TrimStart('-')] = args[i + 1];

        string[] required = ["bdn", "load", "profiles", "run", "notes", "out"];
        if (required.FirstOrDefault(k => !options.ContainsKey(k)) is { } missing)
        {
            Console.Error.WriteLine($"report: --{missing} is required ({string.Join(", ", required.Select(r => "--" + r))})");
            return 2;
        }

        var writer = new ReportWriter(
            BenchmarkResults.Read(options["bdn"]),
            BenchmarkResults.Host(options["bdn"]),
            LoadResults.Read(options["load"]),
            options["profiles"],
            Facts(options["run"]),
            Sections(options["notes"]));
        File.WriteAllText(options["out"], writer.Write(), new UTF8Encoding(false));
        Console.WriteLine($"report: wrote {options["out"]}");
        return 0;
    }

    // key=value lines written by run-all.sh.
    private static Dictionary<string, string> Facts(string path) =>
        File.ReadLines(path)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    // "## key" headed sections of the notes file.
    private static Dictionary<string, string> Sections(string path)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var text = new StringBuilder();
        foreach (var line in File.ReadLines(path).Append("## end"))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (key is not null)
                    sections[key] = text.ToString().Trim();

                key = line[3..].Trim();
                text.Clear();
            }
            else if (key is not null)
            {
                text.AppendLine(line);
            }
        }

        return sections;
    }
}

internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e6 => string.Format(Invariant, "{0:0.00} ms", nanoseconds / 1e6),
        >= 1e3 => string.Format(Invariant, "{0:0.00} µs", nanoseconds / 1e3),
        _ => string.Format(Invariant, "{0:0} ns", nanoseconds),
    };

    public static string Micro(double microseconds) => Time(microseconds * 1000);

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "–",
        >= 1024 => string.Format(Invariant, "{0:0.0} KB", bytes / 1024.0),
        _ => string.Format(Invariant, "{0} B", bytes),
    };

    public static string Ratio(double ratio) => ratio >= 100
        ? string.Format(Invariant, "{0:0}×", ratio)
        : string.Format(Invariant, "{0:0.0}×", ratio);

    public static string Number(double value, string format = "0") => value.ToString(format, Invariant);

    public static string Verdict(bool met) => met ? "**met**" : "**missed**";
}
