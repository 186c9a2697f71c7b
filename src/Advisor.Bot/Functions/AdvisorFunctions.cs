using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Advisor.Bot.Answers;
using Advisor.Bot.Understanding;
using Advisor.Rules.Calendar;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;
using Microsoft.SemanticKernel;

namespace Advisor.Bot.Functions;

/// <summary>
/// The bot's abilities as Semantic Kernel functions over the rules services. The deterministic route
/// invokes them through the kernel; a configured model may choose them itself. Each one catches its own
/// failures and returns a short message instead of throwing.
/// </summary>
internal sealed class AdvisorFunctions(
    ProcedureCatalog catalog,
    Interpreter interpreter,
    AnswerWriter writer,
    FactReader factReader,
    EligibilityEvaluator eligibility,
    ChecklistEvaluator checklist,
    CompletenessChecker completeness,
    MaterialMatcher matcher,
    StepNavigator navigator,
    Screener screener,
    PublicityCalculator publicity,
    TimeProvider time)
{
    /// <summary>The plugin's name in the kernel.</summary>
    public const string PluginName = "advisor";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private const string FactsDescription =
        "已知的申请人情况，JSON 对象，例如 {\"age\":85,\"maritalStatus\":\"remarried\"}；不知道就传 {}";

    [KernelFunction("find_procedure")]
    [Description("根据居民的口语问题找出说的是哪个办事事项，返回最可能的几个事项编号和名称。")]
    public ToolAnswer FindProcedure([Description("居民的原话")] string question)
    {
        var read = interpreter.Read(question ?? string.Empty, current: null);
        if (read.Candidates.Count == 0)
            return writer.OutOfScope(misunderstood: false);

        var text = new StringBuilder("可能的事项：\n");
        foreach (var candidate in read.Candidates.Take(3))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{candidate.Procedure.Id} {candidate.Procedure.Title}（匹配度 {candidate.Score:F2}）");
        return new ToolAnswer(read.Candidates[0].Procedure.Id, Intents.Clarify, text.ToString().TrimEnd(),
            [.. read.Candidates.Take(3).Select(c => c.Procedure.Title)]);
    }

    [KernelFunction("list_procedures")]
    [Description("列出能解答的全部办事事项，按类别分组。")]
    public ToolAnswer ListProcedures() => writer.List();

    [KernelFunction("help")]
    [Description("介绍小助手能做什么、怎么问。")]
    public ToolAnswer Help() => writer.Help();

    [KernelFunction("get_materials")]
    [Description("某个事项要准备的全部材料（一次性告知），按申请人的情况列出条件材料，并说明到哪里办理。")]
    public Task<ToolAnswer> GetMaterialsAsync(
        [Description("事项编号，如 34、57a")] string procedureId,
        [Description(FactsDescription)] string? facts = null,
        CancellationToken cancellationToken = default) =>
        WithProcedureAsync(procedureId, facts, async (procedure, known) =>
            writer.Materials(procedure, await checklist.EvaluateAsync(procedure, known, cancellationToken),
                navigator.Path(procedure)));

    [KernelFunction("get_steps")]
    [Description("某个事项的办理流程：每一步做什么、由谁办，以及申请时要带的材料和办理地点。")]
    public Task<ToolAnswer> GetStepsAsync(
        [Description("事项编号")] string procedureId,
        [Description(FactsDescription)] string? facts = null,
        CancellationToken cancellationToken = default) =>
        WithProcedureAsync(procedureId, facts, async (procedure, known) =>
            writer.Steps(procedure, navigator.Path(procedure),
                await checklist.EvaluateAsync(procedure, known, cancellationToken)));

    [KernelFunction("get_next_steps")]
    [Description("流程中某一步之后的下一步。currentStep 为步骤编号，为空表示已经提交申请；outcome 为 yes（通过）或 no（不通过），不知道就留空。")]
    public Task<ToolAnswer> GetNextStepsAsync(
        [Description("事项编号")] string procedureId,
        [Description("当前步骤编号，可为空")] string? currentStep = null,
        [Description("yes、no 或空")] string? outcome = null) =>
        WithProcedureAsync(procedureId, null, (procedure, _) => Task.FromResult(Next(procedure, currentStep, outcome)));

    [KernelFunction("check_eligibility")]
    [Description("按申请人的情况判断是否符合某个事项的条件；缺少情况时给出下一个要问的问题。")]
    public Task<ToolAnswer> CheckEligibilityAsync(
        [Description("事项编号")] string procedureId,
        [Description(FactsDescription)] string? facts = null,
        [Description("居民同时问了怎么办理时为 true，回答里附上办理流程")] bool withFlow = false,
        CancellationToken cancellationToken = default) =>
        WithProcedureAsync(procedureId, facts, async (procedure, known) =>
            EligibilityEvaluator.HasRules(procedure)
                ? writer.Eligibility(procedure, await eligibility.EvaluateAsync(procedure, known, cancellationToken),
                    withFlow ? navigator.Path(procedure) : null)
                : writer.NoRules(procedure, navigator.Path(procedure)));

    [KernelFunction("check_completeness")]
    [Description("核对居民已经带了的材料，列出还差的材料（一次性告知单）。")]
    public Task<ToolAnswer> CheckCompletenessAsync(
        [Description("事项编号")] string procedureId,
        [Description("居民说已经带了的材料，原话即可，如「身份证和户口本」")] string submitted,
        [Description(FactsDescription)] string? facts = null,
        CancellationToken cancellationToken = default) =>
        WithProcedureAsync(procedureId, facts, async (procedure, known) =>
        {
            var items = SubmittedReader.Documents(procedure, submitted ?? string.Empty, matcher);
            if (items.Count == 0)
                return writer.AskMaterials(procedure, await checklist.EvaluateAsync(procedure, known, cancellationToken));

            return writer.Completeness(procedure, await completeness.CheckAsync(procedure, known, items, cancellationToken));
        });

    [KernelFunction("get_publicity")]
    [Description("某个事项的公示要公示几天（日历日或工作日）、由谁公示，以及从某天张贴起最早哪天期满（按国家法定节假日安排计算）。")]
    public Task<ToolAnswer> GetPublicityAsync(
        [Description("事项编号")] string procedureId,
        [Description("张贴公示的日期 yyyy-MM-dd，不知道就留空（按今天算）")] string? start = null) =>
        WithProcedureAsync(procedureId, null, (procedure, _) =>
        {
            var given = DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
            if (!given)
                day = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);

            PublicityResult? dates;
            try
            {
                dates = publicity.Calculate(procedure, day);
            }
            catch (DateOutsideCalendarException)
            {
                dates = null;
            }

            return Task.FromResult(writer.Publicity(procedure, dates, given));
        });

    [KernelFunction("get_responsible")]
    [Description("某个事项由谁负责（实施主体、配合单位）、谁监督（监督主体），办理中经手哪些单位。")]
    public Task<ToolAnswer> GetResponsibleAsync([Description("事项编号")] string procedureId) =>
        WithProcedureAsync(procedureId, null, (procedure, _) =>
            Task.FromResult(writer.Responsible(procedure, navigator.Path(procedure))));

    [KernelFunction("get_risks")]
    [Description("某个事项的廉政风险点和防控措施。")]
    public Task<ToolAnswer> GetRisksAsync([Description("事项编号")] string procedureId) =>
        WithProcedureAsync(procedureId, null, (procedure, _) => Task.FromResult(writer.Risks(procedure)));

    [KernelFunction("screen")]
    [Description("按一个人的情况筛查所有有条件的事项，列出可能符合的事项和还要了解的情况。")]
    public async Task<ToolAnswer> ScreenAsync(
        [Description(FactsDescription)] string? facts = null,
        CancellationToken cancellationToken = default)
    {
        if (!TryReadFacts(facts, null, out var known, out var error))
            return new ToolAnswer(string.Empty, "screening", error, []);

        var result = await screener.ScreenAsync(known, cancellationToken);
        var text = new StringBuilder();
        var eligible = result.Results.Where(r => r.Decision == Decision.Eligible).ToArray();
        var open = result.Results.Where(r => r.Decision == Decision.Undetermined).ToArray();
        text.AppendLine(eligible.Length == 0 ? "按目前的情况，还没有确定符合的事项。" : "按目前的情况可能符合：");
        foreach (var item in eligible)
            text.AppendLine(CultureInfo.InvariantCulture, $"· {item.Title}");
        if (open.Length > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"还要了解更多情况才能判断：{string.Join("、", open.Select(i => i.Title))}");
        return new ToolAnswer(string.Empty, "screening", text.ToString().TrimEnd(), [.. eligible.Take(4).Select(i => i.Title)]);
    }

    private ToolAnswer Next(Procedure procedure, string? currentStep, string? outcome)
    {
        if (procedure.Steps.Count == 0)
            return writer.Steps(procedure, [], null);

        var from = string.IsNullOrWhiteSpace(currentStep) ? procedure.Steps[0].Id : currentStep.Trim();
        var branch = outcome is "yes" or "no" ? outcome : null;
        var result = navigator.Next(procedure, from, procedure.FindStep(from)?.Kind == StepKind.Decision ? branch : null);

        // A task followed by its decision: with the outcome known, go through the decision.
        if (branch is not null && result.Next is [{ Kind: StepKind.Decision } decision])
            result = result with { Next = navigator.Next(procedure, decision.Id, branch).Next };

        return writer.Next(procedure, result, branch, After(procedure, result.Next));
    }

    /// <summary>
    /// Up to three steps after the given ones along the way a successful application goes; after several
    /// steps done side by side (事件处置, 医疗救治, …), from the step they all lead to.
    /// </summary>
    private static List<Step> After(Procedure procedure, IReadOnlyList<StepView> next)
    {
        var after = new List<Step>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Step? step;
        if (next.Count == 1)
        {
            step = procedure.FindStep(next[0].Id);
        }
        else
        {
            var joins = next.Select(n => procedure.FindStep(n.Id)).Select(s => s is null ? null : Onward(s))
                .Distinct(StringComparer.Ordinal).ToArray();
            if (joins is not [{ } join] || procedure.FindStep(join) is not { } joined)
                return after;

            step = joined;
            if (step.Kind != StepKind.Decision)
                after.Add(step);
        }

        seen.UnionWith(next.Select(n => n.Id));
        if (step is not null)
            seen.Add(step.Id);
        while (step is not null && after.Count < 3)
        {
            var onward = Onward(step);
            step = onward is null || !seen.Add(onward) ? null : procedure.FindStep(onward);
            if (step is not null && step.Kind != StepKind.Decision && !(step.Kind == StepKind.End && step.Actor is null))
                after.Add(step);
        }

        return after;
    }

    private static string? Onward(Step step) =>
        step.Kind == StepKind.Decision ? step.Yes : step.Next.Count > 0 ? step.Next[0] : null;

    private async Task<ToolAnswer> WithProcedureAsync(
        string procedureId, string? facts, Func<Procedure, FactSet, Task<ToolAnswer>> answer)
    {
        if (catalog.Find(procedureId?.Trim() ?? string.Empty) is not { } procedure)
            return new ToolAnswer(string.Empty, Intents.Unknown,
                $"没有编号为「{procedureId}」的事项。可以先用 find_procedure 找到事项编号。", []);

        if (!TryReadFacts(facts, procedure, out var known, out var error))
            return new ToolAnswer(procedure.Id, Intents.Unknown, error, []);

        try
        {
            return await answer(procedure, known);
        }
        catch (Exception e) when (e is RuleEvaluationException or ArgumentException or InvalidOperationException)
        {
            return new ToolAnswer(procedure.Id, Intents.Unknown,
                $"【{procedure.Title}】暂时无法回答：{e.Message}" + AnswerWriter.WhereToAsk, []);
        }
    }

    private bool TryReadFacts(string? json, Procedure? procedure, out FactSet facts, out string error)
    {
        facts = FactSet.Empty;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(json))
            return true;

        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
            facts = factReader.Read(raw, procedure);
            return true;
        }
        catch (JsonException)
        {
            error = "facts 应为 JSON 对象，例如 {\"age\":85}。";
        }
        catch (FactValidationException e)
        {
            error = "情况有误：" + string.Join("；", e.Errors.Select(x => $"{x.Field} {x.Message}"));
        }

        return false;
    }
}
