using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Tests;

/// <summary>
/// Statuses that carry across quarters, with the sample figures at 令和7年度 Q4: the milestones completed earlier
/// (I02-K2, I02-K3, I08-K1) read 完了 and the one past its due year (I09-K2) 期限超過, in every place that shows them.
/// </summary>
public sealed class CarriedStatusTests : AppTestBase
{
    protected override bool Samples => true;

    private static readonly Dictionary<string, KpiStatus> _expected = new()
    {
        ["I02-K2"] = KpiStatus.Completed,
        ["I02-K3"] = KpiStatus.Completed,
        ["I08-K1"] = KpiStatus.Completed,
        ["I09-K2"] = KpiStatus.Overdue,
    };

    [Fact]
    public async Task CompletedMilestonesStayCompletedAndOverdueOnesSaySoOnTheDashboards()
    {
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var overview = (await committee.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;
        var heatmap = (await committee.GetFromJsonAsync<HeatmapDto>("/api/dashboard/heatmap"))!;

        foreach (var (code, status) in _expected)
        {
            Assert.Equal((code, status), (code, overview.Rows.Single(r => r.Code == code).Status));
            var detail = (await committee.GetFromJsonAsync<KpiDetailDto>($"/api/dashboard/kpis/{code}?fy=2025&q=4"))!;
            Assert.Equal((code, status), (code, detail.Quarters[^1].Status));
            var cells = heatmap.Initiatives.SelectMany(i => i.Kpis).Single(k => k.Code == code).Cells;
            Assert.Equal((code, status), (code, cells[^1]));
        }
    }

    [Fact]
    public async Task AQuarterWithoutAReportShowsTheLastApprovedFigureAndTellsNotYetFromNever()
    {
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var overview = (await committee.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;

        var missing = overview.Rows.Where(r => r.Status == KpiStatus.NotReported).ToList();
        Assert.NotEmpty(missing);
        Assert.Contains(missing, r => r.Latest is not null);
        foreach (var row in missing.Where(r => r.Latest is not null))
        {
            Assert.True(row.Latest!.FiscalQuarter < new Dashboard.Shared.Fiscal.FiscalQuarter(2025, 4), row.Code);
        }

        Assert.Equal(missing.Count(r => r.Latest is null), DashboardRules.NeverReported(overview.Rows));
        Assert.True(DashboardRules.NeverReported(overview.Rows) < missing.Count, "some KPIs were reported before");
    }

    [Fact]
    public async Task ThePlanPageAndThePackReadTheSameStatuses()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Code);
        var pack = await planner.GetByteArrayAsync("/api/exports/pack?fy=2025&q=4");
        using var workbook = new XLWorkbook(new MemoryStream(pack));
        var summary = workbook.Worksheet(PackBuilder.KpiListSheet);

        foreach (var (code, status) in _expected)
        {
            Assert.Equal((code, status), (code, kpis[code].Latest!.Status));
            var row = summary.RowsUsed().Single(r => r.Cell(3).GetString() == code);
            Assert.Equal((code, status.Japanese()), (code, row.Cell(PackKpiList.StatusColumn).GetString()));
        }

        var cover = workbook.Worksheet(PackBuilder.CoverSheet);
        Assert.Contains(cover.CellsUsed(), c => c.GetString().Contains("うち実績なし", StringComparison.Ordinal));
        var online = summary.RowsUsed().Single(r => r.Cell(3).GetString() == "I01-K1");
        Assert.NotEqual("実績なし", online.Cell(17).GetString());
    }
}
