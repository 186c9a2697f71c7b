using Advisor.Bot.Text;
using Advisor.Bot.Understanding;

namespace Advisor.Bot.Tests;

public sealed class PiiMaskerTests
{
    [Theory]
    [InlineData("身份证14270219560304123X", "14270219560304123X")]
    [InlineData("身份证号 142702195603041234 谢谢", "142702195603041234")]
    [InlineData("号码１４２７０２１９５６０３０４１２３ｘ", "142702195603041")]
    [InlineData("142702 19560304 1234", "19560304")]
    public void Mask_IdentityCardNumber_IsHidden(string text, string secret)
    {
        var masked = PiiMasker.Mask(text);

        Assert.DoesNotContain(secret, masked, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PiiMasker.IdCardMask, masked);
    }

    [Theory]
    [InlineData("电话13912345678", "13912345678")]
    [InlineData("打 139 1234 5678 找我", "1234")]
    [InlineData("+86-139-1234-5678", "1234")]
    [InlineData("手机１３９１２３４５６７８", "5678")]
    [InlineData("座机0359-2345678", "2345678")]
    public void Mask_PhoneNumber_IsHidden(string text, string secret)
    {
        var masked = PiiMasker.Mask(text);

        Assert.DoesNotContain(secret, masked);
        Assert.Contains(PiiMasker.PhoneMask, masked);
    }

    [Theory]
    [InlineData("俺娘85了，公示7天，2026年10月8日")]
    [InlineData("高龄津贴要带啥")]
    public void Mask_OrdinaryNumbers_AreKept(string text)
    {
        Assert.Equal(text, PiiMasker.Mask(text));
    }
}

public sealed class ChineseNumbersTests
{
    [Theory]
    [InlineData("八十五", 85)]
    [InlineData("十八", 18)]
    [InlineData("一百零二", 102)]
    [InlineData("两", 2)]
    [InlineData("九十", 90)]
    [InlineData("二五", 25)]
    public void TryParse_ChineseNumerals_ReadsTheValue(string text, int expected)
    {
        Assert.True(ChineseNumbers.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ToDigits_Sentence_ReplacesNumeralsOnly()
    {
        Assert.Equal("俺娘85岁了", ChineseNumbers.ToDigits("俺娘八十五岁了"));
    }

    [Fact]
    public void ToDigits_NumberWithItsMeasureWord_GetsTheMeasureWord()
    {
        Assert.Equal("已经3个娃了", ChineseNumbers.ToDigits("已经仨娃了"));
    }
}

public sealed class TextFoldTests
{
    [Theory]
    [InlineData("高龄津贴？", "高龄津贴")]
    [InlineData("８５岁，ＯＫ", "85岁 ok")]
    [InlineData("村（居）委会公章", "村居委会公章")]
    [InlineData("  要  带  啥 ", "要 带 啥")]
    public void Normalize_Text_FoldsWidthsAndPunctuation(string text, string expected)
    {
        Assert.Equal(expected, TextFold.Normalize(text));
    }

    [Fact]
    public void WithoutAsides_BracketedText_IsDropped()
    {
        Assert.Equal("村民委员会", TextFold.WithoutAsides("村（居）民委员会"));
    }
}

public sealed class DateReaderTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("10月8日开始公示", 2026, 10, 8)]
    [InlineData("2025年9月30号贴出去的", 2025, 9, 30)]
    [InlineData("十月一号贴的", 2026, 10, 1)]
    [InlineData("今天贴的", 2026, 3, 2)]
    [InlineData("明天公示", 2026, 3, 3)]
    [InlineData("2026 09 30贴的", 2026, 9, 30)]
    [InlineData("国庆节那天贴出去", 2026, 10, 1)]
    public void Find_NamedDate_ReturnsIt(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateReader.Find(text, Today));
    }

    [Theory]
    [InlineData("公示几天")]
    [InlineData("2月30日")]
    public void Find_NoValidDate_ReturnsNull(string text)
    {
        Assert.Null(DateReader.Find(text, Today));
    }
}

public sealed class CitationsTests
{
    [Theory]
    [InlineData("《社会救助暂行办法》第十四条；认定口径见特困人员认定介绍（http://m.example.com/a/1.html）",
        "《社会救助暂行办法》第十四条；认定口径见特困人员认定介绍")]
    [InlineData("《中国共产党发展党员工作细则》第七条（转引自 http://a.example.com/1.html、http://b.example.com/2.html）",
        "《中国共产党发展党员工作细则》第七条")]
    [InlineData("外地指南：郑州市低保办事指南（https://a.example.gov.cn/1.jhtml?d=3）", "外地指南：郑州市低保办事指南")]
    [InlineData("流程图04：决议公开，公告时间原则上不少于7天", "流程图04：决议公开，公告时间原则上不少于7天")]
    public void Plain_SourceWithAddresses_KeepsTheDocumentsOnly(string source, string expected)
    {
        Assert.Equal(expected, Citations.Plain(source));
    }
}
