using System.Threading.RateLimiting;
using Advisor.Bot;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Advisor.Api.DirectLine;

/// <summary>Registers the Direct Line channel, its middleware and its endpoints.</summary>
public static class DirectLineSetup
{
    /// <summary>The CORS policy of <c>/v3/directline</c>: <see cref="DirectLineOptions.AllowedOrigins"/>.</summary>
    public const string CorsPolicy = "DirectLine";

    /// <summary>The rate limit of the resident page's token endpoint.</summary>
    public const string TokenRateLimit = "DirectLineToken";

    /// <summary>
    /// Adds the Direct Line services. The bot is not registered here: Direct Line resolves
    /// <see cref="IChatBot"/> from the container, registered by the bot's own setup.
    /// </summary>
    public static IServiceCollection AddDirectLine(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedOrigins.All(IsOrigin),
                "DirectLine:AllowedOrigins: each entry must be an origin such as https://portal.example.cn (scheme, host, optional port; no path).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITranscriptStore, InMemoryTranscriptStore>();
        services.TryAddSingleton<DirectLineTokens>();
        services.TryAddSingleton<TranscriptSignals>();

        // Built on first use rather than validated at start-up, so that the service starts (and its other
        // endpoints work) even where no bot is registered; Direct Line calls then fail with 500.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<DirectLineConversations>(sp));

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. directLine.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .AllowAnyHeader()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices
                        .GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(
                        title: "Too many requests",
                        detail: "请求太频繁，请一分钟后再试。",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>The middleware Direct Line needs: WebSockets, CORS and the rate limiter.</summary>
    public static WebApplication UseDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps <c>/v3/directline/…</c> and <c>POST /api/directline/token</c>.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes) =>
        routes.MapDirectLineEndpoints();

    /// <summary>Whether a browser request comes from the service's own pages (or from no page at all).</summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is "cross-site" or "same-site")
            return false;

        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a WebSocket's page is the service's own or an allowed origin.</summary>
    internal static bool IsAllowedOrigin(HttpRequest request, DirectLineOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        return IsSameOrigin(request)
            || options.AllowedOrigins.Any(o =>
                string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.Query);
}
