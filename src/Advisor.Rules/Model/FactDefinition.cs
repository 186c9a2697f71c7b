namespace Advisor.Rules.Model;

/// <summary>Something the rules read about an applicant, with the question that asks for it.</summary>
public sealed record FactDefinition
{
    /// <summary>The shared camelCase name (<c>age</c>, <c>maritalStatus</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The value's type.</summary>
    public required FactType Type { get; init; }

    /// <summary>A Chinese label.</summary>
    public required string Label { get; init; }

    /// <summary>The question to ask when the fact is missing.</summary>
    public required string Question { get; init; }

    /// <summary>Lowest accepted value, for numbers.</summary>
    public decimal? Min { get; init; }

    /// <summary>Highest accepted value, for numbers.</summary>
    public decimal? Max { get; init; }

    /// <summary>The allowed values of an enum fact.</summary>
    public IReadOnlyList<EnumValue> Values { get; init; } = [];

    /// <summary>The Chinese label of an enum value, or the value itself.</summary>
    public string LabelOf(string value) =>
        Values.FirstOrDefault(v => v.Value == value)?.Label ?? value;
}

/// <summary>One allowed value of an enum fact.</summary>
/// <param name="Value">The value callers send.</param>
/// <param name="Label">Its Chinese label.</param>
public sealed record EnumValue(string Value, string Label);
