using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>評価区分 from the plan file's scheme, beside the status on the overview, the KPI detail and in the pack.</summary>
public sealed class GradeApiTests : AppTestBase
{
    protected override bool Samples => true;

    [Fact]
    public async Task ThePlanFilesGradingIsLoadedAndEveryViewGradesTheSame()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var grading = await App.WithDbAsync(db => db.Plans.Select(p => new { p.GradeScheme, p.GradeA, p.GradeB, p.GradeC }).SingleAsync());
        Assert.Equal((GradeScheme.AtoD, 1.00m, 0.80m, 0.60m), (grading.GradeScheme, grading.GradeA, grading.GradeB, grading.GradeC));

        var overview = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;
        using var pack = new XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync("/api/exports/pack?fy=2025&q=4")));
        var summary = pack.Worksheet(PackBuilder.KpiListSheet);

        Assert.Equal(KpiGrade.A, overview.Rows.Single(r => r.Code == "I02-K2").Grade); // completed milestone
        Assert.Equal(KpiGrade.D, overview.Rows.Single(r => r.Code == "I09-K2").Grade); // overdue milestone
        Assert.Contains(overview.Rows, r => r.Kind.IsNumeric() && r.Grade != KpiGrade.NotGradable);
        foreach (var row in overview.Rows)
        {
            Assert.Equal((row.Code, row.Grade.Japanese()), (row.Code, summary.RowsUsed().Single(r => r.Cell(3).GetString() == row.Code).Cell(18).GetString()));
        }

        var online = overview.Rows.Single(r => r.Code == "I01-K1");
        var detail = (await planner.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2025&q=4"))!;
        Assert.Equal(online.Grade, detail.Quarters[^1].Grade);
    }

    [Fact]
    public async Task ThePlansLastQuarterIsTheFinalEvaluationGradedAgainstTheFinalTargets()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var last = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;
        var before = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=3"))!;
        using var pack = new XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync("/api/exports/pack?fy=2025&q=4")));

        Assert.True(last.IsFinalEvaluation);
        Assert.False(before.IsFinalEvaluation);

        // I03-K1 (card uptake) has a target for FY2022 only: nothing to grade against in FY2025, except the final target.
        Assert.Equal(KpiGrade.NotGradable, before.Rows.Single(r => r.Code == "I03-K1").Grade);
        Assert.NotEqual(KpiGrade.NotGradable, last.Rows.Single(r => r.Code == "I03-K1").Grade);
        Assert.Equal("DX推進計画 最終評価資料", pack.Worksheet(PackBuilder.CoverSheet).Cell(1, 1).GetString());
    }

    [Fact]
    public async Task APlannerChangesTheGradingAuditedAndOthersCannot()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var sAtoC = new GradeScale(GradeScheme.SAtoC, BaselineBand: 0.05m);

        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PutAsJsonAsync("/api/plans/current/grading", sAtoC)).StatusCode);
        var bad = await planner.PutAsJsonAsync("/api/plans/current/grading", new GradeScale(GradeScheme.AtoD, 0.6m, 0.8m, 1.0m));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("0 < C ≦ B ≦ A", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await planner.PutAsJsonAsync("/api/plans/current/grading", sAtoC);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var plan = (await planner.GetFromJsonAsync<Dashboard.Shared.Plans.PlanDto>("/api/plans/current"))!;
        Assert.Equal(sAtoC, plan.Grading);
        var overview = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;
        Assert.Equal(KpiGrade.S, overview.Rows.Single(r => r.Code == "I02-K2").Grade); // a completed milestone is S in S/A/B/C/-
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "Plan").Select(a => new { a.Field, a.NewValue, a.Actor, a.Reason }).ToListAsync());
        Assert.Contains(audit, a => a.Field == "評価区分の方式" && a.NewValue == "SAtoC" && a.Actor == DashboardFactory.Demo.Planner && a.Reason == "評価区分の変更");
        Assert.Contains(audit, a => a.Field == "基準値の幅" && a.NewValue == "0.05");
    }
}
