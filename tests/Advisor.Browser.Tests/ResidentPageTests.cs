using Advisor.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Advisor.Browser.Tests;

/// <summary>The resident chat page <c>/</c>, on a phone-sized screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task ResidentPage_AskForMaterialsThenQuickReply_AnswersFromRules(string transport)
    {
        var page = await fixture.NewPageAsync(Screens.PhoneWidth, Screens.PhoneHeight, isMobile: true);
        if (transport == "polling")
            await page.AddInitScriptAsync("delete window.WebSocket;");
        var requests = WebChatTests.RecordRequests(page);

        await page.GotoAsync(fixture.Service.BaseUri.ToString());

        var bot = page.Locator(".msg.bot .bubble");
        await Assertions.Expect(bot.First).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#quick button").First).ToBeVisibleAsync();
        await Screens.SaveAsync(page, $"resident-{transport}-welcome-phone", fullPage: false);

        await page.Locator("#text").FillAsync("高龄津贴要什么材料");
        await page.Locator("#text").PressAsync("Enter");

        // Materials come in one reply (一次性告知), straight from rules/34.json.
        var answer = bot.Filter(new LocatorFilterOptions { HasText = "身份证" }).Last;
        await Assertions.Expect(answer).ToBeVisibleAsync();
        var text = await answer.InnerTextAsync();
        Assert.Contains("申请书", text, StringComparison.Ordinal);
        Assert.Contains("一卡通", text, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".msg.user.pending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".msg.user.failed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#quick button").First).ToBeVisibleAsync();
        await Screens.AssertNoHorizontalOverflowAsync(page);
        await Screens.SaveAsync(page, $"resident-{transport}-answer-phone", fullPage: false);

        var botCount = await bot.CountAsync();
        var quickReply = page.Locator("#quick button").First;
        var quickText = (await quickReply.InnerTextAsync()).Trim();
        await quickReply.ClickAsync();

        await Assertions.Expect(page.Locator(".msg.user .bubble").Last).ToHaveTextAsync(quickText);
        await Assertions.Expect(bot).Not.ToHaveCountAsync(botCount);
        await Assertions.Expect(page.Locator(".msg.user.pending")).ToHaveCountAsync(0);
        await Screens.AssertNoHorizontalOverflowAsync(page);
        await Screens.SaveAsync(page, $"resident-{transport}-quick-reply-phone", fullPage: false);

        if (transport == "polling")
            Assert.Contains(requests, r => r.Contains("/activities?watermark=", StringComparison.Ordinal));
        else
            Assert.Contains(requests, r => r.StartsWith("ws://", StringComparison.Ordinal));

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ResidentPage_Load_FetchesOnlySmallSameOriginFiles()
    {
        var page = await fixture.NewPageAsync(Screens.DeskWidth, Screens.DeskHeight);
        var sizes = new List<(string Url, int Bytes)>();
        page.Response += async (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "script" or "stylesheet")
            {
                var body = await response.BodyAsync();
                lock (sizes)
                    sizes.Add((response.Url, body.Length));
            }
        };

        await page.GotoAsync(fixture.Service.BaseUri.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator(".msg.bot .bubble").First).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "resident-desk", fullPage: false);

        Assert.Equal(3, sizes.Count);
        Assert.All(sizes, s => Assert.Equal(fixture.Service.BaseUri.Authority, new Uri(s.Url).Authority));
        Assert.True(sizes.Sum(s => s.Bytes) < 60_000, string.Join(", ", sizes));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ResidentPage_Reload_KeepsTheConversation()
    {
        var page = await fixture.NewPageAsync(Screens.PhoneWidth, Screens.PhoneHeight, isMobile: true);
        await page.GotoAsync(fixture.Service.BaseUri.ToString());
        await Assertions.Expect(page.Locator(".msg.bot .bubble").First).ToBeVisibleAsync();
        await page.Locator("#text").FillAsync("高龄津贴要什么材料");
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator(".msg.bot .bubble").Filter(new LocatorFilterOptions { HasText = "身份证" }).Last).ToBeVisibleAsync();

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator(".msg.user .bubble").Filter(new LocatorFilterOptions { HasText = "高龄津贴要什么材料" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".msg.bot .bubble").Filter(new LocatorFilterOptions { HasText = "身份证" }).Last).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
