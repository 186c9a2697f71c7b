using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using static Advisor.Api.Tests.DirectLine.DirectLineClient;

namespace Advisor.Api.Tests.DirectLine;

public sealed class DirectLineEndpointsTests : IClassFixture<DirectLineApiFactory>
{
    private readonly DirectLineApiFactory _factory;
    private readonly HttpClient _client;

    public DirectLineEndpointsTests(DirectLineApiFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task GenerateToken_WithSecret_ReturnsTokenForNewConversation()
    {
        var first = await _client.SendJsonAsync(Request(HttpMethod.Post, "/tokens/generate", DirectLineApiFactory.Secret), HttpStatusCode.OK);
        var second = await _client.SendJsonAsync(Request(HttpMethod.Post, "/tokens/generate", DirectLineApiFactory.Secret), HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty((string?)first["token"]));
        Assert.Equal(1800, (int)first["expires_in"]!);
        Assert.NotEqual((string)first["conversationId"]!, (string)second["conversationId"]!);
    }

    [Fact]
    public async Task GenerateToken_WrongSecret_Returns403()
    {
        var status = await _client.StatusOfAsync(Request(HttpMethod.Post, "/tokens/generate", "not-the-secret"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task GenerateToken_WithConversationToken_Returns403()
    {
        var (_, token) = await _client.StartAsync();

        var status = await _client.StatusOfAsync(Request(HttpMethod.Post, "/tokens/generate", token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task StartConversation_NoAuthorization_Returns401WithBearerChallenge()
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Post, "/conversations", bearer: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task StartConversation_WithToken_Returns201AndQueuesWelcome()
    {
        var (conversationId, token) = await _client.StartAsync();

        var set = await _client.GetActivitiesAsync(conversationId, token);

        var welcome = Assert.Single(set.Activities());
        Assert.Equal("message", (string)welcome!["type"]!);
        Assert.Equal("bot", (string)welcome["from"]!["role"]!);
        Assert.Equal("您好，我是便民办事助手。", (string)welcome["text"]!);
        Assert.Equal(conversationId, (string)welcome["conversation"]!["id"]!);
        Assert.Equal("imBack", (string)welcome["suggestedActions"]!["actions"]![0]!["type"]!);
        Assert.Equal("1", (string)set["watermark"]!);
    }

    [Fact]
    public async Task StartConversation_SameTokenTwice_Returns200WithoutSecondWelcome()
    {
        var generated = await _client.SendJsonAsync(Request(HttpMethod.Post, "/tokens/generate", DirectLineApiFactory.Secret), HttpStatusCode.OK);
        var token = (string)generated["token"]!;
        await _client.SendJsonAsync(Request(HttpMethod.Post, "/conversations", token), HttpStatusCode.Created);

        var again = await _client.SendJsonAsync(Request(HttpMethod.Post, "/conversations", token), HttpStatusCode.OK);
        var set = await _client.GetActivitiesAsync((string)again["conversationId"]!, token);

        Assert.Equal((string)generated["conversationId"]!, (string)again["conversationId"]!);
        Assert.Single(set.Activities());
    }

    [Fact]
    public async Task StartConversation_ReturnsWebSocketStreamUrlWithItsOwnToken()
    {
        var (conversationId, token) = await _client.StartAsync();

        var info = await _client.SendJsonAsync(Request(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token), HttpStatusCode.OK);
        var streamUrl = new Uri((string)info["streamUrl"]!);

        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal($"/v3/directline/conversations/{conversationId}/stream", streamUrl.AbsolutePath);
        Assert.Contains("watermark=1", streamUrl.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(token), streamUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_Message_EchoesWithClientActivityIdThenBotReply()
    {
        var (conversationId, token) = await _client.StartAsync();

        var posted = await _client.PostMessageAsync(conversationId, token, "高龄津贴要什么材料", clientActivityId: "abc-123");
        var activities = (await _client.GetActivitiesAsync(conversationId, token, watermark: "1")).Activities();

        Assert.Equal(2, activities.Count);
        var echo = activities[0]!;
        var reply = activities[1]!;
        Assert.Equal((string)posted["id"]!, (string)echo["id"]!);
        Assert.Equal("abc-123", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal("dl_user", (string)echo["from"]!["id"]!);
        Assert.Equal("高龄津贴要什么材料", (string)echo["text"]!);
        Assert.EndsWith("Z", (string)echo["timestamp"]!, StringComparison.Ordinal);
        Assert.Equal("bot", (string)reply["from"]!["role"]!);
        Assert.Equal((string)echo["id"]!, (string)reply["replyToId"]!);
        Assert.Equal("34", (string)reply["channelData"]!["procedureId"]!);
        Assert.Equal("plain", (string)reply["textFormat"]!);
        Assert.Equal(["下一步怎么办", "谁负责"], reply["suggestedActions"]!["actions"]!.AsArray().Select(a => (string)a!["value"]!));
    }

    [Fact]
    public async Task PostActivity_SeveralMessages_TimestampsStrictlyIncreaseAndBotKeepsItsConversation()
    {
        var (conversationId, token) = await _client.StartAsync();

        await _client.PostMessageAsync(conversationId, token, "第一句", "c1");
        await _client.PostMessageAsync(conversationId, token, "第二句", "c2");
        var activities = (await _client.GetActivitiesAsync(conversationId, token)).Activities();

        var times = activities.Select(a => DateTimeOffset.Parse((string)a!["timestamp"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        var turns = _factory.Bot.Received.Where(r => r.Text is "第一句" or "第二句").ToList();
        Assert.Null(turns[0].ConversationId);
        Assert.NotNull(turns[1].ConversationId);
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyWhatFollows()
    {
        var (conversationId, token) = await _client.StartAsync();
        await _client.PostMessageAsync(conversationId, token, "你好");

        var all = await _client.GetActivitiesAsync(conversationId, token);
        var rest = await _client.GetActivitiesAsync(conversationId, token, (string)all["watermark"]!);

        Assert.Equal(3, all.Activities().Count);
        Assert.Empty(rest.Activities());
        Assert.Equal((string)all["watermark"]!, (string)rest["watermark"]!);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task GetActivities_BadWatermark_Returns400(string watermark)
    {
        var (conversationId, token) = await _client.StartAsync();

        var status = await _client.StatusOfAsync(Request(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task GetActivities_TokenOfAnotherConversation_Returns403()
    {
        var (mine, _) = await _client.StartAsync();
        var (_, otherToken) = await _client.StartAsync();

        var read = await _client.StatusOfAsync(Request(HttpMethod.Get, $"/conversations/{mine}/activities", otherToken));
        var post = await _client.StatusOfAsync(Request(HttpMethod.Post, $"/conversations/{mine}/activities", otherToken, """{"type":"message","text":"hi"}"""));
        var reconnect = await _client.StatusOfAsync(Request(HttpMethod.Get, $"/conversations/{mine}", otherToken));

        Assert.Equal(HttpStatusCode.Forbidden, read);
        Assert.Equal(HttpStatusCode.Forbidden, post);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhIjoxfQ.c2lnbmF0dXJl")]
    public async Task GetActivities_ForgedToken_Returns403(string token)
    {
        var (conversationId, _) = await _client.StartAsync();

        var status = await _client.StatusOfAsync(Request(HttpMethod.Get, $"/conversations/{conversationId}/activities", token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task GetActivities_UnknownConversationWithSecret_Returns404()
    {
        var status = await _client.StatusOfAsync(Request(HttpMethod.Get, "/conversations/0123456789abcdef01234567/activities", DirectLineApiFactory.Secret));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task PostActivity_TokenForConversationNeverStarted_Returns404()
    {
        var generated = await _client.SendJsonAsync(Request(HttpMethod.Post, "/tokens/generate", DirectLineApiFactory.Secret), HttpStatusCode.OK);

        var status = await _client.StatusOfAsync(Request(
            HttpMethod.Post, $"/conversations/{(string)generated["conversationId"]!}/activities",
            (string)generated["token"]!, """{"type":"message","text":"你好"}"""));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"text":"没有类型"}""")]
    [InlineData("""{"type":"conversationUpdate"}""")]
    [InlineData("""{"type":"message","text":"   "}""")]
    [InlineData("""{"type":"message","text":42}""")]
    [InlineData("""{"type":"message","text":"x","channelData":"not an object"}""")]
    public async Task PostActivity_Malformed_Returns400ProblemDetails(string body)
    {
        var (conversationId, token) = await _client.StartAsync();

        using var response = await _client.SendAsync(Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed activity", (string)problem["title"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Theory]
    [InlineData("""{"type":"message","text":42}""", "text 应为字符串，形如 \"…\"。")]
    [InlineData("""{"type":"message","text":"x","channelData":"not an object"}""", "channelData 应为对象，形如 {…}。")]
    public async Task PostActivity_WrongJsonType_DetailSaysWhatTheFieldShouldHold(string body, string expected)
    {
        var (conversationId, token) = await _client.StartAsync();

        using var response = await _client.SendAsync(Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求体不是有效的活动 JSON：" + expected, (string)problem["detail"]!);
    }

    [Fact]
    public async Task PostActivity_EmptyBody_Returns400()
    {
        var (conversationId, token) = await _client.StartAsync();

        var status = await _client.StatusOfAsync(Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, ""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task PostActivity_TextLongerThanLimit_Returns400()
    {
        var (conversationId, token) = await _client.StartAsync();
        var body = new JsonObject { ["type"] = "message", ["text"] = new string('长', 501) }.ToJsonString();

        var status = await _client.StatusOfAsync(Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task PostActivity_FiveHundredEmoji_IsAccepted()
    {
        var (conversationId, token) = await _client.StartAsync();
        var text = string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(0x1F600), 500));

        await _client.PostMessageAsync(conversationId, token, text);

        Assert.Contains(_factory.Bot.Received, r => r.Text == text);
    }

    [Fact]
    public async Task PostActivity_FiveHundredAndOneEmoji_Returns400CountingWhatAPersonSees()
    {
        var (conversationId, token) = await _client.StartAsync();
        var text = string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(0x1F600), 501));
        var body = new JsonObject { ["type"] = "message", ["text"] = text }.ToJsonString();

        using var response = await _client.SendAsync(Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text 最长 500 个字，收到 501 个字。", (string)problem["detail"]!);
    }

    [Fact]
    public async Task PostActivity_BodyOver32Kilobytes_Returns413()
    {
        var (conversationId, token) = await _client.StartAsync();
        var body = new JsonObject { ["type"] = "message", ["text"] = "x", ["name"] = new string('a', 40_000) }.ToJsonString();

        var status = await _client.StatusOfAsync(Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task PostActivity_BotThrows_ApologyRepliesToTheMessage()
    {
        await using var factory = new DirectLineApiFactory();
        using var client = factory.CreateClient();
        var (conversationId, token) = await client.StartAsync();
        factory.Bot.Fail = true;

        var posted = await client.PostMessageAsync(conversationId, token, "你好");
        var reply = (await client.GetActivitiesAsync(conversationId, token, "2")).Activities().Single()!;

        Assert.Equal("error", (string)reply["channelData"]!["intent"]!);
        Assert.Equal((string)posted["id"]!, (string)reply["replyToId"]!);
        Assert.Contains("抱歉", (string)reply["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_MessageWithIdCardAndPhone_NeverLogsTheText()
    {
        await using var factory = new DirectLineApiFactory();
        using var client = factory.CreateClient();
        var (conversationId, token) = await client.StartAsync();

        await client.PostMessageAsync(conversationId, token, "我的身份证号110101199003077777，电话13912345678");
        factory.Bot.Fail = true;
        await client.PostMessageAsync(conversationId, token, "再问一次 110101199003077777");

        Assert.NotEmpty(factory.Logs.Messages);
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains("110101199003077777", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains("13912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostActivity_MessageWithIdCardAndPhone_StoresTheEchoMasked()
    {
        await using var factory = new DirectLineApiFactory();
        using var client = factory.CreateClient();
        var (conversationId, token) = await client.StartAsync();

        await client.PostMessageAsync(conversationId, token, "我的身份证号110101199003077777，电话13912345678");
        var transcript = (await client.GetActivitiesAsync(conversationId, token)).ToJsonString();

        Assert.DoesNotContain("110101199003077777", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_WithToken_ReturnsWorkingTokenForSameConversation()
    {
        var (conversationId, token) = await _client.StartAsync();

        var refreshed = await _client.SendJsonAsync(Request(HttpMethod.Post, "/tokens/refresh", token), HttpStatusCode.OK);
        var set = await _client.GetActivitiesAsync(conversationId, (string)refreshed["token"]!);

        Assert.Equal(conversationId, (string)refreshed["conversationId"]!);
        Assert.NotEqual(token, (string)refreshed["token"]!);
        Assert.Single(set.Activities());
    }

    [Fact]
    public async Task RefreshToken_WithSecret_Returns403()
    {
        var status = await _client.StatusOfAsync(Request(HttpMethod.Post, "/tokens/refresh", DirectLineApiFactory.Secret));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task GetActivities_TokenPastItsLifetime_Returns403()
    {
        await using var factory = new DirectLineApiFactory();
        using var client = factory.CreateClient();
        var (conversationId, token) = await client.StartAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.StatusOfAsync(Request(HttpMethod.Get, $"/conversations/{conversationId}/activities", token));
        var refresh = await client.StatusOfAsync(Request(HttpMethod.Post, "/tokens/refresh", token));

        Assert.Equal(HttpStatusCode.Forbidden, expired);
        Assert.Equal(HttpStatusCode.Forbidden, refresh);
    }

    [Fact]
    public async Task GetActivities_ConversationIdleLongerThanLifetime_Returns404()
    {
        await using var factory = new DirectLineApiFactory();
        using var client = factory.CreateClient();
        var (conversationId, _) = await client.StartAsync();

        factory.Clock.Advance(TimeSpan.FromHours(3));
        var status = await client.StatusOfAsync(Request(HttpMethod.Get, $"/conversations/{conversationId}/activities", DirectLineApiFactory.Secret));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Stream_WebSocket_SendsWelcomeThenEchoAndReply()
    {
        var (conversationId, token) = await _client.StartAsync();
        var info = await _client.SendJsonAsync(Request(HttpMethod.Get, $"/conversations/{conversationId}?watermark=", token), HttpStatusCode.OK);
        var streamUrl = new Uri((string)info["streamUrl"]!);
        var socketClient = _factory.Server.CreateWebSocketClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var socket = await socketClient.ConnectAsync(new Uri(_factory.Server.BaseAddress, streamUrl.PathAndQuery), timeout.Token);
        var first = await ReceiveSetAsync(socket, timeout.Token);
        await _client.PostMessageAsync(conversationId, (string)info["token"]!, "高龄津贴");
        var received = new List<JsonNode>();
        while (received.Count < 2)
            received.AddRange((await ReceiveSetAsync(socket, timeout.Token)).Activities()!);

        Assert.Equal("bot", (string)first.Activities().Single()!["from"]!["role"]!);
        Assert.Equal("高龄津贴", (string)received[0]["text"]!);
        Assert.Equal((string)received[0]["id"]!, (string)received[1]["replyToId"]!);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task Stream_ConversationTokenInsteadOfStreamToken_Returns403()
    {
        var (conversationId, token) = await _client.StartAsync();

        using var response = await _client.GetAsync($"{Root}/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromAllowedOrigin_AllowsBotAgentAndAuthorizationHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Root + "/conversations");
        request.Headers.Add("Origin", DirectLineApiFactory.PortalOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(DirectLineApiFactory.PortalOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("x-ms-bot-agent", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("authorization", allowed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_GetsNoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Root + "/conversations/x/activities");
        request.Headers.Add("Origin", "https://evil.example.com");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-ms-bot-agent");

        using var response = await _client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ResidentToken_SameOrigin_ReturnsTokenThatStartsAConversation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var issued = await _client.SendJsonAsync(request, HttpStatusCode.OK);
        var started = await _client.SendJsonAsync(Request(HttpMethod.Post, "/conversations", (string)issued["token"]!), HttpStatusCode.Created);

        Assert.Equal((string)issued["conversationId"]!, (string)started["conversationId"]!);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example.com")]
    public async Task ResidentToken_FromAnotherSite_Returns403(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add(header, value);

        var status = await _client.StatusOfAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ResidentToken_MoreThanLimitPerMinute_Returns429()
    {
        await using var factory = new DirectLineApiFactory { TokenRequestsPerMinute = 2 };
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add(await client.StatusOfAsync(new HttpRequestMessage(HttpMethod.Post, "/api/directline/token")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<JsonObject> ReceiveSetAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            // Empty messages are heartbeats.
            if (message.Length > 0)
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
        }
    }
}
