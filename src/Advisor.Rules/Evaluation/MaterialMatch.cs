using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>What a submitted item was recognised as.</summary>
/// <param name="Text">The item as written.</param>
/// <param name="MaterialId">The material it matches.</param>
/// <param name="PartId">The part of a bundled material, when it names one document of the bundle.</param>
/// <param name="Form">The form the item said (原件, 复印件), when it said one.</param>
public sealed record MaterialMatch(string Text, string MaterialId, string? PartId, MaterialForm? Form);
