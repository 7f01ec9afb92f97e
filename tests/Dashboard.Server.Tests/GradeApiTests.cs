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
        using var pack = new XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync("/api/exports/pack?fiscalYear=2025&quarter=4")));
        var summary = pack.Worksheet(PackBuilder.SummarySheet);

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
        using var pack = new XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync("/api/exports/pack?fiscalYear=2025&quarter=4")));

        Assert.True(last.IsFinalEvaluation);
        Assert.False(before.IsFinalEvaluation);

        // I03-K1 (card uptake) has a target for FY2022 only: nothing to grade against in FY2025, except the final target.
        Assert.Equal(KpiGrade.NotGradable, before.Rows.Single(r => r.Code == "I03-K1").Grade);
        Assert.NotEqual(KpiGrade.NotGradable, last.Rows.Single(r => r.Code == "I03-K1").Grade);
        Assert.Equal("DX推進計画 最終評価資料", pack.Worksheet(PackBuilder.CoverSheet).Cell(1, 1).GetString());
    }
}
