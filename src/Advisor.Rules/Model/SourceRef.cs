namespace Advisor.Rules.Model;

/// <summary>Where in the seed document a procedure comes from.</summary>
/// <param name="File">The seed file name.</param>
/// <param name="Lines">First and last line, inclusive.</param>
/// <param name="Note">How unclear text of the drawing was read.</param>
public sealed record SourceRef(string File, IReadOnlyList<int> Lines, string? Note = null);
