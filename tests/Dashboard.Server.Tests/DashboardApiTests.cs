using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Server.Data;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

public sealed partial class DashboardApiTests : AppTestBase
{
    protected override bool Samples => true;

    [Fact]
    public async Task OverviewListsTheWholePlanWithFiguresEqualToTheApprovedEntries()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var overview = await client.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=2");

        Assert.Equal((2025, 2), (overview!.FiscalYear, overview.Quarter));
        Assert.Equal([1, 2, 3], overview.Policies.Select(p => p.Number));
        Assert.Equal(Enumerable.Range(1, 11), overview.Policies.SelectMany(p => p.Initiatives).Select(i => i.Number));
        var rows = overview.Rows.ToList();
        Assert.Equal(28, rows.Count);

        var approved = await App.WithDbAsync(db => db.Entries.Where(e => e.State == EntryState.Approved && e.FiscalYear == 2025 && e.Quarter == 2)
            .Join(db.Kpis, e => e.KpiId, k => k.Id, (e, k) => new { k.Code, e.Value, e.MilestoneState }).ToListAsync());
        Assert.NotEmpty(approved);
        foreach (var entry in approved)
        {
            var row = rows.Single(r => r.Code == entry.Code);
            Assert.Equal((2025, 2, entry.Value, entry.MilestoneState), (row.Latest!.FiscalYear, row.Latest.Quarter, row.Latest.Value, row.Latest.Milestone));
            Assert.NotEqual(KpiStatus.NotReported, row.Status);
        }

