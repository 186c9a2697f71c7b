namespace Advisor.Browser.Tests.Support;

/// <summary>Folders of the test project in the source tree.</summary>
internal static class TestPaths
{
    /// <summary>tests/Advisor.Browser.Tests, found from the test's output folder.</summary>
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    /// <summary>Where the screenshots go (git-ignored).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(ProjectDirectory, "screenshots")).FullName;

    /// <summary>The test page that hosts Web Chat.</summary>
    public static string WebFolder => Path.Combine(ProjectDirectory, "web");

    /// <summary>The unmodified Web Chat bundle, installed from npm by tests/setup.sh.</summary>
    public static string WebChatBundle =>
        Path.Combine(WebFolder, "node_modules", "botframework-webchat", "dist", "webchat.js");

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Advisor.Browser.Tests.csproj")))
                return dir.FullName;
        }

        throw new InvalidOperationException(
            $"Advisor.Browser.Tests.csproj not found above {AppContext.BaseDirectory}; run the tests from the source tree.");
    }
}
