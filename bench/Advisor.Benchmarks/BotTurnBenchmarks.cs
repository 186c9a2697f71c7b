using Advisor.Bot;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// One bot turn on the deterministic route (no model), warm: the message is read, the procedure and the
/// intent found, and the answer written from the rules. Target: under 1 ms median. Runs once the bot is
/// in the build (see <see cref="BotHost"/>); <c>Program</c> leaves it out otherwise.
/// </summary>
public class BotTurnBenchmarks
{
    private const string Question = "办理高龄津贴需要带哪些材料？";
    private const string Colloquial = "俺娘85了，想领老年补贴，要准备啥";

    private ServiceProvider _services = null!;
    private IChatBot _bot = null!;
    private string _conversation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = BotHost.Services();
        _bot = _services.GetRequiredService<IChatBot>();

        var turn = _bot.ReplyAsync(null, Question, CancellationToken.None).GetAwaiter().GetResult();
        _conversation = turn.ConversationId;
        var reply = turn.Replies[0];
        Console.WriteLine($"// bot: procedure {reply.ProcedureId}, intent {reply.Intent}: "
            + reply.Text.ReplaceLineEndings(" ")[..Math.Min(60, reply.Text.Length)]);
        if (reply.ProcedureId != "34")
            throw new InvalidOperationException($"The bot placed 「{Question}」 in {reply.ProcedureId}, not 34.");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "bot turn: materials for 34, same conversation")]
    public Task<ChatTurn> SameConversation() => _bot.ReplyAsync(_conversation, Question, CancellationToken.None);

    [Benchmark(Description = "bot turn: colloquial, new conversation")]
    public Task<ChatTurn> NewConversation() => _bot.ReplyAsync(null, Colloquial, CancellationToken.None);
}
