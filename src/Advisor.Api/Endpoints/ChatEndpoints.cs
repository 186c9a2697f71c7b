using Advisor.Bot;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advisor.Api.Endpoints;

/// <summary><c>POST /api/chat</c>: one message to the bot, its replies back.</summary>
internal static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/chat", ChatAsync)
            .Accepts<ChatRequest>("application/json")
            .WithTags("Bot")
            .WithName("Chat")
            .WithSummary("Sends a resident's message to the bot; without a conversationId a new conversation starts.");
        return routes;
    }

    private static async Task<Results<Ok<ChatTurn>, ValidationProblem>> ChatAsync(
        HttpRequest request, IChatBot bot, CancellationToken cancellationToken)
    {
        var (body, errors) = await JsonBody.ReadAsync<ChatRequest>(request, cancellationToken);
        if (errors.Count > 0)
            return errors.ToProblem();

        var text = body!.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            return JsonBody.Problem("text", "text 不能为空：请输入要问的问题。");

        if (TextLimit.Check(text, TextLimit.MaxCharacters) is { } tooLong)
            return JsonBody.Problem("text", tooLong);

        return TypedResults.Ok(await bot.ReplyAsync(body.ConversationId, text, cancellationToken));
    }
}

/// <summary>A message to the bot.</summary>
/// <param name="ConversationId">The id a previous answer returned; empty to start a conversation.</param>
/// <param name="Text">The message, at most 500 characters.</param>
public sealed record ChatRequest(string? ConversationId, string? Text);
