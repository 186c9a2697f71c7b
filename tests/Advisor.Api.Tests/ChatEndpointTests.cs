using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Advisor.Api.Tests.DirectLine;

namespace Advisor.Api.Tests;

/// <summary>The chat endpoint's handling of the request, with a fake bot behind it.</summary>
public sealed class ChatEndpointTests(DirectLineApiFactory factory) : IClassFixture<DirectLineApiFactory>
{
    private static readonly string Emoji = char.ConvertFromUtf32(0x1F600);

    [Fact]
    public async Task Chat_FiveHundredEmoji_IsAcceptedAsFiveHundredCharacters()
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, 500));

        using var response = await factory.CreateClient().PostAsJsonAsync("/api/chat", new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Bot.Received, r => r.Text == text);
    }

    [Fact]
    public async Task Chat_FiveHundredAndOneEmoji_Is400CountingWhatAPersonSees()
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, 501));

        using var response = await factory.CreateClient().PostAsJsonAsync("/api/chat", new { text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text 最长 500 个字，收到 501 个字。", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Theory]
    [InlineData("""{"text":123}""", "text")]
    [InlineData("""{"conversationId":5,"text":"高龄津贴"}""", "conversationId")]
    [InlineData("""{"conversationId":5}""", "conversationId")]
    public async Task Chat_NonStringField_Is400SayingItShouldBeAString(string json, string field)
    {
        using var response = await factory.CreateClient().PostAsync("/api/chat", Support.ApiFactory.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{field} 应为字符串，形如 \"…\"。", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.DoesNotContain("ChatRequest", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
