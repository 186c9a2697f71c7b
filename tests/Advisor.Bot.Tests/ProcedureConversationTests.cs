using System.Globalization;
using Advisor.Bot.Dialogue;
using Advisor.Bot.Tests.Support;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Advisor.Bot.Tests;

/// <summary>
/// A fresh conversation about each procedure that has eligibility rules: materials, steps, the next step
/// after a yes and after a no, eligibility with follow-up questions, and completeness.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ProcedureConversationTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private static readonly ProcedureCatalog Catalog = CatalogLoader.LoadOrThrow(RepoPaths.Rules);

    public static TheoryData<string> WithRules() => [.. Catalog.Procedures.Where(EligibilityEvaluator.HasRules).Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(WithRules))]
    public async Task Materials_FreshConversation_ListsEveryMaterialThatAlwaysApplies(string id)
    {
        var procedure = Catalog.Find(id)!;

        var reply = await AskAsync(null, $"{NameOf(procedure)}要带什么材料");

        Assert.Equal(id, reply.ProcedureId);
        Assert.Equal("materials", reply.Intent);
        foreach (var material in procedure.Materials.Where(m => m.Condition is null))
            Assert.Contains(material.Name, reply.Text);
        if (procedure.LegalNote is { } note)
            Assert.Contains(note.Text, reply.Text);
    }

    [Theory]
    [MemberData(nameof(WithRules))]
    public async Task Steps_FreshConversation_ListsTheFlowAndWhereToGo(string id)
    {
        var procedure = Catalog.Find(id)!;

        var reply = await AskAsync(null, $"{NameOf(procedure)}的办理流程是什么");

        Assert.Equal(id, reply.ProcedureId);
        Assert.Equal("steps", reply.Intent);
        Assert.Contains(procedure.Steps[0].Name, reply.Text);
        foreach (var step in procedure.Steps.Where(s => s.Kind == StepKind.Publicity))
            Assert.Contains(step.Name, reply.Text);
        Assert.Contains("办理：到", reply.Text);
    }

    [Theory]
    [MemberData(nameof(WithRules))]
    public async Task NextStep_AfterYesAndAfterNo_FollowsEachBranch(string id)
    {
        var procedure = Catalog.Find(id)!;
        var decision = procedure.Steps.FirstOrDefault(s => s.Kind == StepKind.Decision && s.Yes != s.No);
        if (decision is null)
        {
            // No decision in the flow: 「下一步呢」 after the flow goes from the first step to the second.
            var flow = await AskAsync(null, $"{NameOf(procedure)}的办理流程是什么");
            var next = await AskAsync(flow.Id, "那下一步呢");
            Assert.Equal(id, next.ProcedureId);
            Assert.Equal("nextStep", next.Intent);
            Assert.Contains(procedure.FindStep(procedure.Steps[0].Next[0])!.Name, next.Text);
            return;
        }

        var before = procedure.Steps.FirstOrDefault(s => s.Next.Contains(decision.Id) && s.Kind != StepKind.Decision);
        var reached = before?.Name ?? decision.Summary ?? decision.Name;
        var yes = procedure.FindStep(decision.Yes!)!;
        var no = procedure.FindStep(decision.No!)!;

        var opened = await AskAsync(null, $"{NameOf(procedure)}的办理流程是什么");
        var afterYes = await AskAsync(opened.Id, $"{reached}通过了，下一步呢");
        var opened2 = await AskAsync(null, $"{NameOf(procedure)}的办理流程是什么");
        var afterNo = await AskAsync(opened2.Id, $"{reached}没通过，下一步呢");

        Assert.Equal(id, afterYes.ProcedureId);
        Assert.Equal("nextStep", afterYes.Intent);
        Assert.Contains($"下一步 → 通过：{Shown(yes)}", afterYes.Text);
        Assert.Equal(id, afterNo.ProcedureId);
        Assert.Contains($"下一步 → 不通过：{Shown(no)}", afterNo.Text);
    }

    [Theory]
    [MemberData(nameof(WithRules))]
    public async Task Eligibility_FollowUpQuestions_AskOneFactAtATimeUntilDecided(string id)
    {
        var procedure = Catalog.Find(id)!;
        var store = factory.Services.GetRequiredService<ConversationStore>();

        var reply = await AskAsync(null, $"{NameOf(procedure)}，我能办吗");
        var asked = new List<string>();
        for (var turn = 0; turn < 12 && store.GetOrStart(reply.Id).PendingFact is { } pending; turn++)
        {
            Assert.Equal("eligibility", reply.Intent);
            Assert.DoesNotContain(pending, asked);
            asked.Add(pending);
            var fact = procedure.FindFact(pending) ?? Catalog.Vocabulary.Find(pending)!;
            Assert.Contains(fact.Question, reply.Text);
            reply = await AskAsync(reply.Id, AnswerTo(fact, reply.Bot));
        }

        Assert.Equal(id, reply.ProcedureId);
        Assert.Equal("eligibility", reply.Intent);
        Assert.Contains("符合条件", reply.Text);
        Assert.NotEmpty(asked);
    }

    [Theory]
    [MemberData(nameof(WithRules))]
    public async Task Completeness_BroughtTheFirstMaterial_ListsWhatIsStillMissing(string id)
    {
        var procedure = Catalog.Find(id)!;
        var always = procedure.Materials.Where(m => m.Condition is null && m.Supply == MaterialSupply.Applicant).ToArray();
        if (always.Length == 0)
            return;

        var opened = await AskAsync(null, $"{NameOf(procedure)}要带什么材料");
        var reply = await AskAsync(opened.Id, $"我带了{always[0].Name}，还差啥");

        Assert.Equal(id, reply.ProcedureId);
        Assert.Equal("completeness", reply.Intent);
        Assert.Contains("一次性告知单", reply.Text);
        foreach (var other in always.Skip(1))
            Assert.Contains(other.Name, reply.Text);
    }

    private async Task<Answer> AskAsync(string? conversationId, string text)
    {
        var turn = await factory.Bot.ReplyAsync(conversationId, text, CancellationToken.None);
        var reply = Assert.Single(turn.Replies);
        return new Answer(turn.ConversationId, reply.Text, reply.ProcedureId, reply.Intent, reply);
    }

    /// <summary>An answer a resident might give: a number in range, 是, or the first choice offered.</summary>
    private static string AnswerTo(FactDefinition fact, BotReply reply) => fact.Type switch
    {
        FactType.Integer or FactType.Number => ((int)((fact.Min ?? 0) + (fact.Max is { } max ? (max - (fact.Min ?? 0)) / 2 : 20)))
            .ToString(CultureInfo.InvariantCulture),
        FactType.Boolean => "是的",
        _ => reply.SuggestedActions[0],
    };

    private static string NameOf(Procedure procedure) => procedure.Aliases.Count > 0 ? procedure.Aliases[0] : procedure.Title;

    private static string Shown(Step step) => step.Kind == StepKind.Decision ? step.Summary ?? step.Name : step.Name;

    private sealed record Answer(string Id, string Text, string ProcedureId, string Intent, BotReply Bot);
}
