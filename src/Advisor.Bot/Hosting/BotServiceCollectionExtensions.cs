using System.Diagnostics;
using Advisor.Bot;
using Advisor.Bot.Answers;
using Advisor.Bot.Dialogue;
using Advisor.Bot.Hosting;
using Advisor.Bot.Functions;
using Advisor.Bot.Text;
using Advisor.Bot.Understanding;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkKernel = Microsoft.SemanticKernel.Kernel;

// In the DI namespace, like the framework's own Add… methods, so a host needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the bot. The rules services (<c>AddAdvisorRules</c>) must be registered too.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChatBot"/> and its parts as singletons, with settings from the <c>Bot</c>
    /// section. A model is registered only when <c>Bot:Model:Endpoint</c> is set.
    /// </summary>
    public static IServiceCollection AddAdvisorBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Model.IsConfigured || !string.IsNullOrWhiteSpace(o.Model.Name),
                "Bot:Model:Name is required when Bot:Model:Endpoint is set.")
            .Validate(o => !o.Model.IsConfigured || Uri.TryCreate(o.Model.Endpoint, UriKind.Absolute, out _),
                "Bot:Model:Endpoint must be an absolute URL such as http://localhost:11434/v1.")
            .ValidateOnStart();

        // The segmenter's dictionary is the slowest part of the bot to load and needs nothing else.
        Segmenter.LoadInBackground();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => Lexicon.Load(DataFile("lexicon.json")));
        services.AddSingleton(_ => Pinyin.Load(DataFile("pinyin.txt")));
        services.AddSingleton(sp => new ProcedureIndex(
            sp.GetRequiredService<ProcedureCatalog>(), sp.GetRequiredService<Lexicon>(), sp.GetRequiredService<Pinyin>()));
        services.AddSingleton(sp => new Segmenter(sp.GetRequiredService<ProcedureIndex>().DomainWords));
        services.AddSingleton(CreateInterpreter);
        services.AddSingleton<AnswerWriter>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<AdvisorFunctions>();
        services.AddSingleton(sp => new SkKernel(sp,
            [KernelPluginFactory.CreateFromObject(sp.GetRequiredService<AdvisorFunctions>(), AdvisorFunctions.PluginName)]));
        services.AddSingleton(sp => new ModelRoute(
            sp.GetService<IChatCompletionService>(),
            sp.GetRequiredService<SkKernel>(),
            sp.GetRequiredService<ProcedureCatalog>(),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<ILogger<ModelRoute>>()));
        services.AddSingleton<IChatBot, ChatBot>();
        services.AddHostedService<BotWarmup>();

        var model = configuration.GetSection(BotOptions.Section).Get<BotOptions>()?.Model;
        if (model is { IsConfigured: true, Name.Length: > 0 } && Uri.TryCreate(model.Endpoint, UriKind.Absolute, out var endpoint))
            services.AddOpenAIChatCompletion(model.Name, endpoint, model.ApiKey);

        return services;
    }

    /// <summary>A data file shipped next to the assembly (Data/lexicon.json, Data/pinyin.txt).</summary>
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    private static Interpreter CreateInterpreter(IServiceProvider services)
    {
        var started = Stopwatch.GetTimestamp();
        var catalog = services.GetRequiredService<ProcedureCatalog>();
        var index = services.GetRequiredService<ProcedureIndex>();
        var interpreter = new Interpreter(catalog, services.GetRequiredService<Lexicon>(), services.GetRequiredService<Pinyin>(),
            services.GetRequiredService<Segmenter>(), services.GetRequiredService<MaterialMatcher>(), index,
            services.GetRequiredService<TimeProvider>());

        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<ChatBot>>();
        var modelName = options.Model.IsConfigured ? options.Model.Name ?? "?" : "none";
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.Ready(logger, catalog.Procedures.Count, index.DomainWords.Count, modelName, elapsed);
        return interpreter;
    }
}

/// <summary>
/// Loads the bot when the host starts (the segmenter's dictionary takes about a second), so the first
/// resident does not wait and a broken lexicon stops start-up.
/// </summary>
internal sealed class BotWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IChatBot>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
