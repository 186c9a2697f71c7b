using Microsoft.AspNetCore.Http.Features;

namespace Advisor.Api.Hosting;

/// <summary>
/// Refuses bodies over <see cref="ServiceSetup.MaxBodyBytes"/> with a 413 ProblemDetails before any
/// handler reads them; bodies without a length are capped by the server's own limit.
/// </summary>
internal static class BodySizeLimit
{
    /// <summary>The title of every 413 for a request body, with a length or chunked.</summary>
    public const string TooLargeTitle = "Request body too large";

    /// <summary>The detail of every 413 for a request body.</summary>
    public static string TooLargeDetail => $"请求体不能超过 {ServiceSetup.MaxBodyBytes / 1024} KB。";

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > ServiceSetup.MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(
                    title: TooLargeTitle,
                    detail: TooLargeDetail,
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = ServiceSetup.MaxBodyBytes;

            if (context.Request.ContentLength is null && !context.WebSockets.IsWebSocketRequest)
                context.Request.Body = new LimitedReadStream(context.Request.Body, ServiceSetup.MaxBodyBytes);

            await next(context);
        });
}
