using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;

namespace Advisor.Benchmarks.Limits;

/// <summary>
/// Procedure 34 (高龄津贴) written by hand, without a rules engine: the fastest the same answer
/// (decision, reasons with their messages, missing facts) can be given. The project's evaluator is
/// measured against it.
/// </summary>
internal sealed class HandWritten34(Procedure procedure)
{
    private const int MinAge = 80;
    private const string AgeSource = "《老年人权益保障法》第三十三条；起始年龄以区民政部门规定为准";
    private const string HukouSource =
        "流程图34：向村（居）民委员会申请（图中未写户籍要求，按户籍地申请理解，以区民政部门规定为准）";

    private readonly MissingFact _age = MissingFact.Of(procedure.FindFact("age")!);
    private readonly MissingFact _hukou = MissingFact.Of(procedure.FindFact("hukouLocal")!);

    public EligibilityResult Evaluate(FactSet facts)
    {
        Truth ageTruth;
        Reason age;
        if (facts.TryGet("age", out var ageValue) && ageValue is int years)
        {
            ageTruth = years >= MinAge ? Truth.True : Truth.False;
            age = ageTruth == Truth.True
                ? new Reason("age", "年龄", ReasonStatus.Passed, $"年满{MinAge}周岁（申请人{years}周岁）", AgeSource, [])
                : new Reason("age", "年龄", ReasonStatus.Failed,
                    $"未满{MinAge}周岁（申请人{years}周岁），暂不能申领高龄津贴", AgeSource, []);
        }
        else
        {
            ageTruth = Truth.Unknown;
            age = new Reason("age", "年龄", ReasonStatus.Unknown, $"年龄：还需了解{_age.Label}，才能判断", AgeSource, []);
        }

        Truth hukouTruth;
        Reason hukou;
        if (facts.TryGet("hukouLocal", out var hukouValue) && hukouValue is bool local)
        {
            hukouTruth = local ? Truth.True : Truth.False;
            hukou = local
                ? new Reason("hukou", "户籍", ReasonStatus.Passed, "户籍在本村（社区）", HukouSource, [])
                : new Reason("hukou", "户籍", ReasonStatus.Failed,
                    "户籍不在本村（社区），应向户籍所在地村（居）民委员会申请", HukouSource, []);
        }
        else
        {
            hukouTruth = Truth.Unknown;
            hukou = new Reason("hukou", "户籍", ReasonStatus.Unknown, $"户籍：还需了解{_hukou.Label}，才能判断",
                HukouSource, []);
        }

        var decision = ageTruth == Truth.False || hukouTruth == Truth.False ? Decision.Ineligible
            : ageTruth == Truth.True && hukouTruth == Truth.True ? Decision.Eligible
            : Decision.Undetermined;

        IReadOnlyList<MissingFact> missing = decision != Decision.Undetermined ? []
            : ageTruth == Truth.Unknown && hukouTruth == Truth.Unknown ? [_age, _hukou]
            : ageTruth == Truth.Unknown ? [_age]
            : [_hukou];

        return new EligibilityResult(procedure.Id, procedure.Title, decision, [age, hukou], missing, procedure.LegalNote);
    }
}
