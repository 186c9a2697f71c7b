using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// One rule of a compiled workflow, with what the engine does not track: the facts a leaf reads, the
/// rule's Chinese text, and where it sits in its file.
/// </summary>
internal sealed record RuleNode(
    string Name,
    RuleText? Text,
    bool IsOr,
    IReadOnlyList<string> FactsRead,
    IReadOnlyList<RuleNode> Children,
    string FilePath)
{
    public bool IsLeaf => Children.Count == 0;
}
