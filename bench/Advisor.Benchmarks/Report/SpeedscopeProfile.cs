using System.Text.Json;

namespace Advisor.Benchmarks.Report;

/// <summary>
/// Reads a dotnet-trace sampled-thread-time profile exported as speedscope JSON and gives, for the time
/// spent inside the <c>profile</c> loop only (set-up excluded), the share of that time each method was
/// on the stack (inclusive).
/// </summary>
internal static class SpeedscopeProfile
{
    private const string Loop = "ProfileCommand+<RunAsync>";

    private static readonly string[] Scaffolding =
    [
        "Program", "ProfileCommand", "AsyncMethodBuilderCore", "AsyncTaskMethodBuilder", "AsyncValueTaskMethodBuilder",
        "Thread (", "Threads", "(Non-Activities)", "Process64", "CPU_TIME", "UNMANAGED_CODE_TIME", "PollGC", "?!?",
        "Missing Symbol", "ExecutionContext", "Task`1", "ValueTask`1",
    ];

    public static IReadOnlyList<(string Method, double Share)> Top(string path, int count)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var frames = root.GetProperty("shared").GetProperty("frames").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
        var inclusive = new double[frames.Length];
        var loop = 0.0;

        foreach (var profile in root.GetProperty("profiles").EnumerateArray())
        {
            var stack = new List<int>();
            double? last = null;
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                if (last is { } previous && stack.Count > 0 && InLoop(stack, frames))
                {
                    var span = at - previous;
                    loop += span;
                    foreach (var frame in stack.Distinct())
                        inclusive[frame] += span;
                }

                last = at;
                if (e.GetProperty("type").GetString() == "O")
                    stack.Add(e.GetProperty("frame").GetInt32());
                else if (stack.Count > 0)
                    stack.RemoveAt(stack.Count - 1);
            }
        }

        if (loop <= 0)
            return [];

        return [.. Enumerable.Range(0, frames.Length)
            .Where(i => inclusive[i] > 0 && !Scaffolding.Any(s => frames[i].Contains(s, StringComparison.Ordinal)))
            .GroupBy(i => Shorten(frames[i]))
            .Select(g => (Method: g.Key, Share: g.Max(i => inclusive[i]) / loop))
            .OrderByDescending(x => x.Share)
            .Take(count)];
    }

    private static bool InLoop(List<int> stack, string[] frames)
    {
        var inLoop = false;
        foreach (var frame in stack)
        {
            var name = frames[frame];
            if (name.Contains(Loop, StringComparison.Ordinal))
                inLoop = true;
            else if (name.Contains(".Setup()", StringComparison.Ordinal) || name.Contains("ServiceProvider", StringComparison.Ordinal))
                return false;
        }

        return inLoop;
    }

    // "Advisor.Rules!Advisor.Rules.Evaluation.FactSet.Input(class System.String)" -> "FactSet.Input (Advisor.Rules)"
    private static string Shorten(string frame)
    {
        var bang = frame.IndexOf('!', StringComparison.Ordinal);
        var module = bang > 0 ? frame[..bang] : string.Empty;
        var name = bang > 0 ? frame[(bang + 1)..] : frame;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
            name = name[..paren];

        var parts = WithoutTypeArguments(name).Split('.');
        var shortName = parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : name;
        return module.Length > 0 ? $"{shortName} ({module})" : shortName;
    }

    // HashSet`1[System.__Canon].Resize -> HashSet`1.Resize
    private static string WithoutTypeArguments(string name)
    {
        var text = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '[')
                depth++;
            else if (c == ']')
                depth--;
            else if (depth == 0)
                text.Append(c);
        }

        return text.ToString();
    }
}
