using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Advisor.Browser.Tests.Support;

/// <summary>
/// A static site on another loopback port (so another origin, as a township portal would be) serving the
/// Web Chat test page and the unmodified Web Chat bundle from npm. Nothing comes from a CDN.
/// </summary>
internal sealed class WebChatPageHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebChatPageHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Origin => BaseUri.GetLeftPart(UriPartial.Authority);

    public static async Task<WebChatPageHost> StartAsync()
    {
        if (!File.Exists(TestPaths.WebChatBundle))
            throw new InvalidOperationException(
                $"The Web Chat bundle is missing ({TestPaths.WebChatBundle}). Run `bash tests/setup.sh` first.");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/webchat.html", () => Results.File(Path.Combine(TestPaths.WebFolder, "webchat.html"), "text/html; charset=utf-8"));
        app.MapGet("/webchat-test.js", () => Results.File(Path.Combine(TestPaths.WebFolder, "webchat-test.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/webchat.js", () => Results.File(TestPaths.WebChatBundle, "text/javascript; charset=utf-8"));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebChatPageHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
