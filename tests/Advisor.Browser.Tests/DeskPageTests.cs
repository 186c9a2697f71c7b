using Advisor.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Advisor.Browser.Tests;

/// <summary>The front-desk checklist page <c>/desk</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskPageTests(BrowserFixture fixture)
{
    // Items 1–9 of chart 44b; the remark's materials (离婚证 and the others) depend on facts.
    private static readonly string[] BaseMaterials =
    [
        "application-form", "written-application", "hukou-copy", "marriage-cert", "photos",
        "birth-service-cert", "village-marriage-birth-proof", "two-place-marriage-birth-proof", "other-proof",
    ];

    [Theory]
    [InlineData("desk", Screens.DeskWidth, Screens.DeskHeight)]
    [InlineData("phone", Screens.PhoneWidth, Screens.PhoneHeight)]
    public async Task Desk_RemarriedCoupleWithBaseMaterials_DivorceCertificateMissingAndPrinted(string size, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height, isMobile: size == "phone");
        await page.GotoAsync(new Uri(fixture.Service.BaseUri, "/desk").ToString());

        await page.Locator("#search").FillAsync("再生育");
        await page.Locator("#results button[data-id='44b']").ClickAsync();
        await Assertions.Expect(page.Locator("#title")).ToContainTextAsync("再生育");

        // The facts offered are those the materials' conditions read, found in the procedure itself.
        var marital = page.Locator("fieldset[data-fact=maritalStatus]");
        await Assertions.Expect(marital).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("fieldset[data-fact=childrenCount]")).ToHaveCountAsync(0);
        await marital.GetByLabel("再婚").CheckAsync();
        await Assertions.Expect(page.Locator("#materials li[data-id=divorce-papers]")).ToBeVisibleAsync();

        foreach (var id in BaseMaterials)
            await page.Locator($"#materials input[data-material='{id}']").CheckAsync();

        var missing = page.Locator("#missing li");
        await Assertions.Expect(missing.Filter(new LocatorFilterOptions { HasText = "离婚证" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#missing li[data-material=divorce-papers]")).ToHaveCountAsync(1);
        foreach (var id in BaseMaterials)
            await Assertions.Expect(page.Locator($"#missing li[data-material='{id}']")).ToHaveCountAsync(0);

        await page.Locator("#flow li[data-step=complete] button").ClickAsync();
        await Assertions.Expect(page.Locator("#next")).ToContainTextAsync("是否齐全");
        await Assertions.Expect(page.Locator("#risks")).ToContainTextAsync("初审时放宽条件把关不严");
        await Screens.AssertNoHorizontalOverflowAsync(page);
        await Screens.SaveAsync(page, $"desk-44b-remarried-{size}");

        // The village's own certificate, not brought: the notice says the village issues it.
        await page.Locator("#materials input[data-material='village-marriage-birth-proof']").UncheckAsync();
        await Assertions.Expect(page.Locator("#missing li[data-material='village-marriage-birth-proof']")).ToHaveCountAsync(1);

        // The print view: only the one-time notice, worded as the API's notice for the same facts and
        // materials: the missing papers with their remarks, the conditional ones, where to go.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var notice = page.Locator("#notice");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main.desk")).ToBeHiddenAsync();
        await Assertions.Expect(notice).ToContainTextAsync("离婚证");
        await Assertions.Expect(notice).ToContainTextAsync("计划生育（再生育家庭初审核实）（编号 44b）");
        await Assertions.Expect(page.Locator("#n-missing li").Filter(new LocatorFilterOptions { HasText = "婚育情况证明" }))
            .ToHaveTextAsync("村（社区）出具的婚育情况证明（原件1份，由村（居）委会出具）——本事项必备材料");
        await Assertions.Expect(page.Locator("#n-conditional-lead")).ToHaveTextAsync("以下材料视您的情况需要：");
        await Assertions.Expect(page.Locator("#n-conditional li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#n-conditional")).ToContainTextAsync("残疾儿鉴定表（原件2份）：残疾儿再生育服务的");
        await Assertions.Expect(page.Locator("#n-closing")).ToHaveTextAsync("请备齐后到村（居）民委员会办理。");
        await Assertions.Expect(notice).ToContainTextAsync("测试村便民服务站");
        await Assertions.Expect(notice).ToContainTextAsync("0359-1234567");
        await Screens.SaveAsync(page, $"desk-44b-notice-print-{size}");
        if (size == "desk")
            await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(TestPaths.Screenshots, "desk-44b-notice.pdf"), Format = "A4" });

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Desk_SearchByAlias_FindsProcedure()
    {
        var page = await fixture.NewPageAsync(Screens.DeskWidth, Screens.DeskHeight);
        await page.GotoAsync(new Uri(fixture.Service.BaseUri, "/desk").ToString());

        await page.Locator("#search").FillAsync("高龄补贴");

        await Assertions.Expect(page.Locator("#results button")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#results button").First).ToContainTextAsync("老年人高龄津贴");
        await page.Locator("#results button").First.ClickAsync();
        await Assertions.Expect(page.Locator("#materials li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#facts-card")).ToBeHiddenAsync();
        await page.Locator("#search").FillAsync("");
        await Screens.SaveAsync(page, "desk-34-desk", fullPage: false);
        await page.Context.CloseAsync();
    }
}
