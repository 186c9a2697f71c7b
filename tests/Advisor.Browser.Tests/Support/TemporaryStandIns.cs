// TEMPORARY — delete this file, and the one line in ServiceHost.ConfigureWebHost that calls it, when the
// real bot (AdvisorBot, registered by AddAdvisorBot) and the real desk endpoints (checklist, completeness,
// next-steps) are merged. Until then they stand in for the missing parts only:
//  - the bot is added with TryAdd, so a registered IChatBot always wins;
//  - the desk endpoints answer only requests that no endpoint of the service matched.
// Both answer from the real rule files, so the browser tests assert real materials either way.
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Advisor.Bot;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Advisor.Browser.Tests.Support;

internal static class TemporaryStandIns
{
    public static void AddWhereMissing(IServiceCollection services)
    {
        services.TryAddSingleton<IChatBot, StandInBot>();
        services.AddSingleton<IStartupFilter, StandInDeskApi>();
    }

    /// <summary>Finds a procedure by title or alias and lists its materials or steps, from the rules.</summary>
    private sealed class StandInBot(ProcedureCatalog catalog) : IChatBot
    {
        private static readonly string[] Follow = ["下一步怎么办", "到哪里办", "还有别的事要问"];
        private readonly ConcurrentDictionary<string, string> _lastProcedure = new();

        public BotReply Welcome() => new(
            "您好！我是便民办事助手。\n可以问我办事要带什么材料、怎么办、找谁办。",
            ["高龄津贴要什么材料", "低保怎么申请"], "", "welcome");

        public Task<ChatTurn> ReplyAsync(string? conversationId, string text, CancellationToken cancellationToken)
        {
            var id = conversationId ?? Guid.NewGuid().ToString("N");
            var procedure = Find(text) ?? (_lastProcedure.TryGetValue(id, out var last) ? catalog.Find(last) : null);
            if (procedure is null)
            {
                var unknown = new BotReply("抱歉，没听明白您要办哪件事。可以说说事项名称，比如「高龄津贴」。",
                    ["高龄津贴要什么材料"], "", "unknown");
                return Task.FromResult(new ChatTurn(id, [unknown]));
            }

            _lastProcedure[id] = procedure.Id;
            var reply = text.Contains("下一步", StringComparison.Ordinal) || text.Contains("怎么办", StringComparison.Ordinal)
                ? new BotReply($"「{procedure.Title}」的办理流程：\n" + string.Join("\n",
                    procedure.Steps.Where(s => s.Kind != StepKind.End).Select((s, i) => $"{i + 1}. {s.Name}")),
                    ["要带什么材料", "到哪里办"], procedure.Id, "steps")
                : text.Contains("哪里", StringComparison.Ordinal)
                    ? new BotReply($"「{procedure.Title}」请到{string.Join("、", procedure.Actors.Handling)}办理。",
                        ["要带什么材料", "下一步怎么办"], procedure.Id, "responsible")
                    : new BotReply($"办理「{procedure.Title}」请一次带齐：\n" + string.Join("\n",
                        procedure.Materials.Where(m => m.Condition is null).Select((m, i) => $"{i + 1}. {m.Name}")),
                        Follow, procedure.Id, "materials");
            return Task.FromResult(new ChatTurn(id, [reply]));
        }

        private Procedure? Find(string text) => catalog.Procedures
            .SelectMany(p => p.Aliases.Append(p.Title).Select(name => (Procedure: p, Name: name)))
            .Where(x => text.Contains(x.Name, StringComparison.Ordinal))
            .OrderByDescending(x => x.Name.Length)
            .Select(x => x.Procedure)
            .FirstOrDefault();
    }

