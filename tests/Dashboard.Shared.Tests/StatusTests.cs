using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public class StatusTests
{
    private static readonly StatusThresholds _plan = StatusThresholds.Default;

    [Theory]
    // FY2023 Q2: expected 120 on the way from 100 to 140
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 140.0, KpiStatus.Achieved)]  // the year's target already met
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 120.0, KpiStatus.OnTrack)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 117.05, KpiStatus.OnTrack)]  // exactly 95% of the way
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 117.04, KpiStatus.Caution)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 108.2, KpiStatus.Caution)]   // exactly 80%
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 100.0, KpiStatus.Delayed)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 50.0, KpiStatus.Delayed)]    // below the baseline
    // lower is better against the FY2021 index
    [InlineData(nameof(Kpis.CashPayments), 2025, 4, 50.0, KpiStatus.Achieved)]
    [InlineData(nameof(Kpis.CashPayments), 2025, 4, 45.0, KpiStatus.Achieved)]       // overshoot downwards
    [InlineData(nameof(Kpis.CashPayments), 2025, 4, 56.0, KpiStatus.Caution)]        // (100-56)/(100-50) = 88%
    [InlineData(nameof(Kpis.CashPayments), 2025, 4, 70.0, KpiStatus.Delayed)]
    [InlineData(nameof(Kpis.CashPayments), 2023, 4, 75.0, KpiStatus.OnTrack)]        // no FY2023 target: judged on the path only
    // zero target
    [InlineData(nameof(Kpis.CyberAttackDamage), 2024, 1, 0.0, KpiStatus.Achieved)]
    [InlineData(nameof(Kpis.CyberAttackDamage), 2024, 1, 1.0, KpiStatus.Delayed)]
    // percentage without baseline
    [InlineData(nameof(Kpis.CardUptake), 2025, 4, 84.1, KpiStatus.Caution)]
    [InlineData(nameof(Kpis.CardUptake), 2022, 3, 63.0, KpiStatus.NoTarget)]         // before any path exists
    // stock with the target equal to the baseline
    [InlineData(nameof(Kpis.HoldTheLevel), 2022, 2, 500.0, KpiStatus.Achieved)]
    [InlineData(nameof(Kpis.HoldTheLevel), 2022, 2, 499.0, KpiStatus.Delayed)]
    public void NumericStatusFollowsThresholds(string kpi, int fiscalYear, int quarter, double actual, KpiStatus expected) =>
        Assert.Equal(expected, KpiRules.Status(Kpis.Named(kpi), new FiscalQuarter(fiscalYear, quarter), new QuarterReport((decimal)actual), _plan));

    [Theory]
    [InlineData(2023, 4, MilestoneState.InProgress, KpiStatus.Scheduled)]   // due FY2023, last quarter of it
    [InlineData(2024, 1, MilestoneState.InProgress, KpiStatus.Overdue)]     // first quarter after the due year
    [InlineData(2024, 1, MilestoneState.NotStarted, KpiStatus.Overdue)]
    [InlineData(2024, 1, MilestoneState.Done, KpiStatus.Completed)]
    [InlineData(2022, 3, MilestoneState.Done, KpiStatus.Completed)]
    [InlineData(2022, 3, MilestoneState.NotStarted, KpiStatus.Scheduled)]
    public void MilestoneStatusDependsOnTheDueYear(int fiscalYear, int quarter, MilestoneState state, KpiStatus expected) =>
        Assert.Equal(expected, KpiRules.Status(Kpis.OnlineElectronicPayment, new FiscalQuarter(fiscalYear, quarter), new QuarterReport(null, state), _plan));

    [Theory]
    [InlineData(nameof(Kpis.OnlineProcedures))]
    [InlineData(nameof(Kpis.CashPayments))]
    [InlineData(nameof(Kpis.CyberAttackDamage))]
    [InlineData(nameof(Kpis.OnlineElectronicPayment))]
    [InlineData(nameof(Kpis.SmartphoneClasses))]
    public void MissingQuarterIsNotReported(string kpi)
    {
        Assert.Equal(KpiStatus.NotReported, KpiRules.Status(Kpis.Named(kpi), new FiscalQuarter(2024, 2), null, _plan));
        Assert.Equal(KpiStatus.NotReported, KpiRules.Status(Kpis.Named(kpi), new FiscalQuarter(2024, 2), new QuarterReport(null, null, Reported: false), _plan));
    }

    [Fact]
    public void NumericKpiReportedWithoutAFigureIsNotReported() =>
        Assert.Equal(KpiStatus.NotReported, KpiRules.Status(Kpis.OnlineProcedures, new FiscalQuarter(2024, 2), new QuarterReport(null), _plan));

    [Fact]
    public void MonitorOnlyKpiIsReportedWhenAnythingWasReported() =>
        Assert.Equal(KpiStatus.Reported, KpiRules.Status(Kpis.SmartphoneClasses, new FiscalQuarter(2024, 2), new QuarterReport(null), _plan));

    [Fact]
    public void ThresholdsAreSetPerPlan()
    {
        var lenient = new StatusThresholds(0.90m, 0.70m);
        var report = new QuarterReport(115m); // 91.5% of the way to FY2023 Q2's 120
        Assert.Equal(KpiStatus.Caution, KpiRules.Status(Kpis.OnlineProcedures, new(2023, 2), report, _plan));
        Assert.Equal(KpiStatus.OnTrack, KpiRules.Status(Kpis.OnlineProcedures, new(2023, 2), report, lenient));
    }

    [Theory]
    [InlineData(0.95, 0.80, true)]
    [InlineData(0.80, 0.95, false)]
    [InlineData(1.10, 0.80, false)]
    [InlineData(0.95, 0.0, false)]
    public void ThresholdsMustBeInOrder(double onTrack, double caution, bool valid) =>
        Assert.Equal(valid, new StatusThresholds((decimal)onTrack, (decimal)caution).IsValid);

    [Fact]
    public void EveryStatusHasAJapaneseLabel()
    {
        Assert.All(Enum.GetValues<KpiStatus>(), s => Assert.NotEqual(s.ToString(), s.Japanese()));
        Assert.Equal(["達成", "順調", "注意", "遅延", "未報告"],
            new[] { KpiStatus.Achieved, KpiStatus.OnTrack, KpiStatus.Caution, KpiStatus.Delayed, KpiStatus.NotReported }.Select(s => s.Japanese()));
        Assert.Equal(["完了", "予定どおり", "期限超過"],
            new[] { KpiStatus.Completed, KpiStatus.Scheduled, KpiStatus.Overdue }.Select(s => s.Japanese()));
    }
}
