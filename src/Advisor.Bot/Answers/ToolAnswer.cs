namespace Advisor.Bot.Answers;

/// <summary>
/// What a bot function returns: the reply text composed from the rules services, the procedure and
/// intent it is about, and quick replies. A model sees it as JSON; the deterministic route shows it as is.
/// </summary>
/// <param name="ProcedureId">The procedure, or empty.</param>
/// <param name="Intent">What was answered.</param>
/// <param name="Text">The answer in Chinese, plain text with line breaks.</param>
/// <param name="SuggestedActions">Quick replies for the likely next questions.</param>
public sealed record ToolAnswer(
    string ProcedureId,
    string Intent,
    string Text,
    IReadOnlyList<string> SuggestedActions)
{
    /// <summary>The fact the answer asks about, when it ends with a question.</summary>
    public string? AskedFact { get; init; }

    /// <summary>The step the answer leaves the applicant at, for 「下一步呢」.</summary>
    public string? StepId { get; init; }
}
