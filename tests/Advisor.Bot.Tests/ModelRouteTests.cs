using Advisor.Bot.Answers;
using Advisor.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;

namespace Advisor.Bot.Tests;

/// <summary>The optional model route, driven by a fake chat completion service.</summary>
[Collection(HostCollection.Name)]
public sealed class ModelRouteTests
{
    [Fact]
    public async Task ReplyAsync_ModelCallsGetMaterials_FunctionRunsAndItsFactsReachTheReply()
    {
        var histories = new List<ChatHistory>();
        var model = new Mock<IChatCompletionService>();
        model.Setup(m => m.GetChatMessageContentsAsync(
                It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ChatHistory history, PromptExecutionSettings? _, Kernel? _, CancellationToken _) =>
            {
                histories.Add([.. history]);
                var result = history.SelectMany(m => m.Items).OfType<FunctionResultContent>().LastOrDefault();
                if (result is null)
                {
                    var call = new FunctionCallContent("get_materials", "advisor", "call-1",
                        new KernelArguments { ["procedureId"] = "34" });
                    return [new ChatMessageContent(AuthorRole.Assistant, [call])];
                }

                // The fake model words its reply from the function's result, as a real one would.
                var answer = Assert.IsType<ToolAnswer>(result.Result);
                var materials = answer.Text.Split('\n').Where(l => l.Length > 2 && char.IsAsciiDigit(l[0]));
                return [new ChatMessageContent(AuthorRole.Assistant, "大爷，办高龄津贴带上这些就行：" + string.Join("；", materials))];
            });
        using var factory = BotFactory.With(s => s.AddSingleton(model.Object));

        var turn = await factory.Bot.ReplyAsync(null, "我爹想领高龄津贴，要带点啥", CancellationToken.None);

        var reply = Assert.Single(turn.Replies);
        Assert.StartsWith("大爷，办高龄津贴带上这些就行：", reply.Text);
        Assert.Contains("高龄津贴申请书", reply.Text);
        Assert.Contains("一卡通", reply.Text);
        Assert.Equal("34", reply.ProcedureId);
        Assert.Equal("materials", reply.Intent);
        Assert.Equal(2, histories.Count);
        var ran = histories[1].SelectMany(m => m.Items).OfType<FunctionResultContent>().Single();
        Assert.Equal("get_materials", ran.FunctionName);
        Assert.Contains(factory.Logs.Lines, l => l.Contains("route model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyAsync_ModelFails_FallsBackToTheDeterministicReply()
    {
        var model = new Mock<IChatCompletionService>();
        model.Setup(m => m.GetChatMessageContentsAsync(
                It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));
        using var factory = BotFactory.With(s => s.AddSingleton(model.Object));

        var turn = await factory.Bot.ReplyAsync(null, "高龄津贴要带什么材料", CancellationToken.None);

        var reply = Assert.Single(turn.Replies);
        Assert.Equal("34", reply.ProcedureId);
        Assert.Contains("高龄津贴申请书", reply.Text);
        Assert.Contains(factory.Logs.Lines, l => l.Contains("[4003]", StringComparison.Ordinal));
        model.Verify(m => m.GetChatMessageContentsAsync(
            It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReplyAsync_ModelTooSlow_FallsBackAfterTheTimeout()
    {
        var model = new Mock<IChatCompletionService>();
        model.Setup(m => m.GetChatMessageContentsAsync(
                It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatHistory _, PromptExecutionSettings? _, Kernel? _, CancellationToken token) =>
            {
                await Task.Delay(TimeSpan.FromMinutes(1), token);
                return (IReadOnlyList<ChatMessageContent>)[];
            });
        using var factory = BotFactory.With(s => s.AddSingleton(model.Object),
            new Dictionary<string, string?> { ["Bot:Model:Timeout"] = "00:00:01" });

        var turn = await factory.Bot.ReplyAsync(null, "宅基地公示几天", CancellationToken.None);

        var reply = Assert.Single(turn.Replies);
        Assert.Equal("23", reply.ProcedureId);
        Assert.Contains("5", reply.Text);
    }

    [Fact]
    public async Task ReplyAsync_ModelAnswersWithoutFunctions_FallsBack()
    {
        var model = new Mock<IChatCompletionService>();
        model.Setup(m => m.GetChatMessageContentsAsync(
                It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, "高龄津贴要公示30天，再带上房产证。")]);
        using var factory = BotFactory.With(s => s.AddSingleton(model.Object));

        var turn = await factory.Bot.ReplyAsync(null, "高龄津贴公示几天", CancellationToken.None);

        var reply = Assert.Single(turn.Replies);
        Assert.DoesNotContain("30", reply.Text);
        Assert.Contains("7", reply.Text);
        Assert.Contains(factory.Logs.Lines, l => l.Contains("[4004]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyAsync_ModelStatesANumberNoResultHas_FallsBack()
    {
        var model = new Mock<IChatCompletionService>();
        model.SetupSequence(m => m.GetChatMessageContentsAsync(
                It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant,
                [new FunctionCallContent("get_publicity", "advisor", "call-1", new KernelArguments { ["procedureId"] = "34" })])])
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, "公示15天。")]);
        using var factory = BotFactory.With(s => s.AddSingleton(model.Object));

        var turn = await factory.Bot.ReplyAsync(null, "高龄津贴公示几天", CancellationToken.None);

        Assert.DoesNotContain("15", turn.Replies[0].Text);
        Assert.Contains("公示不少于7天", turn.Replies[0].Text);
    }

    [Fact]
    public async Task ReplyAsync_ModelAddsAMaterialNoResultNames_FallsBack()
    {
        var model = new Mock<IChatCompletionService>();
        model.SetupSequence(m => m.GetChatMessageContentsAsync(
                It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant,
                [new FunctionCallContent("get_materials", "advisor", "call-1", new KernelArguments { ["procedureId"] = "34" })])])
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, "带上身份证、申请书，再带上结婚证就行。")]);
        using var factory = BotFactory.With(s => s.AddSingleton(model.Object));

        var turn = await factory.Bot.ReplyAsync(null, "高龄津贴要带什么", CancellationToken.None);

        Assert.DoesNotContain("结婚证", turn.Replies[0].Text);
        Assert.Contains("一卡通", turn.Replies[0].Text);
    }

    [Fact]
    public void AddAdvisorBot_NoEndpointConfigured_RegistersNoModel()
    {
        using var factory = new BotFactory();

        Assert.Null(factory.Services.GetService<IChatCompletionService>());
    }

    [Fact]
    public void AddAdvisorBot_EndpointConfigured_RegistersAnOpenAiCompatibleModelWithoutConnecting()
    {
        using var factory = BotFactory.With(null, new Dictionary<string, string?>
        {
            ["Bot:Model:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Bot:Model:Name"] = "qwen2.5:7b",
        });

        Assert.NotNull(factory.Services.GetService<IChatCompletionService>());
    }
}
