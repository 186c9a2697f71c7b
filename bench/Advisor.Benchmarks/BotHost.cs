using System.Reflection;
using Advisor.Bot;
using Advisor.Rules.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Benchmarks;

/// <summary>
/// Registers the bot the way the service does (<c>AddAdvisorBot(configuration)</c>), without a model.
/// </summary>
/// <remarks>
/// Known shortcoming: the registration is looked up by name, once, at set-up, because this project was
/// written while the bot was still on its own branch; with the bot merged, a direct call to
/// <c>services.AddAdvisorBot(configuration)</c> can replace it. Nothing is looked up on the measured path.
/// </remarks>
internal static class BotHost
{
    private static readonly Lazy<MethodInfo?> Registration = new(() => typeof(IChatBot).Assembly.GetExportedTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .FirstOrDefault(m => m.Name == "AddAdvisorBot"
            && m.GetParameters() is [{ ParameterType: var s }, { ParameterType: var c }]
            && s == typeof(IServiceCollection) && c == typeof(IConfiguration)));

    /// <summary>Whether the bot is in this build.</summary>
    public static bool IsAvailable => Registration.Value is not null;

    /// <summary>The rules services and the bot, with no model configured (the deterministic route).</summary>
    public static ServiceProvider Services()
    {
        var registration = Registration.Value
            ?? throw new InvalidOperationException("The bot (AddAdvisorBot) is not in this build: merge main first.");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAdvisorRules(Repo.Rules);
        registration.Invoke(null, [services, configuration]);
        return services.BuildServiceProvider();
    }
}
