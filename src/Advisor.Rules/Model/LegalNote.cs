namespace Advisor.Rules.Model;

/// <summary>A change in the law that the chart does not show yet.</summary>
/// <param name="Text">What changed, in Chinese.</param>
/// <param name="Source">The law or notice that changed it.</param>
public sealed record LegalNote(string Text, string Source);
