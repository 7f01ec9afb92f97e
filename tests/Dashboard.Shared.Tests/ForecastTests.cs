using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public class ForecastTests
{
    private static readonly FiscalQuarter _planEnd = new(2025, 4);

    private static List<(FiscalQuarter, decimal)> Points(params (int Year, int Quarter, double Value)[] points) =>
        points.Select(p => (new FiscalQuarter(p.Year, p.Quarter), (decimal)p.Value)).ToList();

    [Fact]
    public void ProjectsAStraightLineToThePlansLastQuarter()
    {
        // 108, 119, 128, 137: slope 9.6 a quarter; FY2025 Q4 is 9.5 quarters past the mean: 123 + 91.2.
        var result = KpiForecast.Project(Kpis.OnlineProcedures, Points((2023, 1, 108), (2023, 2, 119), (2023, 3, 128), (2023, 4, 137)), _planEnd);

        Assert.True(result.IsAvailable);
        Assert.Equal(4, result.PointsUsed);
        Assert.Equal(214.2m, result.ProjectedValue);
        Assert.Equal(9.6m, result.SlopePerQuarter);
        Assert.Equal(200m, result.FinalTarget);
        Assert.True(result.WillMeetFinalTarget);
        Assert.Equal(_planEnd, result.TargetQuarter);
    }

    [Fact]
    public void MissingQuartersKeepTheirPlaceOnTheTimeAxis()
    {
        // Reported every other quarter: +10 per two quarters is 5 a quarter, not 10.
        var result = KpiForecast.Project(Kpis.OnlineProcedures, Points((2023, 1, 100), (2023, 3, 110), (2024, 1, 120)), _planEnd);

        Assert.Equal(5m, result.SlopePerQuarter);
        Assert.Equal(155m, result.ProjectedValue);
        Assert.False(result.WillMeetFinalTarget);
    }

    [Fact]
    public void LowerIsBetterMeetsTheTargetOnlyAtOrBelowIt()
    {
        // 90, 86, 83, 80: slope -3.3; 84.75 - 3.3 * 9.5 = 53.4, above the halved 50.
        var slow = KpiForecast.Project(Kpis.CashPayments, Points((2023, 1, 90), (2023, 2, 86), (2023, 3, 83), (2023, 4, 80)), _planEnd);
        Assert.Equal(53.4m, slow.ProjectedValue);
        Assert.False(slow.WillMeetFinalTarget);

        var fast = KpiForecast.Project(Kpis.CashPayments, Points((2023, 1, 90), (2023, 2, 85), (2023, 3, 80), (2023, 4, 75)), _planEnd);
        Assert.True(fast.WillMeetFinalTarget);
    }

    [Fact]
    public void RefusesWithAReasonBelowTheMinimumOfPoints()
    {
        var result = KpiForecast.Project(Kpis.OnlineProcedures, Points((2023, 1, 108), (2023, 2, 119)), _planEnd);

        Assert.False(result.IsAvailable);
        Assert.Equal(ForecastRefusal.TooFewPoints, result.Refusal);
        Assert.Equal(2, result.PointsUsed);
        Assert.Equal(3, result.PointsRequired);
        Assert.Null(result.ProjectedValue);
    }

    [Fact]
    public void TheMinimumCanBeRaised()
    {
        var points = Points((2023, 1, 108), (2023, 2, 119), (2023, 3, 128));
        Assert.True(KpiForecast.Project(Kpis.OnlineProcedures, points, _planEnd).IsAvailable);
        Assert.Equal(ForecastRefusal.TooFewPoints, KpiForecast.Project(Kpis.OnlineProcedures, points, _planEnd, minimumPoints: 4).Refusal);
    }

    [Fact]
    public void PercentagesStayWithinZeroToHundred()
    {
        var result = KpiForecast.Project(Kpis.CardUptake, Points((2022, 2, 80), (2022, 3, 90), (2022, 4, 99)), _planEnd);
        Assert.Equal(100m, result.ProjectedValue);
        Assert.True(result.WillMeetFinalTarget);
    }

    [Fact]
    public void CountsDoNotGoBelowZero()
    {
        var result = KpiForecast.Project(Kpis.CashPayments, Points((2022, 2, 90), (2022, 3, 60), (2022, 4, 30)), _planEnd);
        Assert.Equal(0m, result.ProjectedValue);
    }

    [Theory]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), ForecastRefusal.NotNumeric)]
    [InlineData(nameof(Kpis.SmartphoneClasses), ForecastRefusal.NotNumeric)]
    [InlineData(nameof(Kpis.CyberAttackDamage), ForecastRefusal.ZeroTarget)]
    public void RefusesKindsATrendSaysNothingAbout(string kpi, ForecastRefusal refusal)
    {
        var result = KpiForecast.Project(Kpis.Named(kpi), Points((2023, 1, 0), (2023, 2, 0), (2023, 3, 0)), _planEnd);
        Assert.Equal(refusal, result.Refusal);
    }

    [Fact]
    public void RefusesWhenThePlanHasAlreadyEnded()
    {
        var result = KpiForecast.Project(Kpis.OnlineProcedures, Points((2025, 2, 180), (2025, 3, 188), (2025, 4, 199)), _planEnd);
        Assert.Equal(ForecastRefusal.PlanEnded, result.Refusal);
    }

    [Fact]
    public void AQuarterReportedTwiceIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() =>
            KpiForecast.Project(Kpis.OnlineProcedures, Points((2023, 1, 1), (2023, 1, 2), (2023, 2, 3)), _planEnd));
}
