using System.ComponentModel.DataAnnotations;

namespace Advisor.Api.DirectLine;

/// <summary>Settings of the Direct Line channel (configuration section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DirectLine";

    /// <summary>
    /// The secret that a server (a township portal's back end) exchanges for conversation tokens, and the
    /// key tokens are signed with. A development value lives in <c>appsettings.Development.json</c>; in
    /// production it comes from the environment (<c>DirectLine__Secret</c>). Without it the resident page
    /// still works (tokens are signed with a key made at start-up) but <c>tokens/generate</c> refuses
    /// every caller.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token lives; 30 minutes, as in Direct Line.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an idle conversation's transcript is kept; 2 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The most conversations kept at once; past it the least recently used is dropped. 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>The most activities kept per conversation; past it the oldest are dropped. 500.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>
    /// The longest message text accepted, in characters a person sees (emoji count once); 500, as for
    /// <c>POST /api/chat</c>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = Endpoints.TextLimit.MaxCharacters;

    /// <summary>
    /// Origins (<c>https://portal.example.gov.cn</c>) whose pages may embed Web Chat and call Direct Line
    /// from the browser. Empty by default: only the service's own pages.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How many conversations one client address may open from the resident page per minute; 10.</summary>
    [Range(1, 10_000)]
    public int TokenRequestsPerMinute { get; set; } = 10;

    /// <summary>How often an idle WebSocket gets an empty heartbeat message; 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);
}
