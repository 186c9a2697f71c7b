using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Advisor.Api.DirectLine;

/// <summary>
/// The part of the Bot Framework activity schema that Direct Line and Web Chat use. Modelled here because
/// Microsoft.Bot.Schema cannot be restored (see docs on dependencies); property names follow the schema.
/// </summary>
public sealed record Activity
{
    /// <summary><c>message</c>, <c>typing</c> or <c>event</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Assigned by the service when the activity enters the transcript.</summary>
    public string? Id { get; init; }

    /// <summary>UTC, ISO 8601, strictly increasing within a conversation; set by the service.</summary>
    public string? Timestamp { get; init; }

    /// <summary>The sender's local time, as the client sent it; kept only on the user's own echo.</summary>
    public string? LocalTimestamp { get; init; }

    /// <summary>Always <c>directline</c> in the transcript.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The sender, with its <c>role</c> (<c>user</c> or <c>bot</c>).</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>The message text.</summary>
    public string? Text { get; init; }

    /// <summary><c>plain</c> for the bot's messages.</summary>
    public string? TextFormat { get; init; }

    /// <summary>A BCP 47 locale (<c>zh-CN</c>).</summary>
    public string? Locale { get; init; }

    /// <summary>The id of the activity this one answers; always an id the client already has.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Whether the bot expects an answer.</summary>
    public string? InputHint { get; init; }

    /// <summary>Quick replies shown under the latest bot message.</summary>
    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Attachments, kept as sent; the bot reads none.</summary>
    public JsonArray? Attachments { get; init; }

    /// <summary>The name of an event activity.</summary>
    public string? Name { get; init; }

    /// <summary>The value of an event activity or a card action.</summary>
    public JsonNode? Value { get; init; }

    /// <summary>
    /// Channel-specific data: the client's <c>clientActivityID</c> on the user's messages; the
    /// <c>procedureId</c> and <c>intent</c> on the bot's.
    /// </summary>
    public JsonObject? ChannelData { get; init; }
}

/// <summary>A participant of a conversation.</summary>
/// <param name="Id">A stable id.</param>
/// <param name="Name">A display name.</param>
/// <param name="Role"><c>user</c> or <c>bot</c>; Web Chat needs it on every activity.</param>
public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
/// <param name="Id">The Direct Line conversation id.</param>
public sealed record ConversationAccount(string Id);

/// <summary>Quick replies.</summary>
/// <param name="Actions">The buttons.</param>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>One quick reply.</summary>
/// <param name="Type"><c>imBack</c>: tapping sends <paramref name="Value"/> as the user's message.</param>
/// <param name="Title">The button's text.</param>
/// <param name="Value">What is sent.</param>
public sealed record CardAction(string Type, string Title, string Value);

/// <summary>A page of the transcript.</summary>
/// <param name="Activities">The activities after the watermark the client sent.</param>
/// <param name="Watermark">Opaque; send it back to get only what follows.</param>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>The answer to posting an activity.</summary>
/// <param name="Id">The id the activity got in the transcript.</param>
public sealed record ResourceResponse(string Id);

/// <summary>A conversation as <c>POST /conversations</c> and reconnection return it.</summary>
public sealed record ConversationInfo
{
    /// <summary>The conversation id.</summary>
    public required string ConversationId { get; init; }

    /// <summary>A token for this conversation only.</summary>
    public required string Token { get; init; }

    /// <summary>Seconds until the token expires.</summary>
    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    /// <summary>A WebSocket URL that streams the transcript; it carries its own short-lived token.</summary>
    public required string StreamUrl { get; init; }
}

/// <summary>A token, as <c>tokens/generate</c> and <c>tokens/refresh</c> return it.</summary>
/// <param name="ConversationId">The only conversation the token opens.</param>
/// <param name="Token">The bearer token.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
public sealed record TokenInfo(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
