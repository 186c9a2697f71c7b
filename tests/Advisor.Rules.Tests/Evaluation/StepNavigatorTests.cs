using Advisor.Rules.Evaluation;
using Advisor.Rules.Model;
using static Advisor.Rules.Tests.Support.TestCatalog;

namespace Advisor.Rules.Tests.Evaluation;

public class StepNavigatorTests
{
    private static readonly StepNavigator Navigator = new();

    [Fact]
    public void Next_FromNothing_IsTheFirstStep()
    {
        var result = Navigator.Next(Procedure("34"), null, null);

        Assert.Equal("apply", Assert.Single(result.Next).Id);
    }

    [Fact]
    public void Next_AfterARejectedCheck_GoesToMaterialCorrection()
    {
        var result = Navigator.Next(Procedure("34"), "verify-passed", "no");

        var next = Assert.Single(result.Next);
        Assert.Equal("材料补正", next.Name);
        Assert.Equal("no", next.Branch);
    }

    [Fact]
    public void Next_AfterTheHomesteadResolution_IsTheFiveDayPublicity()
    {
        var result = Navigator.Next(Procedure("23"), "resolution", null);

        var next = Assert.Single(result.Next);
        Assert.Equal((StepKind.Publicity, 5), (next.Kind, next.MinDays!.Value));
    }

    [Fact]
    public void Next_DecisionWithoutOutcome_GivesBothBranches()
    {
        var result = Navigator.Next(Procedure("34"), "verify-passed", null);

        Assert.Equal(["yes", "no"], result.Next.Select(s => s.Branch));
    }

    [Fact]
    public void Next_UnknownStep_Throws()
    {
        Assert.Throws<UnknownStepException>(() => Navigator.Next(Procedure("34"), "nowhere", null));
    }

    [Fact]
    public void Path_FollowsTheSuccessfulRoute()
    {
        var names = Navigator.Path(Procedure("34")).Select(s => s.Name).ToList();

        Assert.True(names.IndexOf("受理并登记造册") < names.IndexOf("公示7日"));
        Assert.True(names.IndexOf("公示7日") < names.IndexOf("汇总上报"));
    }
}
