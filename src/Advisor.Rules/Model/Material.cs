namespace Advisor.Rules.Model;

/// <summary>A document an applicant brings, as the chart lists it.</summary>
public sealed record Material
{
    /// <summary>A kebab-case id, unique in the procedure.</summary>
    public required string Id { get; init; }

    /// <summary>The chart's name, verbatim.</summary>
    public required string Name { get; init; }

    /// <summary>What people call it, and interchangeable documents.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Original, copy or both.</summary>
    public MaterialForm Form { get; init; } = MaterialForm.Original;

    /// <summary>How many copies.</summary>
    public int Copies { get; init; } = 1;

    /// <summary>The counting word (份, 张).</summary>
    public string? Unit { get; init; }

    /// <summary>An expression over facts; absent when the material is always required.</summary>
    public string? Condition { get; init; }

    /// <summary>The condition in Chinese (再婚夫妻).</summary>
    public string? ConditionLabel { get; init; }

    /// <summary>Who provides it.</summary>
    public MaterialSupply Supply { get; init; } = MaterialSupply.Applicant;

    /// <summary>Documents bundled under one numbered item; all are needed.</summary>
    public IReadOnlyList<MaterialPart> Parts { get; init; } = [];

    /// <summary>A remark in Chinese.</summary>
    public string? Note { get; init; }
}

/// <summary>One document of a bundled material.</summary>
/// <param name="Id">A kebab-case id, unique in the material.</param>
/// <param name="Name">The chart's name.</param>
/// <param name="Aliases">What people call it.</param>
/// <param name="Copies">How many.</param>
/// <param name="Unit">The counting word.</param>
public sealed record MaterialPart(
    string Id,
    string Name,
    IReadOnlyList<string>? Aliases = null,
    int Copies = 1,
    string? Unit = null);
