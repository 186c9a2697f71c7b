namespace Advisor.Api.Hosting;

/// <summary>Where the service finds its rule files.</summary>
public sealed class RulesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rules";

    /// <summary>
    /// The rules folder. Defaults to the copy shipped next to the service; a relative path is read from
    /// the service's base directory.
    /// </summary>
    public string Directory { get; set; } = "rules";

    /// <summary>The absolute folder.</summary>
    public string ResolvedDirectory =>
        Path.IsPathRooted(Directory) ? Directory : Path.Combine(AppContext.BaseDirectory, Directory);
}
