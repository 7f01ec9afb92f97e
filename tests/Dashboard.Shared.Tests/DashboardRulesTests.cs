using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Tests;

public class DashboardRulesTests
{
    private static readonly KpiDto _procedures = Dto("I01-K1", Kpis.OnlineProcedures, "手続");
    private static readonly KpiDto _payment = Dto("I02-K2", Kpis.OnlineElectronicPayment, "");

    private static KpiDto Dto(string code, KpiDefinition d, string unit) =>
        new(code, code, d.Kind, d.Direction, unit, d.BaselineValue, d.BaselineDate, d.Targets, d.MilestoneDueFiscalYear,
            [new DepartmentDto("kikaku", "企画課", false)], null, null);

    private static QuarterFigure Figure(int fy, int q, decimal? value, MilestoneState? milestone = null) => new(fy, q, value, milestone, false);

    [Fact]
    public void RowOfAReportedQuarterShowsItsFigureExpectedValueYearTargetAchievementAndStatus()
    {
        var row = DashboardRules.Row(_procedures, [Figure(2023, 1, 108), Figure(2023, 2, 120)], new FiscalQuarter(2023, 2), StatusThresholds.Default, null);

        Assert.Equal(120m, row.Latest!.Value);
        Assert.Equal(2, row.Latest.Quarter);
        Assert.Equal(120.0m, Math.Round(row.Expected!.Value, 1));  // halfway from 100 to 140 by days
        Assert.Equal(140m, row.YearTarget);
        Assert.Equal((120m - 61m) / (140m - 61m), row.Achievement);
        Assert.Equal(KpiStatus.OnTrack, row.Status);
        Assert.False(row.IsMissing);
        Assert.Equal([108m, 120m], row.Trend.Select(f => f.Value!.Value));
    }

    [Fact]
    public void RowOfAQuarterWithoutReportKeepsTheEarlierFigureButIsMissingAndShowsWhatIsPending()
    {
        var row = DashboardRules.Row(_procedures, [Figure(2023, 1, 108), Figure(2024, 1, 150)], new FiscalQuarter(2023, 3), StatusThresholds.Default, EntryState.Submitted);

        Assert.Equal(new FiscalQuarter(2023, 1), row.Latest!.FiscalQuarter);  // later quarters are not seen
        Assert.Null(row.Achievement);
        Assert.Equal(KpiStatus.NotReported, row.Status);
        Assert.True(row.IsMissing);
        Assert.Equal(EntryState.Submitted, row.PendingState);
    }

    [Fact]
    public void TrendKeepsTheLastEightQuartersOldestFirst()
    {
        var figures = Enumerable.Range(0, 12).Select(i => FiscalQuarter.FromOrdinal(new FiscalQuarter(2022, 3).Ordinal + i))
            .Select((q, i) => Figure(q.FiscalYear, q.Quarter, 70 + i)).ToList();

        var row = DashboardRules.Row(_procedures, figures, new FiscalQuarter(2025, 2), StatusThresholds.Default, null);

        Assert.Equal(Enumerable.Range(74, 8).Select(v => (decimal)v), row.Trend.Select(f => f.Value!.Value));
    }

    [Fact]
    public void MilestoneRowsAreJudgedOnTheirStateAndDueYear()
    {
        var inProgress = DashboardRules.Row(_payment, [Figure(2024, 1, null, MilestoneState.InProgress)], new FiscalQuarter(2024, 1), StatusThresholds.Default, null);
        var done = DashboardRules.Row(_payment, [Figure(2023, 4, null, MilestoneState.Done)], new FiscalQuarter(2023, 4), StatusThresholds.Default, null);

        Assert.Equal(KpiStatus.Overdue, inProgress.Status);  // due FY2023
        Assert.Equal(KpiStatus.Completed, done.Status);
        Assert.Null(inProgress.Expected);
    }

    [Theory]
    [InlineData(new[] { KpiStatus.Achieved, KpiStatus.OnTrack }, KpiStatus.OnTrack)]
    [InlineData(new[] { KpiStatus.OnTrack, KpiStatus.NotReported }, KpiStatus.NotReported)]
    [InlineData(new[] { KpiStatus.NotReported, KpiStatus.Caution }, KpiStatus.Caution)]
    [InlineData(new[] { KpiStatus.Caution, KpiStatus.Overdue, KpiStatus.Achieved }, KpiStatus.Overdue)]
    [InlineData(new[] { KpiStatus.Completed }, KpiStatus.Completed)]
    [InlineData(new KpiStatus[0], KpiStatus.NotReported)]
    public void HeatmapCellIsTheWorstStatus(KpiStatus[] statuses, KpiStatus worst) =>
        Assert.Equal(worst, DashboardRules.Worst(statuses));

    [Fact]
    public void CountsGroupRowsByStatus()
    {
        var rows = new[] { (KpiStatus.OnTrack, 3), (KpiStatus.Delayed, 1), (KpiStatus.NotReported, 2) }
            .SelectMany(x => Enumerable.Repeat(x.Item1, x.Item2))
            .Select(s => DashboardRules.Row(_procedures, [], new FiscalQuarter(2023, 1), StatusThresholds.Default, null) with { Status = s });

        Assert.Equal([(KpiStatus.OnTrack, 3), (KpiStatus.Delayed, 1), (KpiStatus.NotReported, 2)], DashboardRules.Counts(rows));
    }

    [Theory]
    [InlineData(2023, 3, 2023, 140.0)]
    [InlineData(2025, 1, 2025, 200.0)]
    public void NextTargetIsTheFirstYearTargetFromTheQuarterOn(int fy, int q, int dueYear, double value) =>
        Assert.Equal((dueYear, (decimal?)value), DashboardRules.NextTarget(_procedures, new FiscalQuarter(fy, q), KpiStatus.OnTrack));

    [Fact]
    public void NextTargetOfAMilestoneIsItsDueYearUntilItIsDone()
    {
        Assert.Equal((2023, (decimal?)null), DashboardRules.NextTarget(_payment, new FiscalQuarter(2024, 1), KpiStatus.Overdue));
        Assert.Null(DashboardRules.NextTarget(_payment, new FiscalQuarter(2024, 1), KpiStatus.Completed));
    }

    [Fact]
    public void ForecastProjectsTheReportedFiguresToThePlansLastQuarter()
    {
        var figures = new[] { Figure(2024, 1, 145), Figure(2024, 2, 152), Figure(2024, 3, 159) };

        var forecast = DashboardRules.Forecast(Kpis.OnlineProcedures, figures, new FiscalQuarter(2025, 4));

        Assert.Null(forecast.Refusal);
        Assert.Equal(194m, forecast.ProjectedValue);  // +7 a quarter for five more quarters
        Assert.Equal(200m, forecast.FinalTarget);
        Assert.False(forecast.WillMeetFinalTarget);
    }

    [Fact]
    public void ForecastIsRefusedWithTooFewFigures() =>
        Assert.Equal(ForecastRefusal.TooFewPoints, DashboardRules.Forecast(Kpis.OnlineProcedures, [Figure(2024, 1, 145)], new FiscalQuarter(2025, 4)).Refusal);
}
