namespace Advisor.Rules.Model;

/// <summary>What a step of the flow is.</summary>
public enum StepKind
{
    /// <summary>Work someone does.</summary>
    Task,

    /// <summary>A yes/no decision.</summary>
    Decision,

    /// <summary>A notice posted for a minimum time.</summary>
    Publicity,

    /// <summary>The end of the flow.</summary>
    End,
}

/// <summary>How a publicity's days are counted.</summary>
public enum DayUnit
{
    /// <summary>Calendar days.</summary>
    Calendar,

    /// <summary>Working days on China's official calendar.</summary>
    Working,
}
