using System.Net;
using Advisor.Api.Tests.DirectLine;

namespace Advisor.Api.Tests.Pages;

public sealed class PageEndpointsTests : IClassFixture<DirectLineApiFactory>
{
    private readonly DirectLineApiFactory _factory;
    private readonly HttpClient _client;

    public PageEndpointsTests(DirectLineApiFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Theory]
    [InlineData("/", "便民办事助手", "/pages/chat.js")]
    [InlineData("/desk", "办事材料核对", "/pages/desk.js")]
    public async Task Page_Get_ServesHtmlWithItsScriptAndStrictPolicy(string path, string title, string script)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/pages/chat.js", "text/javascript")]
    [InlineData("/pages/chat.css", "text/css")]
    [InlineData("/pages/desk.js", "text/javascript")]
    [InlineData("/pages/desk.css", "text/css")]
    public async Task Asset_Get_ServedWithTypeAndETag(string path, string mediaType)
    {
        using var first = await _client.GetAsync(path);
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(mediaType, first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Asset_Unknown_Returns404()
    {
        using var response = await _client.GetAsync("/pages/nothing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Desk_Configured_ShowsOfficeAndContactLineEncoded()
    {
        using var factory = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Desk:Office", "东村便民服务站<script>");
            b.UseSetting("Desk:ContactLine", "0359-7654321");
        });
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/desk");

        Assert.Contains("data-office=\"东村便民服务站&lt;script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("data-contact-line=\"0359-7654321\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesDirectLine()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/v3/directline/conversations/{conversationId}/activities", document, StringComparison.Ordinal);
        Assert.Contains("/api/directline/token", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/stream", document, StringComparison.Ordinal);
    }
}
