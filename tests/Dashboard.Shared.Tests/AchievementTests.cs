using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public class AchievementTests
{
    private const KpiDirection Higher = KpiDirection.HigherIsBetter;
    private const KpiDirection Lower = KpiDirection.LowerIsBetter;

    [Theory]
    // higher is better, against a baseline
    [InlineData(Higher, 61.0, 100.0, 80.5, 0.5)]
    [InlineData(Higher, 61.0, 100.0, 100.0, 1.0)]
    [InlineData(Higher, 61.0, 100.0, 139.0, 2.0)]       // overshoot above the target
    [InlineData(Higher, 61.0, 100.0, 41.5, -0.5)]       // moved the wrong way: below the baseline
    // lower is better: (baseline - actual) / (baseline - target)
    [InlineData(Lower, 100.0, 50.0, 75.0, 0.5)]
    [InlineData(Lower, 100.0, 50.0, 40.0, 1.2)]         // overshoot below the target
    [InlineData(Lower, 100.0, 50.0, 110.0, -0.2)]       // rose instead of falling
    // target equal to baseline: met or not
    [InlineData(Higher, 500.0, 500.0, 500.0, 1.0)]
    [InlineData(Higher, 500.0, 500.0, 600.0, 1.0)]
    [InlineData(Higher, 500.0, 500.0, 499.0, 0.0)]
    [InlineData(Lower, 10.0, 10.0, 10.0, 1.0)]
    [InlineData(Lower, 10.0, 10.0, 11.0, 0.0)]
    // no baseline
    [InlineData(Higher, null, 100.0, 84.1, 0.841)]
    [InlineData(Higher, null, 0.0, 5.0, 1.0)]
    [InlineData(Lower, null, 50.0, 100.0, 0.5)]
    [InlineData(Lower, null, 50.0, 25.0, 2.0)]
    // zero target
    [InlineData(Lower, null, 0.0, 0.0, 1.0)]
    [InlineData(Lower, null, 0.0, 1.0, 0.0)]
    [InlineData(Lower, 0.0, 0.0, 0.0, 1.0)]
    [InlineData(Lower, 0.0, 0.0, 3.0, 0.0)]
    public void AchievementRespectsDirectionAndBaseline(KpiDirection direction, double? baseline, double target, double actual, double expected)
    {
        var share = KpiRules.Achievement(direction, (decimal?)baseline, (decimal)target, (decimal)actual);
        Assert.Equal((decimal)expected, Math.Round(share, 4));
    }

    [Fact]
    public void AchievementOfTheYearIsNullWhenTheYearHasNoTarget()
    {
        Assert.Null(KpiRules.AchievementOfYear(Kpis.CashPayments, new FiscalQuarter(2023, 4), 75m));
        Assert.Equal(1m, KpiRules.AchievementOfYear(Kpis.CashPayments, new FiscalQuarter(2025, 4), 50m));
    }

    [Fact]
    public void AchievementIsNullForKindsWithoutAFigure()
    {
        Assert.Null(KpiRules.AchievementOfYear(Kpis.OnlineElectronicPayment, new FiscalQuarter(2023, 4), 1m));
        Assert.Null(KpiRules.AchievementOfQuarter(Kpis.SmartphoneClasses, new(2023, 1), 3m));
    }
}
