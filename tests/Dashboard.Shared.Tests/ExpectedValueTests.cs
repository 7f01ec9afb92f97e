using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public class ExpectedValueTests
{
    // Expected values are compared to 2 decimal places; the arithmetic behind each row is in its comment.
    [Theory]
    [InlineData(nameof(Kpis.OnlineProcedures), 2022, 2, null)]        // quarter ends 2022-09-30, before the baseline date
    [InlineData(nameof(Kpis.OnlineProcedures), 2022, 3, 80.61)]       // 61 + 39 * 91/181 days
    [InlineData(nameof(Kpis.OnlineProcedures), 2022, 4, 100.0)]       // FY2022 target on 31 March 2023
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 2, 120.0)]       // 100 + 40 * 183/366 (FY2023 has 29 February)
    [InlineData(nameof(Kpis.OnlineProcedures), 2023, 4, 140.0)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2025, 4, 200.0)]
    [InlineData(nameof(Kpis.OnlineProcedures), 2026, 1, 200.0)]       // after the last target the path stays there
    [InlineData(nameof(Kpis.SnsSubscribers), 2022, 1, 14741.76)]      // 14000 + 3000 * 90/364
    [InlineData(nameof(Kpis.SnsSubscribers), 2024, 4, 19000.0)]
    [InlineData(nameof(Kpis.CardUptake), 2022, 3, null)]              // no baseline: nothing expected before the first target
    [InlineData(nameof(Kpis.CardUptake), 2022, 4, 100.0)]
    [InlineData(nameof(Kpis.CardUptake), 2024, 2, 100.0)]
    [InlineData(nameof(Kpis.CashPayments), 2023, 4, 74.98)]           // no FY2023 target: 100 - 50 * 731/1461, bridged
    [InlineData(nameof(Kpis.CashPayments), 2025, 4, 50.0)]            // halved
    [InlineData(nameof(Kpis.CyberAttackDamage), 2024, 3, 0.0)]
    [InlineData(nameof(Kpis.CyberAttackDamage), 2021, 1, 0.0)]        // zero is expected whenever
    [InlineData(nameof(Kpis.OnlineElectronicPayment), 2023, 4, null)] // milestones have no numeric path
    [InlineData(nameof(Kpis.SmartphoneClasses), 2023, 4, null)]
    [InlineData(nameof(Kpis.HoldTheLevel), 2022, 2, 500.0)]           // target equal to baseline: flat
    public void ExpectedValueFollowsTheTargetPath(string kpi, int fiscalYear, int quarter, double? expected)
    {
        var actual = KpiRules.ExpectedAt(Kpis.Named(kpi), new FiscalQuarter(fiscalYear, quarter));
        decimal? want = expected is null ? null : Math.Round((decimal)expected.Value, 2);
        decimal? got = actual is null ? null : Math.Round(actual.Value, 2);
        Assert.Equal(want, got);
    }

    [Fact]
    public void PathStartsAtTheBaselineDateNotTheFiscalYear()
    {
        // The baseline (2022-10-01) falls inside FY2022 Q3; the quarter ending 2022-09-30 has no expectation,
        // the next one does and it is above the baseline.
        Assert.Null(KpiRules.ExpectedAt(Kpis.OnlineProcedures, new FiscalQuarter(2022, 2)));
        Assert.True(KpiRules.ExpectedAt(Kpis.OnlineProcedures, new FiscalQuarter(2022, 3)) > 61m);
    }

    [Fact]
    public void BaselineAfterTheFirstTargetIsIgnoredRatherThanBendingThePath()
    {
        var odd = Kpis.OnlineProcedures with { BaselineDate = new DateOnly(2024, 1, 1) };
        Assert.Equal(100m, KpiRules.ExpectedAt(odd, new FiscalQuarter(2022, 4)));
    }
}
