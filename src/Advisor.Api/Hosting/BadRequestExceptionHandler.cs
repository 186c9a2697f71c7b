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
        var detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? $"请求体不能超过 {ServiceSetup.MaxBodyBytes / 1024} KB。"
            : "请求无法读取，请检查请求体。";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = detail },
        });
    }
}
