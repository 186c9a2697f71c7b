using System.Globalization;
using System.Text;
using Advisor.Bot.Text;
using Advisor.Bot.Understanding;
using Advisor.Rules.Evaluation;
using Advisor.Rules.Loading;
using Advisor.Rules.Model;

namespace Advisor.Bot.Answers;

/// <summary>
/// Writes replies from the results of the rules services. Every material, condition, step, body and
/// number in a reply is copied from those results or from the procedure file; nothing is made up here.
/// Each reply about a procedure says where to go and ends with the procedure's legal note, if it has one.
/// </summary>
internal sealed partial class AnswerWriter(ProcedureCatalog catalog, Lexicon lexicon)
{
    /// <summary>Where to ask about anything the bot cannot answer.</summary>
    public const string WhereToAsk = "请咨询您所在的村（居）民委员会，或拨打12345政务服务便民热线。";

    /// <summary>The materials that apply; a procedure that lists none is answered with what is done.</summary>
    public ToolAnswer Materials(Procedure procedure, ChecklistResult checklist, IReadOnlyList<Step> path)
    {
        var text = Header(procedure);
        var required = checklist.Materials.Where(i => i.Applies != Applies.Unknown
            && i.Material.Supply != MaterialSupply.OnRequest).ToArray();
        var maybe = checklist.Materials.Where(i => i.Applies == Applies.Unknown).ToArray();
        var onRequest = checklist.Materials.Where(i => i.Applies != Applies.Unknown
            && i.Material.Supply == MaterialSupply.OnRequest).ToArray();

        if (checklist.Materials.Count == 0)
        {
            text.AppendLine("流程图没有列出需要申请人准备的材料。");
            AppendPath(text, procedure, path);
        }
        else
        {
            text.AppendLine("需要准备的材料（一次性告知）：");
            for (var i = 0; i < required.Length; i++)
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {Line(required[i])}");

            if (maybe.Length > 0)
            {
                text.AppendLine("视您的情况还需要：");
                foreach (var item in maybe)
                    text.AppendLine(CultureInfo.InvariantCulture, $"· {MaterialText.Describe(item.Material)}：{item.Reason}");
            }

            foreach (var item in onRequest)
            {
                var note = item.Material.Note is { } written ? Citations.Plain(written) : "工作人员根据情况另行告知";
                text.AppendLine(CultureInfo.InvariantCulture, $"· {item.Material.Name}：{note}");
            }
        }

        AppendWhere(text, procedure);
        return Finish(procedure, Intents.Materials, text, FollowUps(procedure, Intents.Materials));
    }

    public ToolAnswer Steps(Procedure procedure, IReadOnlyList<Step> path, ChecklistResult? checklist)
    {
        var text = Header(procedure);
        if (procedure.Summary is { Length: > 0 } summary)
            text.AppendLine(summary);

        AppendPath(text, procedure, path);
        if (checklist is { Materials.Count: > 0 })
        {
            var names = checklist.Materials
                .Where(i => i.Applies != Applies.Unknown && i.Material.Supply != MaterialSupply.OnRequest)
                .Select(i => MaterialText.Describe(i.Material));
            text.AppendLine(CultureInfo.InvariantCulture, $"申请时带上：{string.Join("；", names)}。");
            var maybe = checklist.Materials.Where(i => i.Applies == Applies.Unknown).ToArray();
            if (maybe.Length > 0)
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"视情况另需：{string.Join("；", maybe.Select(i => $"{i.Material.Name}（{i.Reason}）"))}。");
        }

