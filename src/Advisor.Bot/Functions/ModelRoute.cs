using System.Text;
using System.Text.RegularExpressions;
using Advisor.Bot.Answers;
using Advisor.Bot.Dialogue;
using Advisor.Bot.Hosting;
using Advisor.Rules.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkKernel = Microsoft.SemanticKernel.Kernel;

namespace Advisor.Bot.Functions;

/// <summary>
/// The optional model route: an OpenAI-compatible chat model chooses the bot's kernel functions and words
/// the reply from their results. Functions are invoked here, not by the connector
/// (<c>FunctionChoiceBehavior.Auto(autoInvoke: false)</c>), so the results are known. A reply is kept only
/// when it rests on at least one function result and states no number that the results and the message
/// lack; otherwise, and on any failure or timeout, the caller keeps its deterministic reply.
/// </summary>
internal sealed partial class ModelRoute(
    IChatCompletionService? chat,
    SkKernel kernel,
    ProcedureCatalog catalog,
    IOptions<BotOptions> options,
    ILogger<ModelRoute> logger)
{
    private const int MaxRounds = 3;

    private const string SystemPrompt =
        "你是村（社区）便民服务小助手，用简短、口语化的中文回答居民。只能根据函数返回的结果回答：" +
        "材料、条件、步骤、单位、天数都必须来自函数结果，不能编造。先用 find_procedure 确认事项编号，" +
        "再调用对应的函数。问题不属于这些事项时，请居民咨询所在的村（居）民委员会或拨打12345热线。";

    /// <summary>Every material name and alias of every procedure, three characters or longer.</summary>
    private readonly string[] _materialNames =
    [
        .. catalog.Procedures
            .SelectMany(p => p.Materials)
            .SelectMany(m => m.Aliases.Append(m.Name).Concat(m.Parts.SelectMany(part => (part.Aliases ?? []).Append(part.Name))))
            .Where(n => n.Length >= 3)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Whether a model is configured.</summary>
    public bool IsAvailable => chat is not null;

    /// <summary>The model's reply, or null to keep the deterministic one.</summary>
    public async Task<BotReply?> TryReplyAsync(
        ConversationState state, string maskedText, ToolAnswer deterministic, CancellationToken cancellationToken)
    {
        if (chat is null)
            return null;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Model.Timeout);
        try
        {
            var history = History(state, maskedText, deterministic);
            var settings = new PromptExecutionSettings
            {
                FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false),
            };

            var results = new List<ToolAnswer>();
            string? text = null;
            for (var round = 0; round < MaxRounds && text is null; round++)
            {
                var replies = await chat.GetChatMessageContentsAsync(history, settings, kernel, timeout.Token);
                var reply = replies.Count > 0 ? replies[0] : null;
                var calls = reply is null ? [] : FunctionCallContent.GetFunctionCalls(reply).ToArray();
                if (calls.Length == 0)
                {
                    text = reply?.Content;
                    break;
                }

                history.Add(reply!);
                foreach (var call in calls)
                {
                    var result = await call.InvokeAsync(kernel, timeout.Token);
                    history.Add(result.ToChatMessage());
                    if (result.Result is ToolAnswer answer)
                        results.Add(answer);
                }
            }

            return Grounded(text, results, maskedText);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ModelFailed(logger, e);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ModelFailed(logger, e);
            return null;
        }
    }

    private BotReply? Grounded(string? text, List<ToolAnswer> results, string maskedText)
    {
        if (string.IsNullOrWhiteSpace(text) || results.Count == 0)
        {
            Log.ModelUngrounded(logger, results.Count == 0 ? "an answer without calling a function" : "nothing");
            return null;
        }

        var sources = string.Join("\n", results.Select(r => r.Text)) + "\n" + maskedText;
        foreach (Match number in Number().Matches(text))
        {
            if (!sources.Contains(number.Value, StringComparison.Ordinal))
            {
                Log.ModelUngrounded(logger, "a number");
                return null;
            }
        }

        // A document of any procedure that the results do not name is an invented requirement.
        if (_materialNames.FirstOrDefault(name => text.Contains(name, StringComparison.Ordinal)
                && !sources.Contains(name, StringComparison.Ordinal)) is not null)
        {
            Log.ModelUngrounded(logger, "a material");
            return null;
        }

        var last = results[^1];
        var reply = new StringBuilder(text.Trim());
        if (catalog.Find(last.ProcedureId)?.LegalNote is { } note && !text.Contains(note.Text, StringComparison.Ordinal))
            reply.Append("\n政策提示：").Append(note.Text).Append('（').Append(note.Source).Append('）');

        return new BotReply(reply.ToString(), last.SuggestedActions, last.ProcedureId, last.Intent);
    }

    private static ChatHistory History(ConversationState state, string maskedText, ToolAnswer deterministic)
    {
        var history = new ChatHistory(SystemPrompt);
        var context = new StringBuilder("对话情况：");
        context.Append(state.ProcedureId is null ? "还没有确定事项" : $"当前事项编号 {state.ProcedureId}");
        if (state.Facts.Count > 0)
            context.Append("；已知情况 ").Append(System.Text.Json.JsonSerializer.Serialize(state.Facts));
        if (state.LastStepId is not null)
            context.Append("；当前步骤 ").Append(state.LastStepId);
        context.Append("；按规则理解的意图 ").Append(deterministic.Intent);
        history.AddSystemMessage(context.ToString());

        // The transcript ends with this message already; earlier turns give the model the context.
        foreach (var (role, text) in state.Transcript.SkipLast(1).TakeLast(6))
        {
            if (role == "user")
                history.AddUserMessage(text);
            else
                history.AddAssistantMessage(text);
        }

        history.AddUserMessage(maskedText);
        return history;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
