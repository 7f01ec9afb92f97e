using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

/// <summary>
/// Revised targets: each quarter is read against the target in force at its end. Online procedures: the plan says
/// 200 by FY2025; revised to 185 from 2025-10-01 and to 190 from 2026-01-15; a FY2026 target of 210 added from
/// 2026-12-01 by the extension.
/// </summary>
public class TargetInForceTests
{
    private static readonly KpiDefinition _revised = Kpis.OnlineProcedures with
    {
        Versions =
        [
            new(2022, 100m), new(2023, 140m), new(2024, 170m), new(2025, 200m),
            new(2025, 185m, new DateOnly(2025, 10, 1), "対象手続の減少"),
            new(2025, 190m, new DateOnly(2026, 1, 15), "再見直し"),
            new(2026, 210m, new DateOnly(2026, 12, 1), "延長"),
        ],
    };

    [Theory]
    [InlineData(2025, 2, 2025, 200.0)]   // Q2 ended 2025-09-30: before any revision
    [InlineData(2025, 3, 2025, 185.0)]   // Q3 ended 2025-12-31: the first revision
    [InlineData(2025, 4, 2025, 190.0)]   // Q4 ended 2026-03-31: the latest revision by then
    [InlineData(2024, 4, 2024, 170.0)]   // another year: untouched
    [InlineData(2026, 2, 2026, null)]    // FY2026 Q2 ended 2026-09-30: the new year's target did not exist yet
    [InlineData(2026, 3, 2026, 210.0)]
    public void TheTargetOfAYearIsTheOneInForceAtTheQuartersEnd(int fiscalYear, int quarter, int targetYear, double? expected)
    {
        var inForce = _revised.InForceAt(new FiscalQuarter(fiscalYear, quarter).EndDate);

        Assert.Equal(expected is null ? null : (decimal)expected, inForce.TargetFor(targetYear));
    }

    [Fact]
    public void TheOriginalTargetStaysReadableAndTheRulesUseTheTargetOfTheirTime()
    {
        Assert.Equal(200m, _revised.OriginalTargetFor(2025));
        Assert.Null(_revised.OriginalTargetFor(2026));

        // 188 at FY2025 Q3 meets the revised 185 (達成); against the original 200 it was only on track.
        var q3 = new FiscalQuarter(2025, 3);
        Assert.Equal(KpiStatus.Achieved, KpiRules.Status(_revised, q3, new QuarterReport(188m, null), StatusThresholds.Default));
        Assert.Equal(KpiStatus.OnTrack, KpiRules.Status(Kpis.OnlineProcedures, q3, new QuarterReport(188m, null), StatusThresholds.Default));

        // 180 at Q2 (before the revision) is graded against 200, as it was then.
        var q2 = new FiscalQuarter(2025, 2);
        Assert.Equal(KpiGrades.Grade(Kpis.OnlineProcedures, q2, KpiStatus.OnTrack, 180m, GradeScale.Default), KpiGrades.Grade(_revised, q2, KpiStatus.OnTrack, 180m, GradeScale.Default));
        Assert.Equal(KpiRules.ExpectedAt(Kpis.OnlineProcedures, q2), KpiRules.ExpectedAt(_revised, q2));
        Assert.NotEqual(KpiRules.ExpectedAt(Kpis.OnlineProcedures, q3), KpiRules.ExpectedAt(_revised, q3));
    }

    [Fact]
    public void ADefinitionWithoutRevisionsIsItself()
    {
        Assert.Same(Kpis.OnlineProcedures, Kpis.OnlineProcedures.InForceAt(new DateOnly(2030, 1, 1)));
        var originalsOnly = Kpis.OnlineProcedures with { Versions = [new(2025, 200m)] };
        Assert.Same(originalsOnly, originalsOnly.InForceAt(new DateOnly(2030, 1, 1)));
    }
}
