using Microsoft.Playwright;

namespace Advisor.Browser.Tests.Support;

/// <summary>Page sizes and the screenshots saved by each run (tests/Advisor.Browser.Tests/screenshots).</summary>
internal static class Screens
{
    public const int PhoneWidth = 375;
    public const int PhoneHeight = 740;
    public const int DeskWidth = 1366;
    public const int DeskHeight = 900;

    public static Task SaveAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(TestPaths.Screenshots, name + ".png"),
            FullPage = fullPage,
        });

    /// <summary>Fails when something on the page is wider than the viewport (text cut off or a sideways scroll).</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the viewport");
    }
}
