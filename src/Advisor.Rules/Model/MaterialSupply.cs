namespace Advisor.Rules.Model;

/// <summary>Who provides a material.</summary>
public enum MaterialSupply
{
    /// <summary>The applicant brings it.</summary>
    Applicant,

    /// <summary>The village committee issues or signs it.</summary>
    Office,

    /// <summary>Needed only when staff ask for it (其他需要提供的证明材料).</summary>
    OnRequest,
}
