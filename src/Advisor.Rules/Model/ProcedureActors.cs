namespace Advisor.Rules.Model;

/// <summary>The bodies a chart names, exactly as printed.</summary>
/// <param name="Implementing">实施主体.</param>
/// <param name="Cooperating">配合单位.</param>
/// <param name="Supervising">监督主体.</param>
public sealed record ProcedureActors(
    IReadOnlyList<string> Implementing,
    IReadOnlyList<string> Cooperating,
    IReadOnlyList<string> Supervising)
{
    /// <summary>The bodies that handle the procedure: implementing ones, else cooperating ones.</summary>
    public IReadOnlyList<string> Handling => Implementing.Count > 0 ? Implementing : Cooperating;
}
