using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Advisor.Bot.Tests.Support;

/// <summary>
/// The service with the repository's rules, every log line captured, and optional changes to its
/// services (a fake model, a fake clock).
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<string, string?> _settings;

    public BotFactory()
    {
        _settings = [];
    }

    /// <summary>A factory whose services or settings a test changes.</summary>
    public static BotFactory With(Action<IServiceCollection>? services, Dictionary<string, string?>? settings = null) =>
        new(services, settings ?? []);

    private BotFactory(Action<IServiceCollection>? services, Dictionary<string, string?> settings)
    {
        _services = services;
        _settings = settings;
    }

    public LogCapture Logs { get; } = new();

    /// <summary>The bot itself, for tests that need no HTTP.</summary>
    public IChatBot Bot => Services.GetRequiredService<IChatBot>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Rules:Directory", RepoPaths.Rules);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter<LogCapture>(_ => true);
        });
        builder.ConfigureTestServices(services => _services?.Invoke(services));
    }
}

/// <summary>
/// Test classes that start a host run one after another: loading the rules registers the procedure schema
/// in JsonSchema.Net's process-wide registry, which two hosts starting at once can collide in.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "Bot host";
}
