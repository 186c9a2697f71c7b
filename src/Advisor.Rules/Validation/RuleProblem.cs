namespace Advisor.Rules.Validation;

/// <summary>One thing wrong with a rule file: where it is and how to fix it.</summary>
/// <param name="File">The file, relative to the rules folder.</param>
/// <param name="Path">The JSON path inside the file (<c>$.steps[2].next[0]</c>).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record RuleProblem(string File, string Path, string Message, string Fix)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} {Path}: {Message} Fix: {Fix}";
}
