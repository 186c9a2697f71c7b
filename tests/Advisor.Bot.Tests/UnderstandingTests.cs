using Advisor.Bot.Tests.Support;
using Advisor.Bot.Text;
using Advisor.Bot.Understanding;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Advisor.Bot.Tests;

/// <summary>Reading single messages: procedure, intent, facts; worded unlike the sample cases.</summary>
[Collection(HostCollection.Name)]
public sealed class UnderstandingTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private Interpreter Interpreter => factory.Services.GetRequiredService<Interpreter>();

    private ProcedureCatalog Catalog => factory.Services.GetRequiredService<ProcedureCatalog>();

    [Theory]
    [InlineData("我爷爷九十了能拿高龄补贴不", "34")]
    [InlineData("高令补贴咋申请", "34")]
    [InlineData("高龄金在哪领", "34")]
    [InlineData("媳妇的户口迁过来要啥", "57a")]
    [InlineData("批庄基地要交啥", "23")]
    [InlineData("残补怎么申请", "26")]
    [InlineData("孩子爹妈都没了有补助吗", "27")]
    [InlineData("退伍回来了要去哪报到", "31")]
    [InlineData("家里人判了缓刑要做什么", "07")]
    [InlineData("合作社的章怎么盖", "19")]
    [InlineData("新农合在哪交", "28")]
    [InlineData("儿子满十八了要去登记当兵吗", "36")]
    public void Read_ColloquialQuestion_RanksTheProcedureFirst(string text, string expected)
    {
        var read = Interpreter.Read(text, current: null);

        Assert.Equal(expected, read.Best?.Procedure.Id);
    }

    [Theory]
    [InlineData("养老保险要带啥证件", Intents.Materials)]
    [InlineData("宅基地咋批", Intents.Steps)]
    [InlineData("审核通过了然后呢", Intents.NextStep)]
    [InlineData("我这情况够条件不", Intents.Eligibility)]
    [InlineData("还缺什么材料", Intents.Completeness)]
    [InlineData("这事归谁管", Intents.Responsible)]
    [InlineData("要贴出来公示多长时间", Intents.Publicity)]
    [InlineData("有啥廉政风险", Intents.Risks)]
    [InlineData("你们都能办啥", Intents.List)]
    [InlineData("你会什么", Intents.Help)]
    [InlineData("你会干啥", Intents.Help)]
    [InlineData("俺该咋问你才能问明白", Intents.Help)]
    [InlineData("村里的事你都管哪些", Intents.List)]
    [InlineData("评议这块村监委要防啥", Intents.Risks)]
    public void Read_HowTheQuestionIsAsked_GivesTheIntent(string text, string expected)
    {
        Assert.Equal(expected, Interpreter.Read(text, current: null).Intent);
    }

    [Theory]
    [InlineData("俺娘八十五了", "age", 85)]
    [InlineData("老人家８５岁", "age", 85)]
    [InlineData("我今年六十三", "age", 63)]
    [InlineData("家里有三个孩子", "childrenCount", 3)]
    [InlineData("孩子是二级残疾", "disabilityGrade", 2)]
    [InlineData("俺们已经仨娃了", "childrenCount", 3)]
    [InlineData("党员一共36个，来了20个", "memberCount", 36)]
    [InlineData("党员一共36个，来了20个", "presentCount", 20)]
    [InlineData("到会30人，同意的有14人", "approveCount", 14)]
    [InlineData("决议才贴了四天", "noticeDays", 4)]
    public void Read_NumberFacts_AreExtracted(string text, string fact, int value)
    {
        Assert.Equal(value, Interpreter.Read(text, current: null).Facts[fact]);
    }

    [Theory]
    [InlineData("我们是再婚的", "maritalStatus", "remarried")]
    [InlineData("我是男的", "gender", "male")]
    [InlineData("家里是低保户", "assistanceStatus", "dibao")]
    [InlineData("户口在本村", "hukouLocal", true)]
    [InlineData("户口在俺村", "hukouLocal", true)]
    [InlineData("没有残疾证", "hasDisabilityCertificate", false)]
    public void Read_WordFacts_AreExtracted(string text, string fact, object value)
    {
        Assert.Equal(value, Interpreter.Read(text, current: null).Facts[fact]);
    }

    [Theory]
    [InlineData("八十五", 85)]
    [InlineData("85岁", 85)]
    [InlineData("今年满８０了", 80)]
    public void ReadAnswer_AgeInWordsOrDigits_IsRead(string text, int expected)
    {
        var age = Catalog.Vocabulary.Find("age")!;

        Assert.Equal(expected, Interpreter.Facts.ReadAnswer(age, TextFold.Normalize(text)));
    }

    [Theory]
    [InlineData("是的", true)]
    [InlineData("对，在本村", true)]
    [InlineData("不是", false)]
    [InlineData("没有", false)]
    [InlineData("不在", false)]
    [InlineData("财产没超", true)]
    [InlineData("不超过", true)]
    [InlineData("不是的", false)]
    public void ReadAnswer_YesOrNo_IsRead(string text, bool expected)
    {
        var hukou = Catalog.Vocabulary.Find("hukouLocal")!;

        Assert.Equal(expected, Interpreter.Facts.ReadAnswer(hukou, TextFold.Normalize(text)));
    }

    [Theory]
    [InlineData("男的", "male")]
    [InlineData("女", "female")]
    public void ReadAnswer_EnumInWords_IsRead(string text, string expected)
    {
        var gender = Catalog.Vocabulary.Find("gender")!;

        Assert.Equal(expected, Interpreter.Facts.ReadAnswer(gender, TextFold.Normalize(text)));
    }

    [Fact]
    public void Read_MaterialsNamedForTheCurrentProcedure_AreFound()
    {
        var read = Interpreter.Read("我带了身份证和户口本", Catalog.Find("57a"));

        Assert.Contains(read.Materials, m => m.PartId == "id-card");
        Assert.Contains(read.Materials, m => m.PartId == "hukou-book");
        Assert.Equal(Intents.Completeness, read.Intent);
    }

    [Fact]
    public void Read_VerbBeforeWhatWasBrought_IsNotCountedAsAMaterial()
    {
        var read = Interpreter.Read("申请宅基地俺带了户口薄和身份证，还缺啥", Catalog.Find("23"));

        Assert.Empty(read.Materials);
        Assert.Equal(["户口薄", "身份证"], read.Submitted);
        Assert.Equal(Intents.Completeness, read.Intent);
    }

    [Fact]
    public void Read_HandedInAndAskingWhatNext_IsTheNextStep()
    {
        var read = Interpreter.Read("申请书交了，然后呢", Catalog.Find("42"));

        Assert.Equal(Intents.NextStep, read.Intent);
    }

    [Fact]
    public void Read_NameSplitByFunctionWords_IsStillMatched()
    {
        var read = Interpreter.Read("俺爹前几天殁了，户口得去消掉", current: null);

        Assert.Equal("57b", read.Best?.Procedure.Id);
        Assert.True(read.BestScore >= ChatBot.AcceptScore);
    }

    [Theory]
    [InlineData("家里4口人，一个月总共就1500块收入", 375)]
    [InlineData("俺家三口人，一年收入9000元", 250)]
    public void Read_HouseholdSizeAndIncome_GiveTheIncomePerHead(string text, int expected)
    {
        Assert.Equal((decimal)expected, Interpreter.Read(text, current: null).Facts["monthlyIncomePerCapita"]);
    }

    [Theory]
    [InlineData("普察这事村里谁配合", "39")]
    [InlineData("消放这块有啥廉政风险", "48")]
    public void Read_OneCharacterTypoInATwoCharacterName_IsMatchedByItsReading(string text, string expected)
    {
        Assert.Equal(expected, Interpreter.Read(text, current: null).Best?.Procedure.Id);
    }

    [Fact]
    public void Read_EverydayWordsSoundingLikeATwoCharacterName_DoNotMatchIt()
    {
        var read = Interpreter.Read("是的，户口就在俺村", current: null);

        Assert.DoesNotContain(read.Candidates, c => c.Procedure.Id == "24" && c.Score >= ChatBot.ClarifyScore);
    }

    [Fact]
    public void Read_GenderStatedInPassing_PointsAtNoProcedure()
    {
        var read = Interpreter.Read("俺闺女让女婿打了，村里能管不", current: null);

        Assert.NotEqual("36", read.Best?.Procedure.Id);
    }

    [Fact]
    public void Read_ColloquialWordInsideAName_IsReplacedWhereItStands()
    {
        var read = Interpreter.Read("想给俺爷申请那个老人钱", current: null);

        Assert.Equal("34", read.Best?.Procedure.Id);
    }

    [Fact]
    public void Read_TopicOutsideTheDuties_IsFlagged()
    {
        var read = Interpreter.Read("护照过期了怎么换", current: null);

        Assert.True(read.OutOfScope || read.UnknownShare >= 0.5);
        Assert.True(read.BestScore < 0.3);
    }

    [Fact]
    public void ProcedureIndex_NewProcedureFile_IsUnderstoodWithoutCodeChanges()
    {
        var extra = Catalog.Find("34")! with
        {
            Id = "99",
            Title = "农村困难群众取暖补贴",
            Aliases = ["取暖补贴", "烤火费"],
            Descriptions = ["冬天家里生炉子买煤的补助"],
        };
        var catalog = new ProcedureCatalog([.. Catalog.Procedures, extra], Catalog.Vocabulary);
        var interpreter = new Interpreter(catalog, Interpreter.Lexicon,
            factory.Services.GetRequiredService<Pinyin>(), factory.Services.GetRequiredService<Segmenter>(),
            new MaterialMatcher());

        Assert.Equal("99", interpreter.Read("烤火费咋领", null).Best?.Procedure.Id);
        Assert.Equal("99", interpreter.Read("冬天买煤有补助吗", null).Best?.Procedure.Id);
    }
    [Fact]
    public void Read_FactWordAfterANegation_IsNotStated()
    {
        var facts = Interpreter.Read("不是分户，是闺女嫁出去迁户口", current: null).Facts;

        Assert.Equal("moveOut", facts["hukouChangeType"]);
        Assert.Equal(true, facts["moveForMarriage"]);
    }

    [Theory]
    [InlineData("rudang要交啥", "02b")]
    [InlineData("申请dibao要准备啥材料", "25")]
    [InlineData("gaolingjintie咋领", "34")]
    public void Read_WordsTypedInPinyinLetters_AreUnderstood(string text, string procedure)
    {
        Assert.Equal(procedure, Interpreter.Read(text, current: null).Best?.Procedure.Id);
    }

    [Theory]
    [InlineData("rudang", "入党")]
    [InlineData("dibao", "低保")]
    [InlineData("gaolingjintie", "高龄津贴")]
    [InlineData("hello", "hello")]
    [InlineData("80岁bt", "80岁bt")]
    public void Spell_PinyinRun_IsWrittenWithTheRuleFilesCharacters(string text, string expected)
    {
        var spelling = new PinyinSpelling(factory.Services.GetRequiredService<Pinyin>(), Interpreter.Index.DomainWords,
            [.. Interpreter.Lexicon.AllCues]);

        Assert.Equal(expected, spelling.Apply(text));
    }

    [Theory]
    [InlineData("俺娘是1944年3月生的，户口在村里", 82)]
    [InlineData("俺娘是1944年12月5日生的", 81)]
    [InlineData("老爷子1946年生人", 80)]
    public void Read_BirthDateOfTheApplicant_GivesTheAge(string text, int age)
    {
        var read = AtDate(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero)).Read(text, null);

        Assert.Equal(age, read.Facts["age"]);
        Assert.False(read.Facts.ContainsKey("childBirthYear"));
    }

    [Fact]
    public void Read_BirthYearOfAChild_StaysTheChildsBirthYear()
    {
        var read = AtDate(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero)).Read("孩子2015年出生的", null);

        Assert.Equal(2015, read.Facts["childBirthYear"]);
        Assert.False(read.Facts.ContainsKey("age"));
    }

    private Interpreter AtDate(DateTimeOffset now) =>
        new(Catalog, Interpreter.Lexicon, factory.Services.GetRequiredService<Pinyin>(),
            factory.Services.GetRequiredService<Segmenter>(), new MaterialMatcher(), Interpreter.Index, new FakeTimeProvider(now));
}
