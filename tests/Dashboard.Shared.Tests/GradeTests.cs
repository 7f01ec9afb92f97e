using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

/// <summary>評価区分 per kind and scheme.</summary>
public class GradeTests
{
    private static readonly GradeScale _aToD = GradeScale.Default;
    private static readonly GradeScale _sToC = new(GradeScheme.SAtoC);

    [Theory]
    // Online procedures: baseline 61, FY2025 target 200. 達成率 = (actual - 61) / (200 - 61).
    [InlineData(nameof(Kpis.OnlineProcedures), 2025, 200.0, KpiGrade.A)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2025, 172.2, KpiGrade.B)]  // 80.0%
    [InlineData(nameof(Kpis.OnlineProcedures), 2025, 172.1, KpiGrade.C)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2025, 144.4, KpiGrade.C)]  // 60.0%
    [InlineData(nameof(Kpis.OnlineProcedures), 2025, 144.3, KpiGrade.D)]
    // Cash payments, lower is better: index 100 -> 50; no target before FY2025.
    [InlineData(nameof(Kpis.CashPayments), 2025, 50.0, KpiGrade.A)]
    [InlineData(nameof(Kpis.CashPayments), 2025, 60.0, KpiGrade.B)]       // (100-60)/(100-50) = 80%
    [InlineData(nameof(Kpis.CashPayments), 2024, 60.0, KpiGrade.NotGradable)]
    [InlineData(nameof(Kpis.CyberAttackDamage), 2024, 0.0, KpiGrade.A)]
    [InlineData(nameof(Kpis.CyberAttackDamage), 2024, 2.0, KpiGrade.D)]
    [InlineData(nameof(Kpis.CardUptake), 2022, 100.0, KpiGrade.A)]
    public void AToDGradesTheYearsAchievement(string kpi, int fiscalYear, double latest, KpiGrade expected) =>
        Assert.Equal(expected, KpiGrades.Grade(Kpis.Named(kpi), new FiscalQuarter(fiscalYear, 4), KpiStatus.OnTrack, (decimal)latest, _aToD));

    [Theory]
    [InlineData(nameof(Kpis.SnsSubscribers), 20000.0, KpiGrade.S)]
    [InlineData(nameof(Kpis.SnsSubscribers), 15401.0, KpiGrade.A)]    // more than 10% above the baseline of 14,000
    [InlineData(nameof(Kpis.SnsSubscribers), 15400.0, KpiGrade.B)]    // exactly +10%
    [InlineData(nameof(Kpis.SnsSubscribers), 12600.0, KpiGrade.B)]    // exactly -10%
    [InlineData(nameof(Kpis.SnsSubscribers), 12599.0, KpiGrade.C)]
    [InlineData(nameof(Kpis.CashPayments), 89.0, KpiGrade.A)]         // lower is better: 11% below the index
    [InlineData(nameof(Kpis.CashPayments), 105.0, KpiGrade.B)]
    [InlineData(nameof(Kpis.CashPayments), 111.0, KpiGrade.C)]
    [InlineData(nameof(Kpis.CardUptake), 90.0, KpiGrade.NotGradable)] // no baseline to compare with
    [InlineData(nameof(Kpis.CardUptake), 100.0, KpiGrade.NotGradable)] // no FY2025 target
    [InlineData(nameof(Kpis.CyberAttackDamage), 0.0, KpiGrade.S)]
    [InlineData(nameof(Kpis.CyberAttackDamage), 1.0, KpiGrade.C)]
    public void SAToCGradesAgainstBaselineAndTarget(string kpi, double latest, KpiGrade expected) =>
        Assert.Equal(expected, KpiGrades.Grade(Kpis.Named(kpi), new FiscalQuarter(2025, 4), KpiStatus.OnTrack, (decimal)latest, _sToC));

    [Theory]
    [InlineData(KpiStatus.Completed, KpiGrade.A, KpiGrade.S)]
    [InlineData(KpiStatus.Scheduled, KpiGrade.B, KpiGrade.B)]
    [InlineData(KpiStatus.Overdue, KpiGrade.D, KpiGrade.C)]
    [InlineData(KpiStatus.NotReported, KpiGrade.NotGradable, KpiGrade.NotGradable)]
    public void MilestonesAreGradedByTheirState(KpiStatus status, KpiGrade aToD, KpiGrade sToC)
    {
        Assert.Equal(aToD, KpiGrades.Grade(Kpis.OnlineElectronicPayment, new FiscalQuarter(2024, 1), status, null, _aToD));
        Assert.Equal(sToC, KpiGrades.Grade(Kpis.OnlineElectronicPayment, new FiscalQuarter(2024, 1), status, null, _sToC));
    }

    [Fact]
    public void NothingToGradeIsNotGradable()
    {
        Assert.Equal(KpiGrade.NotGradable, KpiGrades.Grade(Kpis.SmartphoneClasses, new FiscalQuarter(2025, 4), KpiStatus.Reported, null, _aToD));
        Assert.Equal(KpiGrade.NotGradable, KpiGrades.Grade(Kpis.OnlineProcedures, new FiscalQuarter(2025, 4), KpiStatus.NotReported, null, _aToD));
        Assert.Equal("評価不能", KpiGrade.NotGradable.Japanese());
    }

    [Fact]
    public void TheFinalEvaluationGradesAgainstThePlansLastTarget()
    {
        // 170 in FY2024 is A against that year's 170, C against the final 200: (170-61)/(200-61) = 78%.
        Assert.Equal(KpiGrade.A, KpiGrades.Grade(Kpis.OnlineProcedures, new FiscalQuarter(2024, 4), KpiStatus.Achieved, 170m, _aToD));
        Assert.Equal(KpiGrade.C, KpiGrades.Grade(Kpis.OnlineProcedures, new FiscalQuarter(2024, 4), KpiStatus.Achieved, 170m, _aToD, finalTarget: true));
    }

    [Theory]
    [InlineData(1.0, 0.8, 0.6, 0.1, true)]
    [InlineData(1.0, 0.6, 0.8, 0.1, false)]
    [InlineData(1.0, 0.8, 0.0, 0.1, false)]
    [InlineData(1.0, 0.8, 0.6, 1.0, false)]
    public void ThresholdsMustBeInOrder(double a, double b, double c, double band, bool valid) =>
        Assert.Equal(valid, new GradeScale(GradeScheme.AtoD, (decimal)a, (decimal)b, (decimal)c, (decimal)band).IsValid);
}
