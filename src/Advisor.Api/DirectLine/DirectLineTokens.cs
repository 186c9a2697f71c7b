using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Advisor.Api.DirectLine;

/// <summary>What a bearer credential turned out to be.</summary>
internal enum CredentialKind
{
    /// <summary>No <c>Authorization: Bearer</c> header (or stream token) at all.</summary>
    Missing,

    /// <summary>Present but not valid: forged, expired, for another purpose, or a wrong secret.</summary>
    Invalid,

    /// <summary>The configured secret: a trusted server.</summary>
    Secret,

    /// <summary>A token bound to one conversation.</summary>
    Token,
}

/// <summary>A checked credential.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="ConversationId">The conversation a token is bound to; null for the secret.</param>
/// <param name="Problem">Why an invalid credential was refused, for the log (never the credential itself).</param>
internal sealed record Credential(CredentialKind Kind, string? ConversationId = null, string? Problem = null)
{
    public bool Opens(string conversationId) =>
        Kind == CredentialKind.Secret
        || (Kind == CredentialKind.Token
            && string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}

/// <summary>
/// Issues and checks Direct Line tokens. A token is <c>payload.signature</c>, both base64url: the payload
/// names its purpose (a conversation token, or a stream token that only opens the WebSocket), the
/// conversation, the expiry and a nonce; the signature is an HMAC-SHA256 keyed from the secret. Tokens are
/// not stored, so they survive nothing but the key: a restart with the same secret keeps them valid.
/// </summary>
internal sealed class DirectLineTokens
{
    private const string ConversationPurpose = "c";
    private const string StreamPurpose = "s";
    private static readonly TimeSpan StreamTokenLifetime = TimeSpan.FromMinutes(2);

    private readonly byte[] _signingKey;
    private readonly byte[]? _secretHash;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);

        var secret = options.Value.Secret;
        _secretHash = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        _signingKey = string.IsNullOrEmpty(secret)
            ? RandomNumberGenerator.GetBytes(32)
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "dutyadvisor/directline/token-key"u8);
        _time = time;
        _lifetime = options.Value.TokenLifetime;
    }

    /// <summary>Whether a secret is configured, so that <c>tokens/generate</c> can be used at all.</summary>
    public bool HasSecret => _secretHash is not null;

    /// <summary>Seconds a conversation token lives.</summary>
    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    /// <summary>A new, unguessable conversation id.</summary>
    public static string NewConversationId() =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A token that opens one conversation for <see cref="LifetimeSeconds"/>.</summary>
    public string IssueConversationToken(string conversationId) =>
        Issue(ConversationPurpose, conversationId, _lifetime);

    /// <summary>A token that only opens the conversation's WebSocket, for two minutes.</summary>
    public string IssueStreamToken(string conversationId) =>
        Issue(StreamPurpose, conversationId, StreamTokenLifetime);

    /// <summary>Checks an <c>Authorization</c> header value.</summary>
    public Credential CheckHeader(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
            return new Credential(CredentialKind.Missing);

        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return new Credential(CredentialKind.Invalid, Problem: "not a bearer credential");

        var value = authorization[Bearer.Length..].Trim();
        if (IsSecret(value))
            return new Credential(CredentialKind.Secret);

        return Check(value, ConversationPurpose);
    }

    /// <summary>Checks the token carried in a stream URL.</summary>
    public Credential CheckStreamToken(string? token) =>
        string.IsNullOrEmpty(token) ? new Credential(CredentialKind.Missing) : Check(token, StreamPurpose);

    private bool IsSecret(string value) =>
        _secretHash is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(value)), _secretHash);

    private string Issue(string purpose, string conversationId, TimeSpan lifetime)
    {
        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var payload = Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{purpose}|{conversationId}|{expires}|{nonce}"));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(payload));
    }

    private Credential Check(string token, string purpose)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 512)
            return new Credential(CredentialKind.Invalid, Problem: "malformed token");

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return new Credential(CredentialKind.Invalid, Problem: "malformed token");
        }

        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
            return new Credential(CredentialKind.Invalid, Problem: "bad signature");

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 4 || parts[0] != purpose)
            return new Credential(CredentialKind.Invalid, Problem: "token for another purpose");

        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || _time.GetUtcNow().ToUnixTimeSeconds() >= expires)
            return new Credential(CredentialKind.Invalid, Problem: "expired token");

        return new Credential(CredentialKind.Token, parts[1]);
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_signingKey, payload);
}
