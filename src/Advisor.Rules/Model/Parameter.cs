using System.Text.Json;

namespace Advisor.Rules.Model;

/// <summary>A threshold the rules read, with where its value comes from.</summary>
public sealed record Parameter
{
    /// <summary>The name expressions use.</summary>
    public required string Name { get; init; }

    /// <summary>A Chinese label.</summary>
    public string? Label { get; init; }

    /// <summary>The value: a number, a string or a boolean.</summary>
    public required JsonElement Value { get; init; }

    /// <summary>The unit (周岁, 元/月).</summary>
    public string? Unit { get; init; }

    /// <summary>The seed, law or notice the value comes from.</summary>
    public required string Source { get; init; }

    /// <summary>True when the seed does not state the value and the district must confirm it.</summary>
    public bool Confirm { get; init; }
}
