using System.Collections.Frozen;
using Advisor.Rules.Model;

namespace Advisor.Rules.Loading;

/// <summary>
/// The fact names every procedure shares (<c>rules/facts.json</c>), so that one set of facts about a
/// person means the same thing to every procedure.
/// </summary>
public sealed class FactVocabulary
{
    private readonly FrozenDictionary<string, FactDefinition> _facts;

    /// <summary>Creates a vocabulary from its definitions.</summary>
    public FactVocabulary(IEnumerable<FactDefinition> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>Every shared fact.</summary>
    public IEnumerable<FactDefinition> All => _facts.Values;

    /// <summary>The shared definition of a fact, or null.</summary>
    public FactDefinition? Find(string name) => _facts.GetValueOrDefault(name);
}
