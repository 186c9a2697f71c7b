namespace Advisor.Rules.Model;

/// <summary>Whether a material is brought as the original, a copy, or both.</summary>
public enum MaterialForm
{
    /// <summary>原件.</summary>
    Original,

    /// <summary>复印件.</summary>
    Copy,

    /// <summary>原件及复印件.</summary>
    OriginalAndCopy,
}
