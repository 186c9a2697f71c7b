using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;

namespace Advisor.Benchmarks.Limits;

/// <summary>
/// Procedure 26 (残疾人两项补贴) written by hand: the criteria tree as plain C#, three-valued, with the
/// same reasons, messages and missing facts as the rule file gives through the project's evaluator.
/// </summary>
internal sealed class HandWritten26
{
    private const int CareMaxGrade = 2;
    private const int CareExtendedMinGrade = 3;
    private const int LivingSubsidyAmount = 122;
    private const int CareSubsidyAmount = 122;
    private const int CareExtendedSubsidyAmount = 61;

    // One bit per fact, in the order the procedure declares them (the order missing facts are listed in).
    private const int Certificate = 1, Assistance = 2, Grade = 4, Care = 8, Type = 16;
    private static readonly string[] FactNames =
        ["hasDisabilityCertificate", "assistanceStatus", "disabilityGrade", "needsLongTermCare", "disabilityType"];

    private readonly Procedure _procedure;
    private readonly MissingFact[] _facts;

    // Sources are citations, not logic: read from the rule file so that a reworded citation does not
    // break the comparison.
    private readonly Dictionary<string, string?> _sources = [];

    public HandWritten26(Procedure procedure)
    {
        _procedure = procedure;
        _facts = [.. FactNames.Select(n => MissingFact.Of(procedure.FindFact(n)!))];
        CollectSources(procedure.Eligibility!.Rules);
        if (!procedure.Facts.Select(f => f.Name).SequenceEqual(FactNames))
            throw new InvalidOperationException("Procedure 26 declares its facts in another order than this limit.");
    }

    public EligibilityResult Evaluate(FactSet facts)
    {
        bool? certificate = facts.TryGet("hasDisabilityCertificate", out var c) ? (bool)c! : null;
        var assistance = facts.TryGet("assistanceStatus", out var a) ? (string)a! : null;
        int? grade = facts.TryGet("disabilityGrade", out var g) ? (int)g! : null;
        bool? care = facts.TryGet("needsLongTermCare", out var n) ? (bool)n! : null;
        var type = facts.TryGet("disabilityType", out var t) ? (string)t! : null;
        var gradeText = grade?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "未知";

        var livingCertificate = Leaf("living-certificate", "生活补贴：残疾人证", certificate, Certificate,
            "持有第二代残疾人证", "没有残疾人证，须先到区残联办理残疾评定和残疾人证");
        var livingDibao = Leaf("living-dibao", "生活补贴：低保家庭", assistance is null ? null : assistance == "dibao",
            Assistance, "家庭为低保户", "家庭不是低保户，暂不符合困难残疾人生活补贴条件");
        var living = Parent("living-subsidy", "困难残疾人生活补贴", or: false, [livingCertificate, livingDibao],
            $"持证残疾人且家庭为低保户，可申请困难残疾人生活补贴（{LivingSubsidyAmount}元/月）",
            "不符合困难残疾人生活补贴条件（须持有残疾人证且为低保家庭成员）");

        var careCertificate = Leaf("care-certificate", "护理补贴：残疾人证", certificate, Certificate,
            "持有第二代残疾人证", "没有残疾人证，须先到区残联办理残疾评定和残疾人证");
        var careGrade = Leaf("care-grade", "护理补贴：残疾等级", grade is null ? null : grade <= CareMaxGrade, Grade,
            $"残疾等级为{gradeText}级，达到{CareMaxGrade}级及以上",
            $"残疾等级为{gradeText}级，未达到{CareMaxGrade}级及以上（一级最重）");
        var careLongTerm = Leaf("care-long-term", "护理补贴：长期照护", care, Care,
            "生活需要长期照护", "生活不需要长期照护");
        var severe = Parent("care-severe", "护理补贴：一、二级且需长期照护", or: false, [careGrade, careLongTerm],
            $"{gradeText}级残疾且需要长期照护", $"不是{CareMaxGrade}级及以上且需要长期照护的重度残疾人");
        var extendedType = Leaf("care-extended-type", "护理补贴扩展：残疾类别",
            type is null ? null : type is "intellectual" or "mental", Type,
            "残疾类别为智力或精神残疾", "残疾类别不是智力或精神残疾");
        var extendedGrade = Leaf("care-extended-grade", "护理补贴扩展：残疾等级",
            grade is null ? null : grade >= CareExtendedMinGrade, Grade,
            $"残疾等级为{gradeText}级，属{CareExtendedMinGrade}级、四级",
            $"残疾等级为{gradeText}级，不属{CareExtendedMinGrade}级、四级（一、二级按长期照护条件认定）");
        var extended = Parent("care-extended", "护理补贴：三、四级智力、精神残疾", or: false, [extendedType, extendedGrade],
            $"{gradeText}级智力或精神残疾，属山西省扩展的护理补贴范围（{CareExtendedSubsidyAmount}元/月）",
            $"不是{CareExtendedMinGrade}级、四级智力或精神残疾");
        var level = Parent("care-level", "护理补贴：残疾程度", or: true, [severe, extended],
            "残疾程度符合护理补贴条件", "残疾程度不符合护理补贴条件");
        var careSubsidy = Parent("care-subsidy", "重度残疾人护理补贴", or: false, [careCertificate, level],
            $"符合重度残疾人护理补贴条件（一、二级需长期照护的{CareSubsidyAmount}元/月；三、四级智力、精神残疾{CareExtendedSubsidyAmount}元/月）",
            $"不符合护理补贴条件（须持证，且为{CareMaxGrade}级及以上需长期照护，或{CareExtendedMinGrade}级、四级智力、精神残疾）");

        var top = Parent("two-subsidies", "残疾人两项补贴（符合其一即可申请）", or: true, [living, careSubsidy],
            "符合困难残疾人生活补贴或重度残疾人护理补贴的条件，可以申请（两项都符合的可同时享受）",
            "困难残疾人生活补贴和重度残疾人护理补贴的条件都不符合");

        var decision = top.Truth switch
        {
            true => Decision.Eligible,
            false => Decision.Ineligible,
            null => Decision.Undetermined,
        };
        return new EligibilityResult(_procedure.Id, _procedure.Title, decision, [top.Reason],
            decision == Decision.Undetermined ? Missing(top.Unknown) : [], _procedure.LegalNote);
    }

