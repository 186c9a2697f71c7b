namespace Advisor.Rules.Evaluation;

/// <summary>Three-valued truth (Kleene): a criterion that reads a missing fact is unknown.</summary>
public enum Truth
{
    /// <summary>The criterion holds.</summary>
    True,

    /// <summary>The criterion fails.</summary>
    False,

    /// <summary>A fact the criterion reads is missing.</summary>
    Unknown,
}

/// <summary>Kleene's connectives: false decides an and, true decides an or, whatever else is unknown.</summary>
public static class TruthLogic
{
    /// <summary>All must hold.</summary>
    public static Truth And(IEnumerable<Truth> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        var result = Truth.True;
        foreach (var value in values)
        {
            if (value == Truth.False)
                return Truth.False;

            if (value == Truth.Unknown)
                result = Truth.Unknown;
        }

        return result;
    }

    /// <summary>One must hold.</summary>
    public static Truth Or(IEnumerable<Truth> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        var result = Truth.False;
        foreach (var value in values)
        {
            if (value == Truth.True)
                return Truth.True;

            if (value == Truth.Unknown)
                result = Truth.Unknown;
        }

        return result;
    }
}
