using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Advisor.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Advisor.Browser.Tests;

/// <summary>
/// Microsoft's unmodified Web Chat (npm botframework-webchat) on a page of another origin, talking to the
/// service's Direct Line: once polling (webSocket: false), once over the WebSocket stream.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WebChat_AskForMaterialsThenQuickReply_HoldsConversation(bool webSocket)
    {
        var transport = webSocket ? "websocket" : "polling";
        var page = await fixture.NewPageAsync(Screens.DeskWidth, Screens.DeskHeight);
        var requests = RecordRequests(page);
        var token = await GenerateTokenAsync();
        var domain = new Uri(fixture.Service.BaseUri, "/v3/directline").ToString();

        await page.GotoAsync($"{fixture.Pages.BaseUri}webchat.html#token={Uri.EscapeDataString(token)}"
            + $"&domain={Uri.EscapeDataString(domain)}&webSocket={(webSocket ? "true" : "false")}");

        // The welcome, sent when the conversation starts, with its quick replies.
        var botBubbles = page.Locator(".webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content");
        await Assertions.Expect(botBubbles.First).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".webchat__suggested-action").First).ToBeVisibleAsync();

        var input = page.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync("高龄津贴要什么材料");
        await input.PressAsync("Enter");

        var answer = botBubbles.Filter(new LocatorFilterOptions { HasText = "身份证" }).Last;
        await Assertions.Expect(answer).ToBeVisibleAsync();
        var text = await answer.InnerTextAsync();
        Assert.Contains("申请书", text, StringComparison.Ordinal);
        Assert.Contains("一卡通", text, StringComparison.Ordinal);

        // The user's own message got its echo: no "sending" or "send failed" status is left.
        var mine = page.Locator(".webchat__stacked-layout--from-user .webchat__bubble__content");
        await Assertions.Expect(mine.Filter(new LocatorFilterOptions { HasText = "高龄津贴要什么材料" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".webchat__activity-status button")).ToHaveCountAsync(0);

        // Quick replies of the latest bot message work.
        var repliesBefore = await botBubbles.CountAsync();
        var quickReply = page.Locator(".webchat__suggested-action").First;
        var quickText = (await quickReply.InnerTextAsync()).Trim();
        await Screens.SaveAsync(page, $"webchat-{transport}-desk", fullPage: false);
        await quickReply.ClickAsync();

        await Assertions.Expect(mine.Last).ToHaveTextAsync(quickText);
        await Assertions.Expect(botBubbles).Not.ToHaveCountAsync(repliesBefore);
        await Assertions.Expect(page.Locator(".webchat__activity-status button")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(Screens.PhoneWidth, Screens.PhoneHeight);
        await Screens.SaveAsync(page, $"webchat-{transport}-phone", fullPage: false);

        // The chosen transport was used, and nothing was fetched from outside the two loopback hosts.
        var service = fixture.Service.BaseUri.Authority;
        if (webSocket)
            Assert.Contains(requests, r => r.StartsWith($"ws://{service}/v3/directline/conversations/", StringComparison.Ordinal));
        else
            Assert.Contains(requests, r => r.Contains("/activities?watermark=", StringComparison.Ordinal));

        var network = requests.Select(r => new Uri(r)).Where(u => u.Scheme is "http" or "https" or "ws" or "wss");
        Assert.All(network, u => Assert.True(
            u.Authority == service || u.Authority == fixture.Pages.BaseUri.Authority, u.ToString()));
        await page.Context.CloseAsync();
    }

    private async Task<string> GenerateTokenAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.Service.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Service.Secret);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
    }

    internal static List<string> RecordRequests(IPage page)
    {
        var urls = new List<string>();
        page.Request += (_, request) =>
        {
            lock (urls)
                urls.Add(request.Url);
        };
        page.WebSocket += (_, socket) =>
        {
            lock (urls)
                urls.Add(socket.Url);
        };
        return urls;
    }
}
