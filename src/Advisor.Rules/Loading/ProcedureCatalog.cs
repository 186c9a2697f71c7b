using System.Collections.Frozen;
using Advisor.Rules.Model;

namespace Advisor.Rules.Loading;

/// <summary>Every procedure, loaded once at start-up and never changed afterwards.</summary>
public sealed class ProcedureCatalog
{
    private readonly FrozenDictionary<string, Procedure> _byId;

    /// <summary>Creates a catalog; procedures keep the order given (the seed's order).</summary>
    public ProcedureCatalog(IEnumerable<Procedure> procedures, FactVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(vocabulary);

        Procedures = [.. procedures.OrderBy(p => p.Id, StringComparer.Ordinal)];
        _byId = Procedures.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        Vocabulary = vocabulary;
        Categories = [.. Procedures.GroupBy(p => p.Category).Select(g => new Category(g.Key, g.Count()))];
    }

    /// <summary>Every procedure, ordered by id.</summary>
    public IReadOnlyList<Procedure> Procedures { get; }

    /// <summary>The categories, in the order they first appear, with how many procedures each has.</summary>
    public IReadOnlyList<Category> Categories { get; }

    /// <summary>The shared fact vocabulary.</summary>
    public FactVocabulary Vocabulary { get; }

    /// <summary>The procedure with the given id, or null.</summary>
    public Procedure? Find(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>A category of procedures.</summary>
/// <param name="Name">The chart's category text.</param>
/// <param name="Count">How many procedures it has.</param>
public sealed record Category(string Name, int Count);
