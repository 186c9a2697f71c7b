namespace Advisor.Rules.Evaluation;

/// <summary>One fact that could not be read: which one and what was expected.</summary>
/// <param name="Field">The path of the field (<c>facts.age</c>).</param>
/// <param name="Message">What was wrong and what is expected, in Chinese and English.</param>
public sealed record FactError(string Field, string Message);

/// <summary>Thrown when facts are malformed; lists every bad fact, not just the first.</summary>
public sealed class FactValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FactValidationException(IReadOnlyList<FactError> errors)
        : base(string.Join("; ", (errors ?? []).Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors ?? [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<FactError> Errors { get; }
}
