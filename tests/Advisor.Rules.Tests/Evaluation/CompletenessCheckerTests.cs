using Advisor.Rules.Evaluation;
using static Advisor.Rules.Tests.Support.TestCatalog;

namespace Advisor.Rules.Tests.Evaluation;

public class CompletenessCheckerTests
{
    private static readonly string[] NineBaseMaterials =
    [
        "山西省再生育申请表", "再生育申请", "夫妻双方及小孩户口复印件", "结婚证", "相片",
        "一孩二孩生育服务证复印件", "婚育情况证明", "现居住地和户籍地的婚育情况证明", "其他证明材料",
    ];

    private static Task<CompletenessResult> CheckAsync(string id, IReadOnlyList<string> submitted, params (string, object?)[] facts) =>
        Get<CompletenessChecker>().CheckAsync(Procedure(id), Facts(facts), submitted, CancellationToken.None);

    [Fact]
    public async Task Check_RemarriedCoupleWithTheNineBaseMaterials_MissesTheDivorcePapersAsync()
    {
        var result = await CheckAsync("44b", NineBaseMaterials, ("maritalStatus", "remarried"), ("hukouSeparated", true),
            ("childDisabled", false), ("coupleOnlyChild", false), ("adoptionRequest", false));

        var missing = Assert.Single(result.Missing);
        Assert.Equal("divorce-papers", missing.MaterialId);
        Assert.Contains("离婚证", result.Notice, StringComparison.Ordinal);
        Assert.Contains("再婚", missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DeathDeregistrationWithOnlyTheHukouPage_MissesTheDeathCertificateAsync()
    {
        var result = await CheckAsync("57b", ["死者的户口页"]);

        Assert.False(result.Complete);
        var missing = Assert.Single(result.Missing);
        Assert.Contains("死亡证明", missing.Name, StringComparison.Ordinal);
        Assert.Empty(result.Unrecognized);
    }

    [Theory]
    [InlineData("身份证")]
    [InlineData("居民身份证")]
    [InlineData("二代证")]
    [InlineData("身份证原件及复印件")]
    [InlineData("ＩＤ 身份证 ")]
    public async Task Check_IdentityCardAsPeopleWriteIt_IsRecognisedAsync(string written)
    {
        var result = await CheckAsync("34", ["高龄津贴申请书", written, "一卡通"]);

        Assert.True(result.Complete, string.Join("；", result.Missing.Select(m => m.Name)));
    }

    [Fact]
    public async Task Check_OnlyACopyOfADocumentWhoseOriginalIsNeeded_StillAsksForTheOriginalAsync()
    {
        var result = await CheckAsync("34", ["申请书", "身份证复印件", "一卡通"]);

        var missing = Assert.Single(result.Missing);
        Assert.Equal("id-card", missing.MaterialId);
        Assert.Contains("原件", missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ConditionalMaterialWithUnknownFact_IsPendingNotMissingAsync()
    {
        var result = await CheckAsync("44b", NineBaseMaterials);

        Assert.DoesNotContain(result.Missing, m => m.MaterialId == "divorce-papers");
        Assert.Contains(result.Pending, p => p.Material.Id == "divorce-papers");
        Assert.Contains("视您的情况需要", result.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Notice_ListsEverythingMissingAndWhereToGoAsync()
    {
        var result = await CheckAsync("34", []);

        Assert.StartsWith("一次性告知单", result.Notice, StringComparison.Ordinal);
        Assert.Contains("高龄津贴申请书", result.Notice, StringComparison.Ordinal);
        Assert.Contains("一卡通", result.Notice, StringComparison.Ordinal);
        Assert.Contains("村（居）民委员会", result.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoticeParts_SayWhatTheTextSaysLineByLineAsync()
    {
        var result = await CheckAsync("44b", ["再生育申请表", "结婚证"], ("maritalStatus", "remarried"));

        var parts = result.NoticeParts;
        Assert.Equal(result.Notice, parts.ToText());
        Assert.Contains("村（社区）出具的婚育情况证明（原件1份，由村（居）委会出具）——本事项必备材料", parts.Missing);
        Assert.Equal("以下材料视您的情况需要：", parts.ConditionalLead);
        Assert.Contains("夫妻双方现居住地和户籍地的婚育情况证明（原件1份）：人户分离的", parts.Conditional);
        Assert.Equal("请备齐后到村（居）民委员会办理。", parts.Closing);
        Assert.Contains($"{parts.Missing.Count}. {parts.Missing[^1]}", result.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ItemOfNoMaterial_IsUnrecognizedAsync()
    {
        var result = await CheckAsync("34", ["申请书", "身份证", "一卡通", "护照"]);

        Assert.True(result.Complete);
        Assert.Equal(["护照"], result.Unrecognized);
    }
}
