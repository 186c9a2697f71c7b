namespace Advisor.Bot.Understanding;

/// <summary>What a resident asks for; the names the API reports.</summary>
internal static class Intents
{
    public const string Materials = "materials";
    public const string Steps = "steps";
    public const string NextStep = "nextStep";
    public const string Eligibility = "eligibility";
    public const string Completeness = "completeness";
    public const string Responsible = "responsible";
    public const string Publicity = "publicity";
    public const string Risks = "risks";
    public const string List = "list";
    public const string Help = "help";
    public const string OutOfScope = "outOfScope";

    /// <summary>The bot asks which procedure was meant.</summary>
    public const string Clarify = "clarify";

    /// <summary>The bot did not understand.</summary>
    public const string Unknown = "unknown";

    /// <summary>The greeting of a new conversation.</summary>
    public const string Welcome = "welcome";

    /// <summary>Intents that are about one procedure.</summary>
    public static bool NeedsProcedure(string intent) => intent is Materials or Steps or NextStep or Eligibility
        or Completeness or Responsible or Publicity or Risks;
}
