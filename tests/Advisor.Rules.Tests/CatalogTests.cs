using Advisor.Rules.Model;
using Advisor.Rules.Tests.Support;

namespace Advisor.Rules.Tests;

/// <summary>The catalog holds the 64 charts, and the spot checks of the catalog issue hold.</summary>
public class CatalogTests
{
    private static readonly string[] ExpectedIds =
    [
        "01", "02a", "02b", "02c", "02d", .. Enumerable.Range(3, 41).Select(n => n.ToString("00")),
        "44a", "44b", .. Enumerable.Range(45, 12).Select(n => n.ToString("00")), "57a", "57b", "58", "59",
    ];

    [Fact]
    public void Catalog_HoldsTheSixtyFourCharts()
    {
        Assert.Equal(64, ExpectedIds.Length);
        Assert.Equal(ExpectedIds, TestCatalog.Catalog.Procedures.Select(p => p.Id));
    }

    [Fact]
    public void Procedure34_ListsItsMaterialsAndASevenDayPublicity()
    {
        var p = TestCatalog.Procedure("34");

        Assert.Equal(["高龄津贴申请书", "身份证", "“一卡通”账号"], p.Materials.Select(m => m.Name));
        Assert.Equal(MaterialForm.OriginalAndCopy, p.Materials[1].Form);
        var publicity = Assert.Single(p.Steps, s => s.Kind == StepKind.Publicity);
        Assert.Equal((7, DayUnit.Calendar), (publicity.MinDays!.Value, publicity.DayUnit!.Value));
    }

    [Fact]
    public void Procedure44a_ListsSevenMaterialsWithTwoPhotos()
    {
        var p = TestCatalog.Procedure("44a");

        Assert.Equal(7, p.Materials.Count);
        var photos = Assert.Single(p.Materials, m => m.Name.Contains("照片", StringComparison.Ordinal));
        Assert.Equal((2, "张"), (photos.Copies, photos.Unit));
    }

    [Fact]
    public void Procedure44b_ListsNineBaseMaterialsAndFourConditionalGroups()
    {
        var p = TestCatalog.Procedure("44b");
        var groups = p.Materials.Where(m => m.Condition is not null && !m.Condition.Contains("hukouSeparated", StringComparison.Ordinal))
            .Select(m => m.Condition!.Split(' ')[0]).Distinct();

        Assert.Equal(9, p.Materials.Count(m => m.Condition is null || m.Condition.Contains("hukouSeparated", StringComparison.Ordinal)));
        Assert.Equal(["maritalStatus", "childDisabled", "coupleOnlyChild", "adoptionRequest"], groups);
        Assert.Equal((2, "份"), (p.Materials[0].Copies, p.Materials[0].Unit));
    }

    [Fact]
    public void Procedure57_ListsFiveAndTwoMaterials()
    {
        Assert.Equal(5, TestCatalog.Procedure("57a").Materials.Count);
        Assert.Equal(2, TestCatalog.Procedure("57b").Materials.Count);
    }

    [Theory]
    [InlineData("23", 5, DayUnit.Calendar)]
    [InlineData("24", 3, DayUnit.Calendar)]
    [InlineData("59", 5, DayUnit.Working)]
    [InlineData("32", 7, DayUnit.Calendar)]
    public void Publicity_HasTheChartsLength(string id, int days, DayUnit unit)
    {
        var publicity = TestCatalog.Procedure(id).Steps.Where(s => s.Kind == StepKind.Publicity)
            .Select(s => (s.MinDays!.Value, s.DayUnit!.Value));

        Assert.Contains((days, unit), publicity);
    }

    [Fact]
    public void Procedure23_HasThreeDecisionsAndItsOwnActors()
    {
        var p = TestCatalog.Procedure("23");

        Assert.Equal(3, p.Steps.Count(s => s.Kind == StepKind.Decision));
        Assert.Equal(["村民委员会", "村集体经济组织"], p.Actors.Implementing);
    }

    [Fact]
    public void Procedure22_HasTheImplementingBodiesPrintedUnder23()
    {
        Assert.Equal(["村（社区）支部委员会", "村（居）民委员会"], TestCatalog.Procedure("22").Actors.Implementing);
    }

    [Fact]
    public void Procedure04_HoldsTheMeetingThresholdsAsParameters()
    {
        var parameters = TestCatalog.Procedure("04").Parameters.ToDictionary(p => p.Name, p => p.Value.GetInt32());

        Assert.Equal(2, parameters["quorumNumerator"]);
        Assert.Equal(3, parameters["quorumDenominator"]);
        Assert.Equal(1, parameters["approvalNumerator"]);
        Assert.Equal(2, parameters["approvalDenominator"]);
        Assert.Equal(7, parameters["minNoticeDays"]);
    }

    [Fact]
    public void Parameters_NotStatedByTheSeed_AreFlaggedForConfirmation()
    {
        var minAge = TestCatalog.Procedure("34").Parameters.Single(p => p.Name == "minAge");

        Assert.True(minAge.Confirm);
        Assert.Contains("老年人权益保障法", minAge.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Procedure44b_CarriesTheThreeChildLegalNote()
    {
        var note = TestCatalog.Procedure("44b").LegalNote;

        Assert.NotNull(note);
        Assert.Contains("人口与计划生育法", note.Source, StringComparison.Ordinal);
    }
}
