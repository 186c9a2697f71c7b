using Advisor.Bot;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Advisor.Api.Tests.DirectLine;

/// <summary>The service in memory, with the fake bot, a manual clock and a known secret.</summary>
public sealed class DirectLineApiFactory : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret-for-direct-line";
    public const string PortalOrigin = "https://portal.example.cn";

    internal FakeChatBot Bot { get; } = new();

    internal ManualTimeProvider Clock { get; } = new();

    internal CapturingLoggerProvider Logs { get; } = new();

    /// <summary>How many resident-page tokens one address may take per minute.</summary>
    public int TokenRequestsPerMinute { get; init; } = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DirectLine:Secret", Secret);
        builder.UseSetting("DirectLine:AllowedOrigins:0", PortalOrigin);
        builder.UseSetting("DirectLine:TokenRequestsPerMinute", TokenRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IChatBot>(Bot);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