    private void CollectSources(IEnumerable<RuleDefinition> rules)
    {
        foreach (var rule in rules)
        {
            _sources[rule.RuleName] = rule.Properties?.Source;
            CollectSources(rule.Rules);
        }
    }

    private Node Leaf(string rule, string label, bool? holds, int reads, string pass, string fail)
    {
        var source = _sources[rule];
        return holds switch
        {
            true => new Node(true, new Reason(rule, label, ReasonStatus.Passed, pass, source, []), 0),
            false => new Node(false, new Reason(rule, label, ReasonStatus.Failed, fail, source, []), 0),
            null => new Node(null, new Reason(rule, label, ReasonStatus.Unknown, Pending(label, reads), source, []), reads),
        };
    }

    private Node Parent(string rule, string label, bool or, Node[] children, string pass, string fail)
    {
        bool? truth = or ? false : true;
        var unknown = 0;
        foreach (var child in children)
        {
            if (child.Truth == or)
            {
                truth = or;
                break;
            }

            if (child.Truth is null)
                truth = null;
        }

        if (truth is null)
        {
            foreach (var child in children)
                unknown |= child.Unknown;
        }

        var reasons = new Reason[children.Length];
        for (var i = 0; i < children.Length; i++)
            reasons[i] = children[i].Reason;

        var source = _sources[rule];
        var reason = truth switch
        {
            true => new Reason(rule, label, ReasonStatus.Passed, pass, source, reasons),
            false => new Reason(rule, label, ReasonStatus.Failed, fail, source, reasons),
            null => new Reason(rule, label, ReasonStatus.Unknown, Pending(label, unknown), source, reasons),
        };
        return new Node(truth, reason, unknown);
    }

    private string Pending(string label, int facts)
    {
        var labels = new List<string>(FactNames.Length);
        for (var i = 0; i < _facts.Length; i++)
        {
            if ((facts & (1 << i)) != 0)
                labels.Add(_facts[i].Label);
        }

        return $"{label}：还需了解{string.Join("、", labels)}，才能判断";
    }

    private MissingFact[] Missing(int facts)
    {
        var missing = new List<MissingFact>(_facts.Length);
        for (var i = 0; i < _facts.Length; i++)
        {
            if ((facts & (1 << i)) != 0)
                missing.Add(_facts[i]);
        }

        return [.. missing];
    }

    // Truth is null when unknown; Unknown is the facts still needed below an unknown node.
    private readonly record struct Node(bool? Truth, Reason Reason, int Unknown);
}
