using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>
/// A plan that outlives its period (issue 20, in part), over a real SQLite file: the planner extends it by a recorded
/// revision (改訂) so 令和8年度 can be entered, and revises a target from a date with a reason; the plan's own target
/// is never written over, and a past quarter keeps the target of its time.
/// </summary>
public sealed class PlanRevisionTests : EntryTestBase
{
    protected override bool Samples => true;

    private static PlanRevisionRequest Extension(int to = 2026) =>
        new(new DateOnly(2026, 12, 1), "計画期間を令和8年度まで延長", "国の次期計画の方針が固まるまで現行の計画で取り組むため", to);

    [Fact]
    public async Task ExtendingThePlanByARecordedRevisionOpensItsNewYearForEntry()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(staff, "I01-K1", Draft("205"), 2026, 1)).StatusCode);
        // Today (2026-12) 令和8年度 第2四半期 has ended outside the plan: the overview and the plan say so.
        Assert.True((await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview"))!.PlanEnded);
        Assert.True((await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.HasEnded);

        var response = await planner.PostAsJsonAsync("/api/plans/current/revisions", Extension());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revision = (await response.Content.ReadFromJsonAsync<PlanRevisionDto>())!;
        Assert.Equal((3, "計画期間を令和8年度まで延長"), (revision.Number, revision.Description)); // 策定 and one 改訂 came with the plan
        Assert.StartsWith("高橋 美咲", revision.RecordedBy, StringComparison.Ordinal);
        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        Assert.Equal(new DateOnly(2027, 3, 31), plan.PeriodEnd);
        Assert.Equal(2026, plan.FiscalYears[^1]);
        Assert.Equal(["策定", "改訂", "計画期間を令和8年度まで延長"], plan.Revisions.Select(r => r.Description));
        Assert.Equal("国の次期計画の方針が固まるまで現行の計画で取り組むため", plan.Revisions[^1].Reason);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("205"), 2026, 1)).StatusCode);
        Assert.False(plan.HasEnded);
        var overview = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview"))!;
        Assert.False(overview.PlanEnded);
        Assert.Equal((2026, 2), (overview.FiscalYear, overview.Quarter)); // the reporting quarter is inside the plan again
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "Plan").Select(a => a.Field + ":" + a.NewValue).ToListAsync());
        Assert.Contains("計画期間の終了:2027-03-31", audit);
        Assert.Contains(audit, a => a.StartsWith("改訂:第3版 2026-12-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARevisedTargetIsAddedBesideTheOriginalAndAPastQuarterKeepsTheTargetOfItsTime()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        // I01-K1 (online procedures): the plan says 200 by FY2025; the committee lowered it to 185 from 2025-10-01.
        var response = await planner.PutAsJsonAsync("/api/plans/current/kpis/I01-K1/targets/2025",
            new TargetRevisionRequest("185", new DateOnly(2025, 10, 1), "標準化対象の手続が国の方針で減ったため"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await App.WithDbAsync(db => db.KpiTargets.Where(t => t.FiscalYear == 2025 && db.Kpis.Any(k => k.Id == t.KpiId && k.Code == "I01-K1"))
            .OrderBy(t => t.Id).Select(t => new { t.Value, t.EffectiveFrom, t.Reason }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((200m, (DateOnly?)null), (rows[0].Value, rows[0].EffectiveFrom)); // the original, untouched
        Assert.Equal((185m, (DateOnly?)new DateOnly(2025, 10, 1)), (rows[1].Value, rows[1].EffectiveFrom));

        // Q2 ended before the revision: its target stays 200 and 180 is on track, not achieved. Q3 (188) meets 185.
        var q2 = Row(await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=2"), "I01-K1");
        var q3 = Row(await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=3"), "I01-K1");
        Assert.Equal((200m, KpiStatus.OnTrack, false), (q2.YearTarget, q2.Status, q2.TargetRevised));
        Assert.Equal((185m, KpiStatus.Achieved, true, 200m), (q3.YearTarget, q3.Status, q3.TargetRevised, q3.OriginalYearTarget));
        Assert.Equal("標準化対象の手続が国の方針で減ったため", q3.TargetRevisionReason);
        Assert.Equal(KpiGrade.A, q3.Grade);

        // The pack's 評価シート for initiative 1 lists 当初目標 → 見直し後目標 with the date and the reason.
        var pack = await planner.GetAsync("/api/exports/pack?fy=2025&q=3");
        Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await pack.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheets.Single(w => w.Cell(1, 1).GetString().StartsWith("評価シート　取組施策1 ", StringComparison.Ordinal));
            var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains("目標の見直し（令和7年度）", texts);
            Assert.Contains(texts, t => t.Contains("当初目標 200手続 → 見直し後目標 185手続（目標設定日 2025/10/01、見直し理由: 標準化対象の手続が国の方針で減ったため）", StringComparison.Ordinal));
        }

        var detail = (await planner.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2025&q=3"))!;
        Assert.Equal(KpiStatus.OnTrack, detail.Quarters.Single(q => (q.FiscalYear, q.Quarter) == (2025, 2)).Status);
        Assert.Equal(KpiStatus.Achieved, detail.Quarters.Single(q => (q.FiscalYear, q.Quarter) == (2025, 3)).Status);
        Assert.Contains(detail.Kpi.TargetHistory!, v => v is { FiscalYear: 2025, Value: 200m, IsOriginal: true });
        Assert.Contains(detail.Kpi.TargetHistory!, v => v is { FiscalYear: 2025, Value: 185m, Reason: "標準化対象の手続が国の方針で減ったため" } && v.RecordedBy!.StartsWith("高橋 美咲", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, object, string, string> BadInput => new()
    {
        { "revision dated before the plan", "/api/plans/current/revisions", new PlanRevisionRequest(new DateOnly(2020, 4, 1), "延長", "理由", 2026), "Date", "計画の開始日" },
        { "extension that does not extend", "/api/plans/current/revisions", new PlanRevisionRequest(new DateOnly(2026, 12, 1), "延長", "理由", 2025), "ExtendToFiscalYear", "今の最終年度" },
        { "revision without a reason", "/api/plans/current/revisions", new PlanRevisionRequest(new DateOnly(2026, 12, 1), "延長", " ", 2026), "Reason", "理由を入力" },
        { "target for a year outside the period", "/api/plans/current/kpis/I01-K1/targets/2026", new TargetRevisionRequest("210", new DateOnly(2026, 4, 1), "理由"), "FiscalYear", "計画期間" },
        { "target for a milestone", "/api/plans/current/kpis/I02-K4/targets/2025", new TargetRevisionRequest("1", new DateOnly(2025, 4, 1), "理由"), "Value", "数値の目標がありません" },
        { "target that is no number", "/api/plans/current/kpis/I01-K1/targets/2025", new TargetRevisionRequest("たくさん", new DateOnly(2025, 4, 1), "理由"), "Value", "数値として読めません" },
        { "target equal to the one in force", "/api/plans/current/kpis/I01-K1/targets/2025", new TargetRevisionRequest("２００", new DateOnly(2025, 4, 1), "理由"), "Value", "同じ値" },
        { "target effective before the plan", "/api/plans/current/kpis/I01-K1/targets/2025", new TargetRevisionRequest("190", new DateOnly(2022, 1, 1), "理由"), "EffectiveFrom", "計画の開始日" },
        { "target with a control character in its reason", "/api/plans/current/kpis/I01-K1/targets/2025", new TargetRevisionRequest("190", new DateOnly(2025, 4, 1), "理由\u0007"), "Reason", "制御文字" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedWithAMessageOnItsFieldAndNothingChanges(string _, string url, object body, string field, string message)
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var before = await CountsAsync();

        var response = url.EndsWith("/revisions", StringComparison.Ordinal)
            ? await planner.PostAsJsonAsync(url, (PlanRevisionRequest)body)
            : await planner.PutAsJsonAsync(url, (TargetRevisionRequest)body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Contains(message, string.Join(" ", problem.Errors[field]), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheCommitteeAndSectionStaffCannotReviseThePlan()
    {
        foreach (var login in new[] { DashboardFactory.Demo.Committee, DashboardFactory.Demo.StaffKikaku })
        {
            var client = await App.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/plans/current/revisions", Extension())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/plans/current/kpis/I01-K1/targets/2025",
                new TargetRevisionRequest("190", new DateOnly(2025, 4, 1), "理由"))).StatusCode);
        }
    }

    private static KpiRowDto Row(OverviewDto? overview, string code) => overview!.Rows.Single(r => r.Code == code);

    private Task<(int Revisions, int Targets, DateOnly End)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.Set<PlanRevision>().CountAsync(), await db.KpiTargets.CountAsync(), await db.Plans.Where(p => p.IsCurrent).Select(p => p.PeriodEnd).SingleAsync()));
}
