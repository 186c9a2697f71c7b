using System.ComponentModel.DataAnnotations;

namespace Advisor.Bot.Hosting;

/// <summary>The bot's settings (configuration section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Bot";

    /// <summary>A conversation idle this long is forgotten. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many conversations are kept; the least recently used go first. Default 10 000.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>An OpenAI-compatible model that may phrase replies; none by default.</summary>
    public BotModelOptions Model { get; set; } = new();
}

/// <summary>An OpenAI-compatible chat model (for example a local Ollama at http://localhost:11434/v1).</summary>
public sealed class BotModelOptions
{
    /// <summary>The endpoint; empty (the default) means no model is used and nothing tries to connect.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model's name, required with an endpoint.</summary>
    public string? Name { get; set; }

    /// <summary>An API key, if the endpoint wants one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long the model may take for one turn before the deterministic reply is used. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether an endpoint is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
