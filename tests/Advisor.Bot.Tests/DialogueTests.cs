using Advisor.Bot.Tests.Support;

namespace Advisor.Bot.Tests;

/// <summary>Conversations over several turns: context, clarification, switching procedure.</summary>
[Collection(HostCollection.Name)]
public sealed class DialogueTests(BotFactory factory) : IClassFixture<BotFactory>
{
    [Fact]
    public async Task ReplyAsync_TwoProceduresClose_AsksWhichAndAnswersTheChoice()
    {
        var asked = await AskAsync(null, "盖公章怎么办");

        Assert.Equal("clarify", asked.Replies[0].Intent);
        Assert.Equal(string.Empty, asked.Replies[0].ProcedureId);
        Assert.Contains("党组织公章", asked.Replies[0].SuggestedActions);

        var chosen = await AskAsync(asked.ConversationId, "党组织公章");

        Assert.Equal("17", chosen.Replies[0].ProcedureId);
        Assert.Equal("steps", chosen.Replies[0].Intent);
    }

    [Fact]
    public async Task ReplyAsync_QuestionWithoutAChoiceAfterAskingWhich_AsksAgainAndKeepsTheQuestion()
    {
        var asked = await AskAsync(null, "盖公章怎么办");
        var again = await AskAsync(asked.ConversationId, "要准备哪些材料");
        var chosen = await AskAsync(asked.ConversationId, "党组织公章");

        Assert.Equal("clarify", again.Replies[0].Intent);
        Assert.Equal(asked.Replies[0].SuggestedActions, again.Replies[0].SuggestedActions);
        Assert.Equal("17", chosen.Replies[0].ProcedureId);
        Assert.Equal("materials", chosen.Replies[0].Intent);
    }

    [Fact]
    public async Task ReplyAsync_ChoiceByItsPlace_AnswersThatProcedure()
    {
        var asked = await AskAsync(null, "公章要带什么材料");
        var first = asked.Replies[0].SuggestedActions[0];

        var chosen = await AskAsync(asked.ConversationId, "第一个");

        Assert.Equal("clarify", asked.Replies[0].Intent);
        Assert.Contains(chosen.Replies[0].ProcedureId, new[] { "17", "18", "19" });
        Assert.StartsWith($"【{first}】", chosen.Replies[0].Text);
        Assert.Equal("materials", chosen.Replies[0].Intent);
    }