    /// <summary>checklist, completeness and next-steps, for requests no real endpoint matched.</summary>
    private sealed class StandInDeskApi : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, nextMiddleware) =>
            {
                var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
                if (context.GetEndpoint() is not null || !HttpMethods.IsPost(context.Request.Method)
                    || segments is not ["api", "procedures", _, "checklist" or "completeness" or "next-steps"])
                {
                    await nextMiddleware(context);
                    return;
                }

                var catalog = context.RequestServices.GetRequiredService<ProcedureCatalog>();
                var procedure = catalog.Find(segments[2]);
                if (procedure is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
                object answer = segments[3] switch
                {
                    "checklist" => Checklist(procedure, body),
                    "completeness" => Completeness(procedure, body),
                    _ => NextSteps(procedure, body),
                };
                context.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(context.Response.Body, answer, RuleJson.Options);
            });
        };

        private static object Checklist(Procedure procedure, JsonObject body) => new
        {
            ProcedureId = procedure.Id,
            Materials = Applicable(procedure, Facts(body)).Select(x => new
            {
                x.Material.Id, x.Material.Name, x.Material.Form, x.Material.Copies, x.Material.Unit,
                x.Material.Supply, x.Material.Note, x.Material.Parts, x.Material.Condition,
                x.Material.ConditionLabel, Applies = x.Applies, MissingFacts = x.MissingFacts,
            }),
        };

        private static object Completeness(Procedure procedure, JsonObject body)
        {
            var submitted = (body["submitted"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "").ToHashSet();
            var missing = Applicable(procedure, Facts(body))
                .Where(x => x.Material.Supply != MaterialSupply.OnRequest || x.Applies != "always")
                .Where(x => !submitted.Contains(x.Material.Name) && !x.Material.Aliases.Any(submitted.Contains))
                .Select(x => new
                {
                    MaterialId = x.Material.Id, x.Material.Name, x.Material.Form, x.Material.Copies, x.Material.Unit,
                    Reason = x.Applies switch
                    {
                        "yes" => $"{x.Material.ConditionLabel}需提供",
                        "unknown" => $"如属「{x.Material.ConditionLabel}」需提供（请先确认：{x.MissingFacts[0].Question}）",
                        _ => "本事项必须提供",
                    },
                    MissingParts = Array.Empty<string>(),
                })
                .ToList();
            return new
            {
                ProcedureId = procedure.Id,
                procedure.Title,
                Complete = missing.Count == 0,
                Missing = missing,
                Unrecognized = submitted.Where(s => !procedure.Materials.Any(m => m.Name == s || m.Aliases.Contains(s))),
                Notice = $"{procedure.Title}：还需补齐 " + string.Join("、", missing.Select(m => m.Name)),
                procedure.LegalNote,
            };
        }

        private static object NextSteps(Procedure procedure, JsonObject body)
        {
            var current = body["currentStep"]?.GetValue<string>();
            var outcome = body["outcome"]?.GetValue<string>();
            var step = current is null ? null : procedure.FindStep(current);
            IEnumerable<string> ids = step is null ? [procedure.Steps[0].Id]
                : step.Kind == StepKind.Decision
                    ? outcome switch { "yes" => [step.Yes!], "no" => [step.No!], _ => [step.Yes!, step.No!] }
                    : step.Next;
            return new
            {
                ProcedureId = procedure.Id,
                Next = ids.Select(procedure.FindStep).OfType<Step>()
                    .Select(s => new { s.Id, s.Name, s.Kind, s.Actor, s.MinDays, s.DayUnit, s.Duration, s.Summary }),
            };
        }

        private static Dictionary<string, JsonNode?> Facts(JsonObject body) =>
            (body["facts"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value);

        private static IEnumerable<(Material Material, string Applies, List<MissingFact> MissingFacts)> Applicable(
            Procedure procedure, Dictionary<string, JsonNode?> facts)
        {
            foreach (var material in procedure.Materials)
            {
                if (material.Condition is null)
                {
                    yield return (material, "always", []);
                    continue;
                }

                // Conditions in the rule files read `fact == value`; enough for the desk's browser test.
                var parts = material.Condition.Split("==", StringSplitOptions.TrimEntries);
                var name = parts[0];
                var expected = parts[1].Trim('"');
                if (!facts.TryGetValue(name, out var value) || value is null)
                {
                    var fact = procedure.FindFact(name);
                    yield return (material, "unknown", [new MissingFact(name, fact?.Label ?? name, fact?.Question ?? name)]);
                    continue;
                }

                if (string.Equals(value.ToJsonString().Trim('"'), expected, StringComparison.OrdinalIgnoreCase))
                    yield return (material, "yes", []);
            }
        }

        private sealed record MissingFact(string Name, string Label, string Question);
    }
}
