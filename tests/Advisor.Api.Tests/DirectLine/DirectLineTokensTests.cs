using Advisor.Api.DirectLine;
using Microsoft.Extensions.Options;

namespace Advisor.Api.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void CheckHeader_IssuedToken_OpensOnlyItsConversation()
    {
        var tokens = CreateTokens("s3cret");

        var credential = tokens.CheckHeader("Bearer " + tokens.IssueConversationToken("abc"));

        Assert.Equal(CredentialKind.Token, credential.Kind);
        Assert.True(credential.Opens("abc"));
        Assert.False(credential.Opens("abd"));
    }

    [Fact]
    public void CheckHeader_TokenWithChangedConversation_IsInvalid()
    {
        var tokens = CreateTokens("s3cret");
        var token = tokens.IssueConversationToken("abc");
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]));
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.Replace("abc", "xyz", StringComparison.Ordinal)))
            + "." + token.Split('.')[1];

        var credential = tokens.CheckHeader("Bearer " + forged);

        Assert.Equal(CredentialKind.Invalid, credential.Kind);
    }

    [Fact]
    public void CheckHeader_TokenSignedWithAnotherSecret_IsInvalid()
    {
        var token = CreateTokens("one").IssueConversationToken("abc");

        var credential = CreateTokens("two").CheckHeader("Bearer " + token);

        Assert.Equal(CredentialKind.Invalid, credential.Kind);
    }

    [Fact]
    public void CheckStreamToken_ConversationToken_IsInvalid()
    {
        var tokens = CreateTokens("s3cret");

        var asStream = tokens.CheckStreamToken(tokens.IssueConversationToken("abc"));
        var asHeader = tokens.CheckHeader("Bearer " + tokens.IssueStreamToken("abc"));

        Assert.Equal(CredentialKind.Invalid, asStream.Kind);
        Assert.Equal(CredentialKind.Invalid, asHeader.Kind);
    }

    [Fact]
    public void CheckStreamToken_AfterTwoMinutes_IsInvalid()
    {
        var tokens = CreateTokens("s3cret");
        var token = tokens.IssueStreamToken("abc");

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(CredentialKind.Invalid, tokens.CheckStreamToken(token).Kind);
    }

    [Theory]
    [InlineData(null, "Missing")]
    [InlineData("", "Missing")]
    [InlineData("Basic czNjcmV0", "Invalid")]
    [InlineData("Bearer s3cret", "Secret")]
    [InlineData("bearer s3cret", "Secret")]
    [InlineData("Bearer s3cre", "Invalid")]
    public void CheckHeader_Variants_Classified(string? header, string expected)
    {
        var tokens = CreateTokens("s3cret");

        Assert.Equal(expected, tokens.CheckHeader(header).Kind.ToString());
    }

    [Fact]
    public void CheckHeader_NoSecretConfigured_NothingIsTheSecret()
    {
        var tokens = CreateTokens(null);

        Assert.False(tokens.HasSecret);
        Assert.Equal(CredentialKind.Invalid, tokens.CheckHeader("Bearer ").Kind);
        Assert.Equal(CredentialKind.Token, tokens.CheckHeader("Bearer " + tokens.IssueConversationToken("abc")).Kind);
    }

    private DirectLineTokens CreateTokens(string? secret) =>
        new(Options.Create(new DirectLineOptions { Secret = secret }), _clock);
}