    [Fact]
    public async Task ReplyAsync_FollowUpsWithoutAName_StayOnTheProcedure()
    {
        var first = await AskAsync(null, "宅基地要交什么材料");
        var steps = await AskAsync(first.ConversationId, "然后呢");
        var publicity = await AskAsync(first.ConversationId, "要贴多少天");
        var who = await AskAsync(first.ConversationId, "谁来监督");

        Assert.All(new[] { first, steps, publicity, who }, t => Assert.Equal("23", t.Replies[0].ProcedureId));
        Assert.Equal("nextStep", steps.Replies[0].Intent);
        Assert.Contains("5", publicity.Replies[0].Text);
        Assert.Contains("村务监督委员会", who.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_AnotherProcedureNamed_SwitchesAndAnswersTheSameQuestion()
    {
        var first = await AskAsync(null, "高龄津贴要什么材料");
        var second = await AskAsync(first.ConversationId, "那残补呢");

        Assert.Equal("26", second.Replies[0].ProcedureId);
        Assert.Equal("materials", second.Replies[0].Intent);
        Assert.Contains("申请表", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_FactsGivenLater_ChangeTheMaterials()
    {
        var first = await AskAsync(null, "再生育要什么材料");
        var second = await AskAsync(first.ConversationId, "我们是再婚的，孩子有残疾");

        Assert.DoesNotContain("离婚判决书", first.Replies[0].Text.Split("视您的情况")[0]);
        Assert.Contains("离婚证", second.Replies[0].Text);
        Assert.Contains("残疾儿鉴定表", second.Replies[0].Text);
        Assert.Equal("materials", second.Replies[0].Intent);
    }

    [Fact]
    public async Task ReplyAsync_EligibilityAnswersInWords_AreUnderstood()
    {
        var first = await AskAsync(null, "我儿子想去做兵役登记，他够条件吗");
        var second = await AskAsync(first.ConversationId, "十八");

        Assert.Equal("36", second.Replies[0].ProcedureId);
        Assert.Contains("符合条件", second.Replies[0].Text);
        Assert.Contains("18周岁", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_OutOfScopeInTheMiddle_IsDeclinedAndTheProcedureKept()
    {
        var first = await AskAsync(null, "低保怎么申请");
        var weather = await AskAsync(first.ConversationId, "明天天气怎么样");
        var back = await AskAsync(first.ConversationId, "公示几天");

        Assert.Equal("outOfScope", weather.Replies[0].Intent);
        Assert.Equal("25", back.Replies[0].ProcedureId);
    }

    [Fact]
    public async Task ReplyAsync_HelpInTheMiddle_ExplainsTheBotAndKeepsTheProcedure()
    {
        var first = await AskAsync(null, "高龄津贴要带什么");
        var help = await AskAsync(first.ConversationId, "你会什么");
        var back = await AskAsync(first.ConversationId, "公示几天");

        Assert.Equal("help", help.Replies[0].Intent);
        Assert.Equal("34", back.Replies[0].ProcedureId);
        Assert.Contains("7", back.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_DocumentsOfAnotherProcedureBrought_StayOnTheCurrentOneAndAreNamedAsNotNeeded()
    {
        var first = await AskAsync(null, "宅基地要交什么材料");
        var second = await AskAsync(first.ConversationId, "申请宅基地俺就带了个户口本，还差啥");

        Assert.Equal("23", second.Replies[0].ProcedureId);
        Assert.Equal("completeness", second.Replies[0].Intent);
        Assert.Contains("书面申请", second.Replies[0].Text);
        Assert.DoesNotContain("已齐全", second.Replies[0].Text);
        Assert.Contains("「户口本」不在本事项的材料清单里", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_MaterialsOfAProcedureWithoutAny_GivesWhatIsDone()
    {
        var turn = await AskAsync(null, "盖党支部的章要带啥材料");

        Assert.Equal("17", turn.Replies[0].ProcedureId);
        Assert.Equal("materials", turn.Replies[0].Intent);
        Assert.Contains("没有列出需要申请人准备的材料", turn.Replies[0].Text);
        Assert.Contains("用印登记", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_NextAfterStepsDoneSideBySide_NamesWhereTheyLead()
    {
        var turn = await AskAsync(null, "应急处置弄完了，接下来呢");

        Assert.Equal("47", turn.Replies[0].ProcedureId);
        Assert.Contains("再往后：后续处置", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_PapersBroughtOverSeveralTurns_AreAllCounted()
    {
        var first = await AskAsync(null, "老人补贴要带啥");
        var some = await AskAsync(first.ConversationId, "我带了申请书和身份证，还差啥");
        var rest = await AskAsync(first.ConversationId, "一卡通也带了");

        Assert.Contains("一卡通", some.Replies[0].Text.Split("经核对")[1]);
        Assert.Equal("completeness", rest.Replies[0].Intent);
        Assert.Contains("已齐全", rest.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_VoteCountsWhileCheckingAMeeting_AreTheEligibilityAnswer()
    {
        var first = await AskAsync(null, "村民代表会议应到50人，来了40个，这个会算数不");
        var second = await AskAsync(first.ConversationId, "那要是来了32个，同意的有20个呢");

        Assert.Equal("04", second.Replies[0].ProcedureId);
        Assert.Equal("eligibility", second.Replies[0].Intent);
    }

    [Fact]
    public async Task ReplyAsync_CanIApplyAndHow_GivesTheConditionsAndTheFlow()
    {
        var turn = await AskAsync(null, "房子让大水冲塌了，能找村里申请救助不，咋弄");

        Assert.Equal("eligibility", turn.Replies[0].Intent);
        Assert.Contains("办理流程：", turn.Replies[0].Text);
        Assert.Contains("发放款物", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_RareWordOfAnotherProcedureInAFollowUp_KeepsTheConversation()
    {
        var first = await AskAsync(null, "高龄津贴要带什么材料");
        var second = await AskAsync(first.ConversationId, "身份证有，还差啥");

        Assert.Equal("34", second.Replies[0].ProcedureId);
        Assert.Equal("completeness", second.Replies[0].Intent);
        Assert.Contains("一卡通", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_QuestionEndingInBuWhileAFactIsAsked_IsNotReadAsNo()
    {
        var first = await AskAsync(null, "房子被洪水冲了，能申请救助吗");
        var second = await AskAsync(first.ConversationId, "俺家房子塌了，能给点救助不");

        Assert.Contains("住在本村", first.Replies[0].Text);
        Assert.Equal("24", second.Replies[0].ProcedureId);
        Assert.DoesNotContain("暂不符合", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_OtherQuestionWhileAFactIsAsked_AnswersThatQuestion()
    {
        var first = await AskAsync(null, "俺奶八十二了，能领高龄补贴不");
        var second = await AskAsync(first.ConversationId, "要带啥");

        Assert.Equal("eligibility", first.Replies[0].Intent);
        Assert.Equal("materials", second.Replies[0].Intent);
        Assert.Contains("一卡通", second.Replies[0].Text);
        Assert.DoesNotContain("符合条件", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_AnswerOpeningALongerReply_IsReadAsTheAnswer()
    {
        var first = await AskAsync(null, "俺奶八十二了，能领高龄补贴不");
        var second = await AskAsync(first.ConversationId, "在，一直在村里");

        Assert.Equal("34", second.Replies[0].ProcedureId);
        Assert.Equal("eligibility", second.Replies[0].Intent);
        Assert.Contains("户籍在本村", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_HouseholdWithAHomesteadAsksForAnother_IsToldItCannot()
    {
        var turn = await AskAsync(null, "我家已经有一处宅基地了，还能再申请不");

        Assert.Equal("23", turn.Replies[0].ProcedureId);
        Assert.Equal("eligibility", turn.Replies[0].Intent);
        Assert.Contains("一户只能拥有一处宅基地", turn.Replies[0].Text);
        Assert.DoesNotContain("齐全", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_PapersTurnedBackAndWhatNow_FollowsTheNoBranch()
    {
        var turn = await AskAsync(null, "村里说俺爹的高龄津贴材料没核过，咋整");

        Assert.Equal("34", turn.Replies[0].ProcedureId);
        Assert.Equal("nextStep", turn.Replies[0].Intent);
        Assert.Contains("材料补正", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_EligibleThroughANestedAlternative_ShowsTheThresholdThatDecided()
    {
        var turn = await AskAsync(null, "俺大伯70了，无儿无女也没收入，能申请特困供养不");

        Assert.Equal("25", turn.Replies[0].ProcedureId);
        Assert.Contains("符合条件", turn.Replies[0].Text);
        Assert.Contains("60周岁以上老年人", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_OpenAlternativeWithOneCriterionKnown_ShowsItsValue()
    {
        var turn = await AskAsync(null, "家里4口人，一个月总共就1500块收入，能吃低保不");

        Assert.Contains("✓ 家庭月人均收入375元，低于低保标准555元", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_QuestionAboutOnePaper_ListsTheMaterials()
    {
        var first = await AskAsync(null, "独生子女家庭初审要带啥");
        var second = await AskAsync(first.ConversationId, "照片要几寸");

        Assert.Equal("44a", second.Replies[0].ProcedureId);
        Assert.Equal("materials", second.Replies[0].Intent);
        Assert.Contains("一寸免冠照片", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_PaperNamedOnlyInAskingWords_DoesNotBringInAnotherProcedure()
    {
        // 兵役登记's paper is called 证件, which is also how people ask for papers in general.
        var turn = await AskAsync(null, "老人家８１岁了领高龄钱要拿啥证件");

        Assert.Equal("34", turn.Replies[0].ProcedureId);
        Assert.Equal("materials", turn.Replies[0].Intent);
        Assert.Contains("一卡通", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_FactStatedInPassingThatDisqualifies_SaysSo()
    {
        var first = await AskAsync(null, "城乡医保要带啥");
        var second = await AskAsync(first.ConversationId, "她现在厂里给交着职工医保哩");

        Assert.Equal("28", second.Replies[0].ProcedureId);
        Assert.Equal("eligibility", second.Replies[0].Intent);
        Assert.Contains("暂不符合条件", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_OneProcedureInDoubt_AsksAboutItAndTakesAYes()
    {
        var asked = await AskAsync(null, "高林津贴要啥材料");
        var confirmed = await AskAsync(asked.ConversationId, "是");

        Assert.Equal("clarify", asked.Replies[0].Intent);
        Assert.Contains("您问的是「老年人高龄津贴」吗", asked.Replies[0].Text);
        Assert.Equal("34", confirmed.Replies[0].ProcedureId);
        Assert.Equal("materials", confirmed.Replies[0].Intent);
    }

    [Theory]
    [InlineData("要是2026年10月1号贴出去，啥时候到期", "2026年10月1日张贴")]
    [InlineData("2026-09-30贴的，哪天能撤", "2026年9月30日张贴")]
    public async Task ReplyAsync_PostingDateInAFollowUp_GivesThePublicityEnd(string text, string posted)
    {
        var first = await AskAsync(null, "俺想批块宅基地盖房，村里要公示多长时间");
        var second = await AskAsync(first.ConversationId, text);

        Assert.Equal("23", second.Replies[0].ProcedureId);
        Assert.Equal("publicity", second.Replies[0].Intent);
        Assert.Contains(posted, second.Replies[0].Text);
        Assert.Contains("2026年10月8日公示期满", second.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_NextStepAfterAskingAboutThePublicity_GoesOnFromIt()
    {
        var first = await AskAsync(null, "高龄津贴要带啥");
        await AskAsync(first.ConversationId, "公示几天啊");
        var next = await AskAsync(first.ConversationId, "下一步呢");

        Assert.Equal("nextStep", next.Replies[0].Intent);
        Assert.Contains("「公示7日」之后", next.Replies[0].Text);
    }

    private Task<ChatTurn> AskAsync(string? conversationId, string text) =>
        factory.Bot.ReplyAsync(conversationId, text, CancellationToken.None);
}
