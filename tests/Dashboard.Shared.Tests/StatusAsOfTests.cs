using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

/// <summary>Statuses that carry across quarters: what was approved before still counts at a later quarter.</summary>
public class StatusAsOfTests
{
    private static readonly StatusThresholds _plan = StatusThresholds.Default;

    /// <summary>"2023Q2=Done;2024Q1=InProgress" or "2025Q2=188": approved reports, oldest first.</summary>
    private static List<(FiscalQuarter, QuarterReport)> Reports(string history) =>
        history.Length == 0
            ? []
            : history.Split(';').Select(part =>
            {
                var (quarter, value) = (part.Split('=')[0], part.Split('=')[1]);
                var q = new FiscalQuarter(int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture), quarter[^1] - '0');
                return char.IsLetter(value[0]) && Enum.TryParse<MilestoneState>(value, out var state)
                    ? (q, new QuarterReport(null, state))
                    : (q, new QuarterReport(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
            }).ToList();

    [Theory]
    // Milestone due FY2023 (electronic payment): done once, done for good.
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q2=Done", 2025, 4, KpiStatus.Completed)]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q2=Done", 2023, 2, KpiStatus.Completed)]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q2=Done", 2023, 1, KpiStatus.NotReported)]  // before it was done
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q1=InProgress;2023Q2=Done;2023Q3=InProgress", 2024, 1, KpiStatus.Completed)]
    // Not done after the due year: overdue whether or not the quarter was reported.
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q4=InProgress", 2024, 2, KpiStatus.Overdue)]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "", 2025, 4, KpiStatus.Overdue)]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q4=InProgress;2024Q3=Done", 2024, 2, KpiStatus.Overdue)]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q4=InProgress;2024Q3=Done", 2024, 3, KpiStatus.Completed)]  // late, but done
    // Within the due year: the quarter's own report.
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q1=InProgress", 2023, 1, KpiStatus.Scheduled)]
    [InlineData(nameof(Kpis.OnlineElectronicPayment), "2023Q1=InProgress", 2023, 3, KpiStatus.NotReported)]
    // Numeric kinds: the quarter's own report; none this quarter is 未報告 (the row shows the last figure).
    [InlineData(nameof(Kpis.OnlineProcedures), "2025Q2=188", 2025, 3, KpiStatus.NotReported)]
    [InlineData(nameof(Kpis.OnlineProcedures), "2025Q2=188;2025Q3=195", 2025, 3, KpiStatus.OnTrack)]
    [InlineData(nameof(Kpis.OnlineProcedures), "2025Q2=188;2025Q4=200", 2025, 3, KpiStatus.NotReported)]  // a later report does not count
    [InlineData(nameof(Kpis.CashPayments), "2025Q4=50", 2025, 4, KpiStatus.Achieved)]
    [InlineData(nameof(Kpis.CyberAttackDamage), "2024Q1=0", 2024, 2, KpiStatus.NotReported)]
    [InlineData(nameof(Kpis.CardUptake), "", 2025, 4, KpiStatus.NotReported)]
    public void StatusAtAQuarterReadsEveryApprovedReportUpToIt(string kpi, string history, int fiscalYear, int quarter, KpiStatus expected) =>
        Assert.Equal(expected, KpiRules.StatusAsOf(Kpis.Named(kpi), new FiscalQuarter(fiscalYear, quarter), Reports(history), _plan));

    [Theory]
    [InlineData("2025Q1=180;2025Q2=188", 2025, 3, "2025Q2", 188.0)]
    [InlineData("2025Q1=180;2025Q2=188;2025Q4=200", 2025, 3, "2025Q2", 188.0)]
    [InlineData("2025Q4=200", 2025, 3, null, 0.0)]
    public void TheLatestFigureIsTheLastApprovedAtOrBeforeTheQuarter(string history, int fiscalYear, int quarter, string? expectedQuarter, double expectedValue)
    {
        var latest = KpiRules.LatestUpTo(Reports(history), new FiscalQuarter(fiscalYear, quarter));

        Assert.Equal(expectedQuarter, latest is { } l ? $"{l.Quarter.FiscalYear}Q{l.Quarter.Quarter}" : null);
        if (latest is { } found)
        {
            Assert.Equal((decimal)expectedValue, found.Report.Value);
        }
    }
}
