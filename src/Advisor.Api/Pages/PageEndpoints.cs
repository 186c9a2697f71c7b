using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Advisor.Api.Pages;

/// <summary>
/// The two pages the service serves itself: <c>/</c>, the resident chat, and <c>/desk</c>, the front-desk
/// checklist. Plain HTML, CSS and JavaScript embedded in the assembly (no bundle, no framework, nothing
/// from a CDN), so they work from any folder the service runs in and on a slow connection.
/// </summary>
public static class PageEndpoints
{
    private const string ResourcePrefix = "pages/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    // Same-origin only: the pages call the service's own API and Direct Line (ws: and wss: for the stream).
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
        + "style-src 'self'; script-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Adds the desk's settings.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeskOptions>().Bind(configuration.GetSection(DeskOptions.Section));
        services.AddSingleton<PageFiles>();
        return services;
    }

    /// <summary>Maps <c>/</c>, <c>/desk</c> and their assets under <c>/pages/</c>.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context, PageFiles files) => files.Serve(context, "index.html"))
            .WithTags("Pages").WithName("ResidentChatPage").WithSummary("The resident chat page.")
            .ExcludeFromDescription();
        routes.MapGet("/desk", (HttpContext context, PageFiles files) => files.Serve(context, "desk.html"))
            .WithTags("Pages").WithName("DeskPage").WithSummary("The front-desk checklist page.")
            .ExcludeFromDescription();
        routes.MapGet("/pages/{file}",
                (HttpContext context, PageFiles files, string file) => files.Serve(context, file))
            .ExcludeFromDescription();
        return routes;
    }

    /// <summary>The embedded page files, read once, with the desk's settings filled into the HTML.</summary>
    internal sealed class PageFiles
    {
        private readonly FrozenDictionary<string, PageFile> _files;

        public PageFiles(IOptions<DeskOptions> desk)
        {
            ArgumentNullException.ThrowIfNull(desk);

            var assembly = typeof(PageEndpoints).Assembly;
            var files = new Dictionary<string, PageFile>(StringComparer.Ordinal);
            var names = assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal));
            foreach (var name in names)
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var text = reader.ReadToEnd();
                var file = name[ResourcePrefix.Length..];
                if (file.EndsWith(".html", StringComparison.Ordinal))
                    text = Fill(text, desk.Value);

                var bytes = Encoding.UTF8.GetBytes(text);
                var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
                var type = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
                files[file] = new PageFile(bytes, type, etag);
            }

            _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public IResult Serve(HttpContext context, string file)
        {
            if (!_files.TryGetValue(file, out var page))
                return TypedResults.NotFound();

            var headers = context.Response.Headers;
            headers.ETag = page.ETag;
            headers.CacheControl = "no-cache";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (page.ContentType.StartsWith("text/html", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;

            if (context.Request.Headers.IfNoneMatch == page.ETag)
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);

            return TypedResults.Bytes(page.Bytes, page.ContentType);
        }

        // Chinese stays readable in the page source; markup characters are still encoded.
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        private static string Fill(string html, DeskOptions desk) => html
            .Replace("{{office}}", Encoder.Encode(desk.Office), StringComparison.Ordinal)
            .Replace("{{contactLine}}", Encoder.Encode(desk.ContactLine), StringComparison.Ordinal)
            .Replace("{{address}}", Encoder.Encode(desk.Address), StringComparison.Ordinal);
    }

    private sealed record PageFile(byte[] Bytes, string ContentType, string ETag);
}
