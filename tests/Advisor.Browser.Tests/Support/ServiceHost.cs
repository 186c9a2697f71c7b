using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Browser.Tests.Support;

/// <summary>
/// The real service (Program, its configuration and its rules) on Kestrel at a free loopback port, so that
/// Chromium can reach it. Only the settings the tests need are set: a Direct Line secret and the origin
/// of the page that embeds Web Chat.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    private readonly string _embeddingOrigin;

    public ServiceHost(string embeddingOrigin)
    {
        _embeddingOrigin = embeddingOrigin;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The secret a server uses to get Direct Line tokens.</summary>
    public string Secret { get; } = "browser-tests-" + Guid.NewGuid().ToString("N");

    /// <summary>The service's root, e.g. http://127.0.0.1:40123.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUri = new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DirectLine:Secret", Secret);
        builder.UseSetting("DirectLine:AllowedOrigins:0", _embeddingOrigin);
        builder.UseSetting("DirectLine:TokenRequestsPerMinute", "1000");
        builder.UseSetting("Desk:Office", "测试村便民服务站");
        builder.UseSetting("Desk:ContactLine", "0359-1234567");
        builder.UseSetting("Desk:Address", "村委会一楼");
    }
}