        var online = rows.Single(r => r.Code == "I01-K1");
        Assert.Equal((180m, 200m), (online.Latest!.Value, online.YearTarget));
        Assert.Equal(Math.Round((180m - 61m) / (200m - 61m), 6), Math.Round(online.Achievement!.Value, 6));
        Assert.Equal(DashboardRules.TrendLength, online.Trend.Count);
        // Without a report this quarter: 未報告, except milestones, whose completion carries on and whose due year may have passed.
        KpiStatus[] carried = [KpiStatus.NotReported, KpiStatus.Completed, KpiStatus.Overdue];
        Assert.All(rows.Where(r => approved.All(a => a.Code != r.Code)), r => Assert.Contains(r.Status, r.Kind == KpiKind.Milestone ? carried : [KpiStatus.NotReported]));
    }

    [Fact]
    public async Task SwitchingTheQuarterChangesTheFigures()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var q2 = await client.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=2");
        var earlier = await client.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2023&q=4");

        var now = q2!.Rows.Single(r => r.Code == "I01-K1");
        var then = earlier!.Rows.Single(r => r.Code == "I01-K1");
        Assert.Equal((180m, 200m), (now.Latest!.Value, now.YearTarget));
        Assert.Equal((137m, 140m), (then.Latest!.Value, then.YearTarget));
        Assert.NotEqual(now.Expected, then.Expected);
    }

    [Theory]
    [InlineData("/api/dashboard/overview?fy=2019&q=1")]
    [InlineData("/api/dashboard/overview?fy=2025&q=5")]
    [InlineData("/api/dashboard/overview?fy=2022&q=1")]  // before the plan starts (FY2022 Q3)
    [InlineData("/api/dashboard/kpis/NOPE")]
    [InlineData("/api/dashboard/departments/nope")]
    public async Task UnknownQuartersKpisAndDepartmentsAre404WithAJapaneseMessage(string url)
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem!.Title!);
    }

    [Theory]
    [InlineData("/dashboard?fy=abc&q=%3Cscript%3E", "全体の状況")]
    [InlineData("/dashboard?fy=2019&q=1", "計画期間に含まれない")]
    [InlineData("/dashboard?fy=2025&q=2&dept=nope", "全体の状況")]
    [InlineData("/dashboard/kpis/NOPE", "指標「NOPE」は現行の計画にないか")]
    [InlineData("/dashboard/departments/nope", "課「nope」は指標を担当していないか")]
    [InlineData("/dashboard/kpis/I01-K1?fy=x&q=y", "オンライン化した行政手続の数")]
    [InlineData("/entries?fy=abc&q=1", "実績の入力")]
    [InlineData("/review?fy=abc", "提出の審査")]
    public async Task PagesGivenNonsenseSaySoInJapaneseInsteadOfFailing(string url, string text)
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiDetailHasEveryQuarterUpToTheChosenOneWithNotesTheTargetPathAndAForecast()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var detail = await client.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2025&q=2");

        Assert.Equal((1, 1), (detail!.PolicyNumber, detail.InitiativeNumber));
        Assert.Equal((2022, 3), (detail.Quarters[0].FiscalYear, detail.Quarters[0].Quarter));
        Assert.Equal((2025, 2), (detail.Quarters[^1].FiscalYear, detail.Quarters[^1].Quarter));
        Assert.Equal(12, detail.Quarters.Count);
        Assert.Equal(14, detail.ExpectedPath.Count);  // to the plan's end, FY2025 Q4
        Assert.Equal(200m, detail.ExpectedPath[^1].Value);
        Assert.Equal([75m, 96m, 108m], detail.Quarters.Take(3).Select(q => q.Figure!.Value!.Value));
        Assert.Null(detail.Forecast.Refusal);
        Assert.True(detail.Forecast.ProjectedValue > 180m);

        var withNotes = await client.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2025&q=3");
        var q3 = withNotes!.Quarters[^1];
        Assert.Equal(188m, q3.Figure!.Value);
        Assert.False(string.IsNullOrWhiteSpace(q3.Done));
        Assert.False(string.IsNullOrWhiteSpace(q3.Check));
    }

    [Fact]
    public async Task EntriesNotYetApprovedAreNotFiguresButShowAsPending()
    {
        await App.WithDbAsync(async db =>
        {
            var kpiId = await db.Kpis.Where(k => k.Code == "I01-K1").Select(k => k.Id).SingleAsync();
            var entry = await db.Entries.SingleAsync(e => e.KpiId == kpiId && e.FiscalYear == 2025 && e.Quarter == 2);
            entry.State = EntryState.Submitted;
            entry.Done = "未承認のメモ";
            return await db.SaveChangesAsync();
        });
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var overview = await client.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=2");
        var detail = await client.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2025&q=2");

        var row = overview!.Rows.Single(r => r.Code == "I01-K1");
        Assert.Equal((KpiStatus.NotReported, EntryState.Submitted), (row.Status, row.PendingState));
        Assert.Equal((2025, 1, 172m), (row.Latest!.FiscalYear, row.Latest.Quarter, row.Latest.Value));
        Assert.Null(detail!.Quarters[^1].Figure);
        Assert.Null(detail.Quarters[^1].Done);
        Assert.Equal(EntryState.Submitted, detail.Quarters[^1].PendingState);
    }

    [Fact]
    public async Task HeatmapHasElevenInitiativesByQuarterWithTheWorstStatusOfTheirKpis()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var heatmap = await client.GetFromJsonAsync<HeatmapDto>("/api/dashboard/heatmap");

        Assert.Equal(11, heatmap!.Initiatives.Count);
        Assert.Equal((2022, 3), (heatmap.Quarters[0].FiscalYear, heatmap.Quarters[0].Quarter));
        Assert.All(heatmap.Initiatives, i =>
        {
            Assert.Equal(heatmap.Quarters.Count, i.Cells.Count);
            Assert.All(i.Kpis, k => Assert.Equal(heatmap.Quarters.Count, k.Cells.Count));
            for (var c = 0; c < i.Cells.Count; c++)
            {
                Assert.Equal(DashboardRules.Worst(i.Kpis.Select(k => k.Cells[c])), i.Cells[c]);
            }
        });
        var online = heatmap.Initiatives[0].Kpis.Single(k => k.Code == "I01-K1");
        var overview = await client.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2024&q=2");
        var column = heatmap.Quarters.ToList().FindIndex(q => q.FiscalYear == 2024 && q.Quarter == 2);
        Assert.Equal(overview!.Rows.Single(r => r.Code == "I01-K1").Status, online.Cells[column]);
    }

    [Fact]
    public async Task DepartmentViewListsOnlyTheKpisTheDepartmentOwnsAndWhatIsDue()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var view = await client.GetFromJsonAsync<DepartmentViewDto>("/api/dashboard/departments/kaikei?fy=2025&q=2");
        var first = await client.GetFromJsonAsync<DepartmentViewDto>("/api/dashboard/departments?fy=2025&q=2");

        Assert.Equal("会計課", view!.Department.Name);
        Assert.NotEmpty(view.Kpis);
        Assert.All(view.Kpis, k => Assert.Contains(k.Row.Owners, o => o.Code == "kaikei"));
        var cash = view.Kpis.Single(k => k.Row.Kind == KpiKind.Reduction);
        Assert.Equal((2025, 50m), (cash.NextTargetFiscalYear, cash.NextTargetValue));
        Assert.Equal(first!.Departments[0], first.Department);  // no department named: the first that owns KPIs
    }

    [Fact]
    public async Task OverviewCostsTheSameNumberOfSqlQueriesWhateverTheNumberOfKpis()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        // Both requests compute the view (the copies are a new data version, so the second misses the view cache).
        var before = Queries(await client.GetAsync("/api/dashboard/overview"));

        await App.WithDbAsync(db => AddCopiesOfEveryKpiAsync(db, copies: 4));
        var kpis = await App.CountAsync<Kpi>();
        var response = await client.GetAsync("/api/dashboard/overview");
        var after = Queries(response);

        Assert.Equal(28 * 5, kpis);
        Assert.Equal(28 * 5, (await response.Content.ReadFromJsonAsync<OverviewDto>())!.Rows.Count());
        Assert.InRange(before, 3, 12);
        Assert.Equal(before, after);
    }

    private static int Queries(HttpResponseMessage response) => ServerTiming.Queries(response);

    private static async Task<int> AddCopiesOfEveryKpiAsync(DashboardDbContext db, int copies)
    {
        var kpis = await db.Kpis.Include(k => k.Targets).Include(k => k.Owners).ToListAsync();
        var entries = await db.Entries.AsNoTracking().ToListAsync();
        var clones = new List<(Kpi Original, Kpi Clone)>();
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var kpi in kpis)
            {
                var clone = new Kpi
                {
                    InitiativeId = kpi.InitiativeId, PlanId = kpi.PlanId, Code = $"{kpi.Code}-x{copy}", Name = kpi.Name, Kind = kpi.Kind,
                    Direction = kpi.Direction, Unit = kpi.Unit, BaselineValue = kpi.BaselineValue, BaselineDate = kpi.BaselineDate,
                    MilestoneDueFiscalYear = kpi.MilestoneDueFiscalYear, DisplayOrder = kpi.DisplayOrder + (copy * 100),
                    Targets = kpi.Targets.Select(t => new KpiTargetValue { FiscalYear = t.FiscalYear, Value = t.Value }).ToList(),
                    Owners = kpi.Owners.ToList(),
                };
                clones.Add((kpi, clone));
                db.Kpis.Add(clone);
            }
        }

        await db.SaveChangesAsync();
        foreach (var (kpi, clone) in clones)
        {
            foreach (var e in entries.Where(e => e.KpiId == kpi.Id))
            {
                    db.Entries.Add(new QuarterlyEntry
                    {
                        KpiId = clone.Id, FiscalYear = e.FiscalYear, Quarter = e.Quarter, Value = e.Value, MilestoneState = e.MilestoneState,
                        State = e.State, IsSample = e.IsSample, UpdatedBy = e.UpdatedBy, UpdatedUtc = e.UpdatedUtc, Version = Guid.NewGuid(),
                    });
            }
        }

        return await db.SaveChangesAsync();
    }
}
