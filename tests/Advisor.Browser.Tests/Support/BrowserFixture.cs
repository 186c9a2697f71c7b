using Microsoft.Playwright;

namespace Advisor.Browser.Tests.Support;

/// <summary>
/// One service, one Web Chat page host and one headless Chromium for all browser tests. Chromium is
/// Debian's (/usr/bin/chromium, or CHROMIUM_PATH); Playwright never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    private WebChatPageHost? _pages;
    private IPlaywright? _playwright;

    public ServiceHost Service { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    internal WebChatPageHost Pages => _pages!;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}. Run `bash tests/setup.sh` first.");

        _pages = await WebChatPageHost.StartAsync();
        Service = new ServiceHost(_pages.Origin);
        Service.Start();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own storage) with a page of the given size.</summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool isMobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = isMobile ? 2 : 1,
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();

        _playwright?.Dispose();
        if (Service is not null)
            await Service.DisposeAsync();

        if (_pages is not null)
            await _pages.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
