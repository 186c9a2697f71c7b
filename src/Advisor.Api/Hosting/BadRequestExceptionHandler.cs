using Microsoft.AspNetCore.Diagnostics;

namespace Advisor.Api.Hosting;

/// <summary>
/// Answers the server's own request errors (a chunked body over the size limit, a body cut off) with
/// their status and a ProblemDetails, instead of the 500 an unhandled exception would give.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;

        httpContext.Response.StatusCode = bad.StatusCode;
        var (title, detail) = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? (BodySizeLimit.TooLargeTitle, BodySizeLimit.TooLargeDetail)
            : ("Bad request", "请求无法读取，请检查请求体。");
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = title, Detail = detail },
        });
    }
}
