using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Advisor.Api.Tests.DirectLine;

/// <summary>Direct Line calls as botframework-directlinejs makes them, for the tests.</summary>
internal static class DirectLineClient
{
    public const string Root = "/v3/directline";

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearer, string? json = null)
    {
        var request = new HttpRequestMessage(method, Root + path);
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        request.Headers.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs 0.15.5)");
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        return request;
    }

    public static async Task<JsonObject> SendJsonAsync(this HttpClient client, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Generates a token with the secret and starts its conversation; returns (id, token).</summary>
    public static async Task<(string ConversationId, string Token)> StartAsync(this HttpClient client)
    {
        var generated = await client.SendJsonAsync(
            Request(HttpMethod.Post, "/tokens/generate", DirectLineApiFactory.Secret), HttpStatusCode.OK);
        var token = (string)generated["token"]!;
        var started = await client.SendJsonAsync(
            Request(HttpMethod.Post, "/conversations", token, """{"user":{"id":"dl_user"},"locale":"zh-CN"}"""),
            HttpStatusCode.Created);
        return ((string)started["conversationId"]!, (string)started["token"]!);
    }

    public static Task<JsonObject> GetActivitiesAsync(this HttpClient client, string conversationId, string token, string watermark = "") =>
        client.SendJsonAsync(
            Request(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token),
            HttpStatusCode.OK);

    public static Task<JsonObject> PostMessageAsync(this HttpClient client, string conversationId, string token, string text, string clientActivityId = "client-1")
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "dl_user", ["role"] = "user" },
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["textFormat"] = "plain",
            ["localTimestamp"] = "2025-06-01T16:00:00.000+08:00",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        return client.SendJsonAsync(
            Request(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, activity.ToJsonString()),
            HttpStatusCode.OK);
    }

    public static JsonArray Activities(this JsonObject set) => set["activities"]!.AsArray();
}
