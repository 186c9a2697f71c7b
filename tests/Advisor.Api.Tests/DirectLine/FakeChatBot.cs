using System.Collections.Concurrent;
using Advisor.Bot;

namespace Advisor.Api.Tests.DirectLine;

/// <summary>A bot that answers every message with one reply about procedure 34, and records what it got.</summary>
internal sealed class FakeChatBot : IChatBot
{
    public ConcurrentQueue<(string? ConversationId, string Text)> Received { get; } = new();

    public bool Fail { get; set; }

    public BotReply Welcome() => new("您好，我是便民办事助手。", ["高龄津贴要带啥"], "", "welcome");

    public Task<ChatTurn> ReplyAsync(string? conversationId, string text, CancellationToken cancellationToken)
    {
        Received.Enqueue((conversationId, text));
        if (Fail)
            throw new InvalidOperationException("the fake bot was told to fail");

        var reply = new BotReply($"收到 {text.Length} 个字。", ["下一步怎么办", "谁负责"], "34", "materials");
        return Task.FromResult(new ChatTurn(conversationId ?? "bot-" + Guid.NewGuid().ToString("N"), [reply]));
    }
}
