using System.Collections.Frozen;
using RulesEngine.Models;

namespace Advisor.Rules.Evaluation;

/// <summary>
/// What is known about an applicant: fact names with typed values (<see cref="int"/>,
/// <see cref="decimal"/>, <see cref="bool"/>, or the <see cref="string"/> value of an enum). A fact that
/// is absent is unknown, which is never the same as false.
/// </summary>
public sealed class FactSet
{
    private readonly FrozenDictionary<string, object> _values;

    // The engine's input for each known fact, made on first use and shared by every evaluation of this
    // set: screening passes one set to every procedure, and making a RuleParameter (a LINQ parameter
    // expression, its type checked by reflection) per fact per procedure was most of its time. Two threads
    // may both build it; either result is the same, so the race is harmless.
    private Dictionary<string, RuleParameter>? _inputs;

    private FactSet(FrozenDictionary<string, object> values)
    {
        _values = values;
    }

    /// <summary>No facts at all.</summary>
    public static FactSet Empty { get; } = new(FrozenDictionary<string, object>.Empty);

    /// <summary>The names of the known facts.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>How many facts are known.</summary>
    public int Count => _values.Count;

    /// <summary>Creates a set from typed values; null values are left out (unknown).</summary>
    public static FactSet Create(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        var known = values
            .Where(pair => pair.Value is not null)
            .ToFrozenDictionary(pair => pair.Key, pair => Normalize(pair.Key, pair.Value!), StringComparer.Ordinal);
        return new FactSet(known);
    }

    /// <summary>Whether the fact is known.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The fact's value, when known.</summary>
    public bool TryGet(string name, out object? value)
    {
        var found = _values.TryGetValue(name, out var stored);
        value = stored;
        return found;
    }

    /// <summary>The engine's input for a known fact, or null when the fact is unknown.</summary>
    internal RuleParameter? Input(string name)
    {
        var inputs = _inputs ??= _values.ToDictionary(
            pair => pair.Key, pair => new RuleParameter(pair.Key, pair.Value), StringComparer.Ordinal);
        return inputs.GetValueOrDefault(name);
    }

    /// <summary>A copy with one fact set (or removed, when the value is null).</summary>
    public FactSet With(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var copy = _values.ToDictionary(pair => pair.Key, pair => (object?)pair.Value, StringComparer.Ordinal);
        copy[name] = value;
        return Create(copy);
    }

    /// <summary>A copy with the other set's facts added over these.</summary>
    public FactSet Merge(FactSet other)
    {
        ArgumentNullException.ThrowIfNull(other);

        var copy = _values.ToDictionary(pair => pair.Key, pair => (object?)pair.Value, StringComparer.Ordinal);
        foreach (var (name, value) in other._values)
            copy[name] = value;

        return Create(copy);
    }

    /// <summary>The facts as a dictionary, for answers that echo them.</summary>
    public IReadOnlyDictionary<string, object> AsDictionary() => _values;

    // Integers of any width become int and other numbers decimal, so expressions compile once per shape.
    private static object Normalize(string name, object value) => value switch
    {
        int or bool or string or decimal => value,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        short s => (int)s,
        byte b => (int)b,
        double d => (decimal)d,
        float f => (decimal)f,
        _ => throw new ArgumentException(
            $"Fact '{name}' has a value of type {value.GetType().Name}; use int, decimal, bool or string.",
            nameof(value)),
    };
}
