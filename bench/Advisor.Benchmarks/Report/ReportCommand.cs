namespace Advisor.Benchmarks.Report;

internal static class ReportCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine($"report: not yet ({args.Length} arguments)");
        return 1;
    }
}