        AppendWhere(text, procedure);
        return Finish(procedure, Intents.Steps, text, FollowUps(procedure, Intents.Steps))
            with { StepId = path.Count > 0 ? path[0].Id : null };
    }

    private static void AppendPath(StringBuilder text, Procedure procedure, IReadOnlyList<Step> path)
    {
        if (path.Count == 0)
            return;

        text.AppendLine("办理流程：");
        var number = 0;
        foreach (var step in path)
        {
            if (step.Kind == StepKind.End && step.Actor is null)
                continue;

            text.AppendLine(CultureInfo.InvariantCulture, $"{++number}. {StepLine(procedure, step)}");
        }
    }

    public ToolAnswer Next(Procedure procedure, NextStepsResult result, string? outcome, IReadOnlyList<Step> after)
    {
        var text = Header(procedure);
        if (result.From is { } from)
        {
            var done = outcome switch
            {
                "yes" => "通过以后",
                "no" => "没有通过的话",
                _ => "之后",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"「{TrimName(from)}」{done}：");
        }

        if (result.Next.Count == 0)
        {
            text.AppendLine("这已经是流程的最后一步了。");
        }
        else
        {
            foreach (var step in result.Next)
            {
                var branch = step.Branch switch
                {
                    "yes" => "通过：",
                    "no" => "不通过：",
                    _ => string.Empty,
                };
                text.AppendLine(CultureInfo.InvariantCulture, $"下一步 → {branch}{ViewLine(step)}");
            }
        }

        if (after.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"再往后：{string.Join(" → ", after.Select(StepName))}。");

        AppendWhere(text, procedure);
        var last = result.Next.Count == 1 ? result.Next[0].Id : result.From?.Id;
        return Finish(procedure, Intents.NextStep, text, FollowUps(procedure, Intents.NextStep)) with { StepId = last };
    }

    /// <summary>The decision and why; with <paramref name="flow"/>, also the flow (「能申请不，咋弄」 asks both).</summary>
    public ToolAnswer Eligibility(Procedure procedure, EligibilityResult result, IReadOnlyList<Step>? flow = null)
    {
        var text = Header(procedure);
        string? asked = null;
        string? question = null;
        var suggestions = FollowUps(procedure, Intents.Eligibility);
        switch (result.Decision)
        {
            case Decision.Eligible:
                text.AppendLine("按您说的情况，符合条件：");
                AppendReasons(text, result.Reasons, ReasonStatus.Passed);
                break;
            case Decision.Ineligible:
                text.AppendLine("按您说的情况，暂不符合条件：");
                AppendReasons(text, result.Reasons, ReasonStatus.Failed);
                break;
            default:
                var passed = result.Reasons.Where(r => r.Status == ReasonStatus.Passed).ToArray();
                if (passed.Length > 0)
                {
                    text.AppendLine("已经符合的：");
                    AppendReasons(text, passed, ReasonStatus.Passed);
                }

                var open = result.Reasons.Where(r => r.Status == ReasonStatus.Unknown).ToArray();
                if (open.Length > 0)
                {
                    text.AppendLine("要看的条件：");
                    foreach (var reason in open)
                    {
                        var rule = procedure.Eligibility?.Rules.FirstOrDefault(r => r.RuleName == reason.Rule);
                        text.AppendLine(CultureInfo.InvariantCulture, $"· {Criterion(procedure, rule, reason.Label)}");
                        AppendOpen(text, procedure, rule, reason, depth: 1);
                    }
                }

                var missing = result.MissingFacts[0];
                asked = missing.Name;
                question = $"要判断能不能办，还需要了解{result.MissingFacts.Count}件事。先问一下：{missing.Question}";
                suggestions = AnswerChoices(missing);
                break;
        }

        if (flow is { Count: > 0 })
            text.AppendLine(CultureInfo.InvariantCulture, $"办理流程：{FlowLine(flow)}。");

        if (question is not null)
            text.AppendLine(question);
        else
            AppendWhere(text, procedure);

        return Finish(procedure, Intents.Eligibility, text, suggestions) with { AskedFact = asked };
    }

    private static string FlowLine(IReadOnlyList<Step> path) =>
        string.Join(" → ", path.Where(s => s.Kind != StepKind.End || s.Actor is not null).Select(StepName));

    public ToolAnswer NoRules(Procedure procedure, IReadOnlyList<Step> path)
    {
        var text = Header(procedure);
        text.AppendLine("这个事项的流程图没有写明申请条件，能不能办以经办单位审核为准。");
        if (path.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"流程：{FlowLine(path)}。");

        AppendWhere(text, procedure);
        return Finish(procedure, Intents.Eligibility, text, FollowUps(procedure, Intents.Eligibility));
    }

    public ToolAnswer Completeness(Procedure procedure, CompletenessResult result)
    {
        var text = Header(procedure);
        text.AppendLine(result.Notice);
        if (result.Unrecognized.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"另外，「{string.Join("、", result.Unrecognized)}」不在本事项的材料清单里。");

        // The notice carries the legal note itself.
        return new ToolAnswer(procedure.Id, Intents.Completeness, text.ToString().TrimEnd(),
            FollowUps(procedure, Intents.Completeness));
    }

    public ToolAnswer AskMaterials(Procedure procedure, ChecklistResult checklist)
    {
        var answer = Materials(procedure, checklist, []);
        if (checklist.Materials.Count == 0)
            return answer with { Intent = Intents.Completeness };

        var text = "请告诉我您已经带了哪些材料，比如「我带了" +
            string.Join("和", checklist.Materials.Take(2).Select(i => (i.Material.Aliases.Count > 0 ? i.Material.Aliases[0] : i.Material.Name))) +
            "」，我帮您核对还差什么。\n" + answer.Text;
        return answer with { Intent = Intents.Completeness, Text = text };
    }

    public ToolAnswer Publicity(Procedure procedure, PublicityResult? dates, bool startGiven)
    {
        var text = Header(procedure);
        var publicity = procedure.Steps.Where(s => s.Kind == StepKind.Publicity && s.MinDays is not null).ToArray();
        if (publicity.Length > 0)
        {
            foreach (var step in publicity)
            {
                var unit = step.DayUnit == DayUnit.Working ? "个工作日" : "天";
                var length = $"公示不少于{step.MinDays}{unit}";
                var head = step.Name.Contains(Days(step.MinDays ?? 0), StringComparison.Ordinal) && step.Name.Contains("公示", StringComparison.Ordinal)
                    ? step.Name
                    : $"{step.Name}：{length}";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{head}（{length}）{(step.Actor is null ? string.Empty : $"，由{step.Actor}公示")}。");
            }

            text.AppendLine(publicity.Any(s => s.DayUnit == DayUnit.Working)
                ? "从张贴的第二天起算，工作日不含周末和法定节假日。"
                : "从张贴的第二天起算；最后一天是周末或节假日的，顺延到下一个工作日。");
            if (dates is { Steps.Count: > 0 })
            {
                var from = startGiven ? $"{Day(dates.Start)}张贴的" : $"如果今天（{Day(dates.Start)}）张贴，";
                foreach (var end in dates.Steps)
                    text.AppendLine(CultureInfo.InvariantCulture, $"{from}「{end.Name}」最早到{Day(end.EarliestEnd)}公示期满，次日可以撤下。");
                if (dates.CalendarNote is { } note)
                    text.AppendLine(note);
            }
        }
        else
        {
            var mentions = procedure.Steps
                .Where(s => s.Name.Contains("公示", StringComparison.Ordinal) || s.Name.Contains("公开", StringComparison.Ordinal))
                .Select(s => s.Name).ToArray();
            text.AppendLine(mentions.Length > 0
                ? $"流程中有公示环节（{string.Join("；", mentions)}），但流程图没有写明公示天数，以经办单位的通知为准。"
                : "这个事项的流程中没有公示环节。");
        }

        AppendWhere(text, procedure);

        // 「下一步呢」 after a question about the one publicity of a flow goes on from it.
        return Finish(procedure, Intents.Publicity, text, FollowUps(procedure, Intents.Publicity))
            with { StepId = publicity.Length == 1 ? publicity[0].Id : null };
    }

    public ToolAnswer Responsible(Procedure procedure, IReadOnlyList<Step> path)
    {
        var text = Header(procedure);
        var actors = procedure.Actors;
        if (actors.Implementing.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"负责办理（实施主体）：{string.Join("、", actors.Implementing)}");
        if (actors.Cooperating.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"配合办理（配合单位）：{string.Join("、", actors.Cooperating)}");
        if (actors.Supervising.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"负责监督（监督主体）：{string.Join("、", actors.Supervising)}");

        var along = path.Select(s => s.Actor).OfType<string>()
            .Where(a => !a.StartsWith("申请人", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToArray();
        if (along.Length > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"办理中经手的单位：{string.Join(" → ", along)}");

        if (actors.Supervising.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"发现办理不规范，可以向{string.Join("、", actors.Supervising)}反映。");

        AppendWhere(text, procedure);
        return Finish(procedure, Intents.Responsible, text, FollowUps(procedure, Intents.Responsible));
    }

    public ToolAnswer Risks(Procedure procedure)
    {
        var text = Header(procedure);
        if (procedure.Risks.Count == 0)
        {
            text.AppendLine("流程图没有列出廉政风险点。");
        }
        else
        {
            text.AppendLine("廉政风险点：");
            for (var i = 0; i < procedure.Risks.Count; i++)
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {procedure.Risks[i]}");
        }

        if (procedure.Measures.Count > 0)
        {
            text.AppendLine("防控措施：");
            for (var i = 0; i < procedure.Measures.Count; i++)
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {procedure.Measures[i]}");
        }

        if (procedure.Actors.Supervising.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"监督主体：{string.Join("、", procedure.Actors.Supervising)}。");

        return Finish(procedure, Intents.Risks, text, FollowUps(procedure, Intents.Risks));
    }

    public ToolAnswer List()
    {
        var text = new StringBuilder("我可以解答下面这些村（社区）便民服务事项：要带什么材料、怎么办理、下一步做什么、能不能办、还差什么材料、谁负责谁监督、公示几天、廉政风险点。\n");
        foreach (var group in catalog.Procedures.GroupBy(p => p.Category))
            text.AppendLine(CultureInfo.InvariantCulture, $"【{group.Key}】{string.Join("、", group.Select(p => p.Title))}");

        return new ToolAnswer(string.Empty, Intents.List, text.ToString().TrimEnd(), Popular());
    }

    public ToolAnswer Help()
    {
        var examples = catalog.Procedures.Where(EligibilityEvaluator.HasRules)
            .Select(p => FirstName(p)).Take(3).ToArray();
        var text = new StringBuilder("您好！我是村（社区）便民服务小助手，可以用大白话问我，比如：\n");
        if (examples.Length > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"· 「{examples[0]}要带啥材料」");
            text.AppendLine(CultureInfo.InvariantCulture, $"· 「{examples[^1]}怎么办理」「下一步呢」「公示几天」");
        }

        text.AppendLine("· 「我带了户口本和申请书，还差啥」「我能不能领」「谁负责，谁监督」");
        text.Append("说「你们能办哪些事」可以看全部事项。");
        return new ToolAnswer(string.Empty, Intents.Help, text.ToString(), Popular());
    }

    public ToolAnswer OutOfScope(bool misunderstood)
    {
        var text = misunderstood
            ? "抱歉，我还是没能听明白您的问题。" + WhereToAsk
            : "抱歉，这个问题不在我能解答的村（社区）便民服务事项里，我没法回答或代办。" + WhereToAsk;
        return new ToolAnswer(string.Empty, Intents.OutOfScope, text, ["你们能办哪些事"]);
    }

    /// <summary>The reply when answering failed for a reason of the service's own.</summary>
    public ToolAnswer Unavailable() =>
        new(string.Empty, Intents.Unknown, "抱歉，系统暂时没能回答这个问题，请稍后再试。" + WhereToAsk, ["你们能办哪些事"]);

    public ToolAnswer NotUnderstood()
    {
        var text = "抱歉，我没听明白。您可以说说要办什么事，比如「" +
            string.Join("」「", Popular().Take(2).Select(p => p + "要带什么材料")) + "」，或者说「你们能办哪些事」。";
        return new ToolAnswer(string.Empty, Intents.Unknown, text, Popular());
    }

    public ToolAnswer WhichProcedure(IReadOnlyList<Procedure> candidates)
    {
        if (candidates.Count == 0)
        {
            var ask = $"您问的是哪件事？请说一下要办的事，比如「{string.Join("」「", Popular().Take(3))}」。";
            return new ToolAnswer(string.Empty, Intents.Clarify, ask, Popular());
        }

        if (candidates.Count == 1)
        {
            var only = candidates[0].Title;
            return new ToolAnswer(string.Empty, Intents.Clarify,
                $"您问的是「{only}」吗？是的话点一下或者回复「是」，不是的话请说一下要办的事。", [only]);
        }

        var text = new StringBuilder("您问的是下面哪一项？");
        text.AppendLine();
        foreach (var procedure in candidates)
            text.AppendLine(CultureInfo.InvariantCulture, $"· {procedure.Title}");
        text.Append("点一下或者回复名称就行。");
        return new ToolAnswer(string.Empty, Intents.Clarify, text.ToString(), [.. candidates.Select(p => p.Title)]);
    }

    public ToolAnswer Welcome()
    {
        var help = Help();
        return help with { Intent = Intents.Welcome };
    }

    /// <summary>Quick replies that answer a question about a fact (是/不是, the labels of an enum).</summary>
    public static IReadOnlyList<string> AnswerChoices(MissingFact fact) => fact.Type switch
    {
        FactType.Boolean => ["是", "不是"],
        FactType.Enum => [.. fact.Values.Select(v => v.Label)],
        _ => [],
    };

    // The lexicon's featured procedures first (what residents ask about most), then those with rules.
    private IReadOnlyList<string> Popular() =>
        [.. lexicon.Featured.Select(catalog.Find).OfType<Procedure>()
            .Concat(catalog.Procedures.Where(EligibilityEvaluator.HasRules))
            .Distinct().Take(4)
            .Select(p => FirstName(p))];

    private static IReadOnlyList<string> FollowUps(Procedure procedure, string answered)
    {
        var all = new List<(string Intent, string Text)>
        {
            (Intents.Materials, "要带什么材料"),
            (Intents.Steps, "办理流程是什么"),
            (Intents.NextStep, "下一步呢"),
        };
        if (EligibilityEvaluator.HasRules(procedure))
            all.Add((Intents.Eligibility, "我能不能办"));
        if (procedure.Steps.Any(s => s.Kind == StepKind.Publicity))
            all.Add((Intents.Publicity, "公示几天"));
        if (procedure.Materials.Count > 0)
            all.Add((Intents.Completeness, "还差什么材料"));
        all.Add((Intents.Responsible, "谁负责，谁监督"));

        return [.. all.Where(a => a.Intent != answered && (procedure.Materials.Count > 0 || a.Intent != Intents.Materials))
            .Select(a => a.Text).Take(4)];
    }

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string FirstName(Procedure procedure) =>
        procedure.Aliases.Count > 0 ? procedure.Aliases[0] : procedure.Title;

    private static StringBuilder Header(Procedure procedure) => new StringBuilder()
        .Append('【').Append(procedure.Title).AppendLine("】");

    private static ToolAnswer Finish(Procedure procedure, string intent, StringBuilder text, IReadOnlyList<string> suggestions)
    {
        if (procedure.LegalNote is { } note)
            text.AppendLine(CultureInfo.InvariantCulture, $"政策提示：{note.Text}（{Citations.Plain(note.Source)}）");

        return new ToolAnswer(procedure.Id, intent, text.ToString().TrimEnd(), suggestions);
    }

    private static void AppendWhere(StringBuilder text, Procedure procedure)
    {
        var handling = procedure.Actors.Handling;
        if (handling.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"办理：到{string.Join("、", handling)}。");

        if (procedure.Actors.Supervising.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"监督：{string.Join("、", procedure.Actors.Supervising)}。");
    }

    /// <summary>
    /// What a criterion requires, from the rule file's own pass message with its thresholds filled in
    /// (年满{minAge}周岁（申请人{age}周岁） → 年满80周岁); its label when the message needs facts not given.
    /// </summary>
    private static string Criterion(Procedure procedure, RuleDefinition? rule, string label)
    {
        if (rule?.Properties is not { } properties)
            return label;

        var filled = Fill(procedure, properties.Pass);
        if (!filled.Contains('{', StringComparison.Ordinal))
            return filled == label ? label : $"{label}：{filled}";

        // The fail message often states the requirement in an aside: 不符合低保条件（须家庭月人均收入低于555元…）.
        var fail = Fill(procedure, properties.Fail);
        var must = fail.IndexOf("（须", StringComparison.Ordinal);
        return must >= 0 && !fail.Contains('{', StringComparison.Ordinal) && fail.EndsWith('）')
            ? $"{label}：{fail[(must + 1)..^1]}"
            : label;
    }

    private static string Fill(Procedure procedure, string template)
    {
        var filled = template;
        foreach (var parameter in procedure.Parameters)
            filled = filled.Replace("{" + parameter.Name + "}", ParameterText(parameter), StringComparison.Ordinal);

        return Placeholder().Replace(filled, string.Empty);
    }

    private static string ParameterText(Parameter parameter) => parameter.Value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => parameter.Value.GetString() ?? string.Empty,
        _ => parameter.Value.GetRawText(),
    };

    /// <summary>An aside that still names a fact: （申请人{age}周岁）.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"（[^（）]*\{[^}]+\}[^（）]*）")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>How deep nested criteria are shown: a criterion, its alternatives, and what decided them.</summary>
    private const int MaxDepth = 3;

    /// <summary>
    /// The criteria with the given status, and the nested criteria that decided them, down to the values
    /// compared (「特困 → 老年人 → 年满60周岁（申请人70周岁）」).
    /// </summary>
    private static void AppendReasons(StringBuilder text, IEnumerable<Reason> reasons, ReasonStatus status, int depth = 0)
    {
        var mark = depth == 0 ? (status == ReasonStatus.Passed ? "✓" : "✗") : "·";
        foreach (var reason in reasons.Where(r => r.Status == status))
        {
            text.Append(Indent(depth)).Append(CultureInfo.InvariantCulture, $"{mark} {reason.Message}");
            if (depth == 0 && status == ReasonStatus.Failed && reason.Source is { Length: > 0 } source)
                text.Append(CultureInfo.InvariantCulture, $"（依据：{Citations.Plain(source)}）");
            text.AppendLine();

            if (depth + 1 < MaxDepth)
                AppendReasons(text, reason.Children, status, depth + 1);
        }
    }

    /// <summary>
    /// The nested criteria of an open one: those already decided with what decided them (✓ 家庭月人均收入375元，
    /// 低于低保标准555元), those still open with what they require.
    /// </summary>
    private static void AppendOpen(StringBuilder text, Procedure procedure, RuleDefinition? rule, Reason reason, int depth)
    {
        foreach (var child in reason.Children)
        {
            var childRule = rule?.Rules.FirstOrDefault(r => r.RuleName == child.Rule);
            var line = child.Status switch
            {
                ReasonStatus.Passed => $"✓ {child.Message}",
                ReasonStatus.Failed => $"✗ {child.Message}",
                _ => $"- {Criterion(procedure, childRule, child.Label)}",
            };
            text.Append(Indent(depth)).AppendLine(line);

            if (child.Status == ReasonStatus.Unknown && depth + 1 < MaxDepth)
                AppendOpen(text, procedure, childRule, child, depth + 1);
        }
    }

    private static string Indent(int depth) => new(' ', 3 * depth);

    private static string Line(ChecklistItem item)
    {
        var line = MaterialText.Describe(item.Material);
        if (item.Material.Parts.Count > 0)
            line += $"：{string.Join("、", item.Material.Parts.Select(p => p.Name))}";
        if (item.Applies == Applies.Yes && item.Reason is { } reason)
            line += $"（{reason}）";
        if (item.Material.Note is { Length: > 0 } note)
            line += $"——{Citations.Plain(note)}";
        return line;
    }

    private static string StepLine(Procedure procedure, Step step)
    {
        if (step.Kind == StepKind.Decision)
        {
            var no = step.No is { } noId && procedure.FindStep(noId) is { } noStep ? StepName(noStep) : null;
            var question = step.Summary ?? step.Name;
            return no is null ? $"{question}" : $"{question}（不通过：{no}）";
        }

        var line = StepName(step);
        if (step.Actor is { Length: > 0 } actor && !line.Contains(actor, StringComparison.Ordinal))
            line += $"（{actor}）";
        if (step.Kind == StepKind.Publicity && step.MinDays is { } days && !step.Name.Contains(Days(days), StringComparison.Ordinal))
            line += $"，公示不少于{days}{(step.DayUnit == DayUnit.Working ? "个工作日" : "天")}";
        if (step.Summary is { Length: > 0 } summary && summary.Length <= 120 && !summary.Contains(step.Name, StringComparison.Ordinal))
            line += $"：{summary}";
        return line;
    }

    private static string ViewLine(StepView step)
    {
        var line = step.Kind == StepKind.Decision ? step.Summary ?? step.Name : step.Name;
        if (step.Actor is { Length: > 0 } actor && !line.Contains(actor, StringComparison.Ordinal))
            line += $"（{actor}）";
        if (step.Kind == StepKind.Publicity && step.MinDays is { } days && !step.Name.Contains(Days(days), StringComparison.Ordinal))
            line += $"，公示不少于{days}{(step.DayUnit == DayUnit.Working ? "个工作日" : "天")}";
        if (step.Summary is { Length: > 0 } summary && step.Kind != StepKind.Decision && !summary.Contains(step.Name, StringComparison.Ordinal))
            line += $"：{summary}";
        if (step.Duration is { Length: > 0 } duration)
            line += $"（时限：{duration}）";
        return line;
    }

    private static string StepName(Step step) => step.Kind == StepKind.Decision ? step.Summary ?? step.Name : step.Name;

    private static string TrimName(StepView step) => step.Kind == StepKind.Decision ? step.Summary ?? step.Name : step.Name;
}
