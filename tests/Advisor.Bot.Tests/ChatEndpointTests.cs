using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advisor.Bot.Dialogue;
using Advisor.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Advisor.Bot.Tests;

[Collection(HostCollection.Name)]
public sealed class ChatEndpointTests(BotFactory factory) : IClassFixture<BotFactory>
{
    [Fact]
    public async Task Chat_EmptyText_Returns400NamingText()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/chat", new { text = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Chat_TextOver500Characters_Returns400NamingText()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/chat", new { text = new string('问', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("500", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Chat_NotJson_Returns415()
    {
        var response = await factory.CreateClient().PostAsync("/api/chat", new StringContent("高龄津贴"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Chat_NoConversationId_StartsConversationWithUnguessableId()
    {
        var client = factory.CreateClient();

        var first = await PostAsync(client, null, "高龄津贴要带什么材料");
        var second = await PostAsync(client, null, "高龄津贴要带什么材料");

        var id = first.GetProperty("conversationId").GetString()!;
        Assert.True(id.Length >= 22, id);
        Assert.NotEqual(id, second.GetProperty("conversationId").GetString());
        var reply = first.GetProperty("replies")[0];
        Assert.Equal("34", reply.GetProperty("procedureId").GetString());
        Assert.Equal("materials", reply.GetProperty("intent").GetString());
        Assert.NotEmpty(reply.GetProperty("suggestedActions").EnumerateArray());
    }

    [Fact]
    public async Task Chat_UnknownConversationId_StartsNewConversation()
    {
        var reply = await PostAsync(factory.CreateClient(), "made-up-id", "高龄津贴公示几天");

        Assert.NotEqual("made-up-id", reply.GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData("我想办护照")]
    [InlineData("明天天气怎么样")]
    [InlineData("帮我订一张去北京的火车票")]
    [InlineData("狗丢了怎么办")]
    [InlineData("离婚咋办")]
    public async Task Chat_OutsideTheProcedures_DeclinedWithWhereToAsk(string text)
    {
        var reply = (await PostAsync(factory.CreateClient(), null, text)).GetProperty("replies")[0];

        Assert.Equal("outOfScope", reply.GetProperty("intent").GetString());
        Assert.Equal(string.Empty, reply.GetProperty("procedureId").GetString());
        var answer = reply.GetProperty("text").GetString()!;
        Assert.Contains("村（居）民委员会", answer);
        Assert.Contains("12345", answer);
    }

    [Fact]
    public async Task Chat_TwoMisunderstandingsInARow_PointsToVillageCommitteeAndHotline()
    {
        var client = factory.CreateClient();
        var first = await PostAsync(client, null, "嗯嗯啊啊");
        var id = first.GetProperty("conversationId").GetString();

        var second = (await PostAsync(client, id, "哦哦哦")).GetProperty("replies")[0];

        Assert.NotEqual("outOfScope", first.GetProperty("replies")[0].GetProperty("intent").GetString());
        Assert.Equal("outOfScope", second.GetProperty("intent").GetString());
        Assert.Contains("12345", second.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Chat_ManyParallelConversations_NeverSeeEachOthersState()
    {
        var client = factory.CreateClient();
        var tasks = Enumerable.Range(0, 40).Select(async i =>
        {
            var (opening, procedure, follow, expected) = (i % 2) switch
            {
                0 => ($"俺娘{80 + i}岁了，能领高龄津贴吗", "34", "公示几天", "7"),
                _ => ("宅基地怎么申请", "23", "公示几天", "5"),
            };
            var first = await PostAsync(client, null, opening);
            var id = first.GetProperty("conversationId").GetString();
            var firstReply = first.GetProperty("replies")[0];
            var second = (await PostAsync(client, id, follow)).GetProperty("replies")[0];
            return (i, procedure, expected, firstReply, second);
        });

        foreach (var (i, procedure, expected, firstReply, second) in await Task.WhenAll(tasks))
        {
            Assert.Equal(procedure, firstReply.GetProperty("procedureId").GetString());
            Assert.Equal(procedure, second.GetProperty("procedureId").GetString());
            Assert.Contains(expected, second.GetProperty("text").GetString());
            if (procedure == "34")
                Assert.Contains($"申请人{80 + i}周岁", firstReply.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Chat_IdentityCardAndPhoneNumber_NeitherLoggedNorStored()
    {
        const string idCard = "14270219560304123X";
        const string phone = "13912345678";
        var client = factory.CreateClient();

        var body = await PostAsync(client, null, $"我娘身份证{idCard}，电话{phone}，85了，高龄津贴要带啥");
        var id = body.GetProperty("conversationId").GetString()!;
        await PostAsync(client, id, $"我的手机是１３９ １２３４ ５６７８，身份证１４２７０２１９５６０３０４１２３ｘ");

        foreach (var line in factory.Logs.Lines)
        {
            Assert.DoesNotContain(idCard, line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(phone, line, StringComparison.Ordinal);
        }

        Assert.Contains(factory.Logs.Lines, l => l.Contains("[身份证号已隐藏]", StringComparison.Ordinal));
        var state = factory.Services.GetRequiredService<ConversationStore>().GetOrStart(id);
        Assert.Equal(id, state.Id);
        Assert.NotEmpty(state.Transcript);
        foreach (var (_, text) in state.Transcript)
        {
            Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
            Assert.DoesNotContain("１２３４", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Chat_FunctionBreaksUnexpectedly_RepliesWithWhereToAskInsteadOf500()
    {
        await using var broken = BotFactory.With(services =>
            services.AddSingleton<IFunctionInvocationFilter, BreakingFilter>());

        var reply = (await PostAsync(broken.CreateClient(), null, "高龄津贴要带什么材料")).GetProperty("replies")[0];

        Assert.Contains("12345", reply.GetProperty("text").GetString());
        Assert.Contains(broken.Logs.Lines, line => line.Contains("A bot turn failed", StringComparison.Ordinal));
    }

    /// <summary>A kernel filter standing for a function that fails in a way nobody foresaw.</summary>
    private sealed class BreakingFilter : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next) =>
            throw new TimeoutException("stand-in failure");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string? conversationId, string text)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId, text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
