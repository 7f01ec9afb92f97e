using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>
/// Several plans, each with a life (issue 20), over a real SQLite file: 「次期計画を作成」 copies the real plan's
/// structure into a draft, the planner decides each KPI's disposition and sets targets, then starts it; quarters then
/// belong to the plan whose period covers them, the old plan is read-only, and a continued KPI reads across both.
/// </summary>
public sealed class PlanLifecycleTests : EntryTestBase
{
    private const string OldCode = "goshogawara-dx-2022";
    private const string NewCode = "goshogawara-dx-2026";

    protected override bool Samples => true;

    /// <summary>The planner removes the draft's initiatives that no KPI is left in (as the start's message asks).</summary>
    private static async Task RemoveEmptyInitiativesAsync(HttpClient planner)
    {
        var draft = (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{NewCode}"))!;
        foreach (var initiative in draft.Policies.SelectMany(p => p.Initiatives).Where(i => i.Kpis.Count == 0))
        {
            Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{NewCode}/initiatives/{initiative.Number}/remove", new KpiRemovalRequest(null, null))).StatusCode);
        }
    }

    /// <summary>The sample figures' milestones reached in the old plan (an approved 完了): suggested as 完了, not copied.</summary>
    private static readonly string[] _reached = ["I02-K2", "I02-K3", "I07-K2", "I08-K1"];

    private static SuccessorRequest Successor(int? first = null, int last = 2030, string code = NewCode) =>
        new(code, "第2期五所川原市DX推進計画", first, last);

    [Fact]
    public async Task TheSuccessorCopiesTheStructureOnlyAndStaysADraftUntilItStarts()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var oldKpis = await App.WithDbAsync(db => db.Kpis.CountAsync(k => k.Plan!.Code == OldCode));

        var created = await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor());

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var summary = (await created.Content.ReadFromJsonAsync<PlanSummaryDto>())!;
        Assert.Equal((PlanStatus.Draft, new DateOnly(2026, 4, 1), new DateOnly(2031, 3, 31), OldCode),
            (summary.Status, summary.PeriodStart, summary.PeriodEnd, summary.PredecessorCode));
        var draft = (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{NewCode}"))!;
        var kpis = draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToList();
        Assert.Equal(oldKpis - _reached.Length, kpis.Count);
        Assert.All(kpis, k => Assert.Empty(k.Targets)); // structure, not targets
        Assert.All(kpis, k => Assert.NotEmpty(k.Owners));
        Assert.Equal(oldKpis, draft.Successions!.Count);
        Assert.All(draft.Successions!, s => Assert.Equal(_reached.Contains(s.PredecessorCode) ? (KpiDisposition.Completed, null) : (KpiDisposition.Continued, s.PredecessorCode),
            (s.Disposition, s.SuccessorCode)));
        Assert.DoesNotContain(kpis, k => _reached.Contains(k.Code));
        Assert.Equal(0, await App.WithDbAsync(db => db.Entries.CountAsync(e => e.FiscalYear == 2026 || db.Kpis.Any(k => k.Id == e.KpiId && k.Plan!.Code == NewCode))));

        // A draft is the planner's: committee members neither see nor open it; quarters stay with started plans.
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"/api/plans/{NewCode}")).StatusCode);
        Assert.DoesNotContain((await committee.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.Plans!, p => p.Code == NewCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync("/api/dashboard/overview?fy=2026&q=1")).StatusCode);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(staff, "I01-K1", Draft("205"), 2026, 1)).StatusCode);
        Assert.Equal(OldCode, (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.Code);
        Assert.Equal(NewCode, (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.SuccessorCode);
    }

    [Fact]
    public async Task QuartersBelongToThePlanThatCoversThemOnBothSidesOfTheBoundaryAndTheOldPlanIsReadOnly()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var before = await App.WithDbAsync(db => db.Entries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Value, e.State, e.Version }).ToListAsync());
        await StartSuccessorAsync(planner);

        var current = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        Assert.Equal((NewCode, PlanStatus.Active, OldCode), (current.Code, current.Status, current.PredecessorCode));
        Assert.Equal("策定", current.Revisions.Single().Description);
        var old = (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{OldCode}"))!;
        Assert.Equal((PlanStatus.Ended, false, NewCode), (old.Status, old.IsCurrent, old.SuccessorCode));

        // Both sides of the boundary: 令和7年度 第4四半期 is the old plan's, 令和8年度 第1四半期 the new one's.
        var last = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;
        var first = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2026&q=1"))!;
        Assert.Equal("五所川原市デジタル・トランスフォーメーション（DX）推進計画", last.PlanName);
        Assert.Equal("第2期五所川原市DX推進計画", first.PlanName);
        Assert.Contains(2022, last.FiscalYears);
        Assert.Equal([2026, 2027, 2028, 2029, 2030], first.FiscalYears);
        Assert.True(last.IsFinalEvaluation); // the old plan's last quarter is its 最終評価
        var overview = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview"))!;
        Assert.Equal(((2026, 2), false), ((overview.FiscalYear, overview.Quarter), overview.PlanEnded)); // today's reporting quarter, in the new plan

        // The new plan takes figures; the old one is read-only, its entries as they were.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("205"), 2026, 1)).StatusCode);
        var refused = await PutAsync(staff, "I01-K1", Draft("190"), 2025, 4);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("この計画は終了しています", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.True((await GetAsync(staff, "I01-K1", 2025, 4)).IsClosed);
        var close = await planner.PostAsJsonAsync("/api/quarters/2025/4/close", new CloseQuarterRequest(true));
        Assert.Equal(HttpStatusCode.Conflict, close.StatusCode);
        var after = await App.WithDbAsync(db => db.Entries.AsNoTracking().Where(e => e.FiscalYear < 2026).OrderBy(e => e.Id).Select(e => new { e.Id, e.Value, e.State, e.Version }).ToListAsync());
        Assert.Equal(before.Where(e => after.Any(a => a.Id == e.Id)), after);
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task DispositionsShapeTheSuccessorAndAContinuedKpiReadsAcrossBothPlans()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor())).StatusCode);
        var codes = await App.WithDbAsync(db => db.Kpis.Where(k => k.Plan!.Code == OldCode).OrderBy(k => k.Id).Select(k => k.Code).ToListAsync());
        var (abolished, merged, into) = (codes[^1], codes[^2], codes[^3]);

        Assert.Equal(HttpStatusCode.OK, (await SetAsync(planner, abolished, KpiDisposition.Abolished)).StatusCode);
        var merge = await SetAsync(planner, merged, KpiDisposition.Merged, into);
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(into, (await merge.Content.ReadFromJsonAsync<SuccessionDto>())!.SuccessorCode);
        Assert.Equal(HttpStatusCode.OK, (await SetAsync(planner, "I01-K1", KpiDisposition.Expanded)).StatusCode);

        // The KPI merged into others cannot go while they point at it; 継続 brings a dropped KPI back.
        var blocked = await SetAsync(planner, into, KpiDisposition.Abolished);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("統合先", (await blocked.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SetAsync(planner, abolished, KpiDisposition.Continued)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetAsync(planner, abolished, KpiDisposition.Abolished)).StatusCode);

        var draft = (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{NewCode}"))!;
        var draftCodes = draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Select(k => k.Code).ToList();
        Assert.Equal(codes.Count - 2 - _reached.Length, draftCodes.Count);
        Assert.DoesNotContain(abolished, draftCodes);
        Assert.DoesNotContain(merged, draftCodes);
        Assert.Equal((KpiDisposition.Abolished, (string?)null), Pair(draft, abolished));
        Assert.Equal((KpiDisposition.Merged, (string?)into), Pair(draft, merged));
        Assert.Equal((KpiDisposition.Expanded, (string?)"I01-K1"), Pair(draft, "I01-K1"));

        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"/api/plans/{NewCode}/kpis/I01-K1/targets/2026", new DraftTargetRequest("２２０"))).StatusCode);

        // The abolished and merged KPIs left their initiative empty: the draft does not start until it goes.
        var hollow = await planner.PostAsync($"/api/plans/{NewCode}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, hollow.StatusCode);
        Assert.Contains("に指標がありません", (await hollow.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail, StringComparison.Ordinal);
        await RemoveEmptyInitiativesAsync(planner);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/plans/{NewCode}/start", null)).StatusCode);

        // A figure in the new plan, approved; the KPI page reads both plans as one series with the boundary marked.
        var put = await PutAsync(staff, "I01-K1", Draft("205", done: "子育て関係の手続を追加した。", submit: true), 2026, 1);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var saved = (await put.Content.ReadFromJsonAsync<EntryDto>())!;
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/review/I01-K1/2026/1", new ReviewDecisionRequest(true, null, saved.Version!.Value))).StatusCode);
        var detail = (await planner.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2026&q=1"))!;
        Assert.Equal(220m, detail.Kpi.Targets.Single().Value);
        Assert.Equal(205m, detail.Quarters.Single().Figure!.Value);
        var lineage = detail.Lineage!;
        Assert.Equal((OldCode, "I01-K1", KpiDisposition.Expanded), (lineage.Previous.Single().PlanCode, lineage.Previous.Single().KpiCode, lineage.Previous.Single().Disposition));
        Assert.Equal(new QuarterRef(2026, 1), lineage.Boundary);
        var oldApproved = await App.WithDbAsync(db => db.Entries.CountAsync(e => e.State == EntryState.Approved
            && db.Kpis.Any(k => k.Id == e.KpiId && k.Plan!.Code == OldCode && k.Code == "I01-K1")));
        Assert.True(oldApproved > 0);
        Assert.Equal(oldApproved, lineage.EarlierFigures.Count);
        Assert.All(lineage.EarlierFigures, f => Assert.True(f.FiscalYear < 2026));

        // The overview's small trend runs on from the old plan's figures too; the row's own figure and status are the new plan's.
        var overviewRow = (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview?fy=2026&q=1"))!.Rows.Single(r => r.Code == "I01-K1");
        Assert.Equal(lineage.EarlierFigures.TakeLast(7).Select(f => f.Value).Append(205m), overviewRow.Trend.Select(f => f.Value));
        Assert.Equal((205m, 2026, 1), (overviewRow.Latest!.Value, overviewRow.Latest.FiscalYear, overviewRow.Latest.Quarter));

        // Its forecast is fitted through both plans' figures, as the chart draws them, on the KPI page and in the pack
        // alike: the new plan's single figure alone would give none until its third quarter.
        Assert.Equal((null, oldApproved + 1), (detail.Forecast.Refusal, detail.Forecast.PointsUsed));
        using (var pack = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync("/api/exports/pack?fy=2026&q=1"))))
        {
            var row = pack.Worksheet(Dashboard.Server.Features.Exports.PackBuilder.KpiListSheet).RowsUsed().Single(r => r.Cell(3).GetString() == "I01-K1");
            Assert.Equal(Math.Round(detail.Forecast.ProjectedValue!.Value, 1), (decimal)row.Cell(13).GetDouble());
            Assert.DoesNotContain("点必要", row.Cell(14).GetString(), StringComparison.Ordinal);
        }

        // From the old plan's side: where each KPI went.
        var oldSide = (await planner.GetFromJsonAsync<KpiDetailDto>("/api/dashboard/kpis/I01-K1?fy=2025&q=4"))!;
        Assert.Equal((NewCode, "I01-K1"), (oldSide.Lineage!.Next.Single().PlanCode, oldSide.Lineage.Next.Single().KpiCode));
        var gone = (await planner.GetFromJsonAsync<KpiDetailDto>($"/api/dashboard/kpis/{abolished}?fy=2025&q=4"))!;
        Assert.Equal((KpiDisposition.Abolished, (string?)null), (gone.Lineage!.Next.Single().Disposition, gone.Lineage.Next.Single().KpiCode));
        var joined = (await planner.GetFromJsonAsync<KpiDetailDto>($"/api/dashboard/kpis/{into}?fy=2026&q=1"))!;
        Assert.Equal(new[] { into, merged }.Order(StringComparer.Ordinal), joined.Lineage!.Previous.Select(p => p.KpiCode!).Order(StringComparer.Ordinal));
        Assert.Empty(joined.Lineage.EarlierFigures); // two KPIs merged are not one series
    }

    [Fact]
    public async Task TheOpenDataKeepsTheOldPlansRowsAndCarriesThePreviousAndNextKpiIds()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        await App.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == OldCode);
            db.PublishedQuarters.Add(new PublishedQuarter { PlanId = plan.Id, FiscalYear = 2025, Quarter = 3, PublishedUtc = DateTime.UtcNow, PublishedBy = "test" });
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor())).StatusCode);
        var codes = await App.WithDbAsync(db => db.Kpis.Where(k => k.Plan!.Code == OldCode).OrderBy(k => k.Id).Select(k => k.Code).ToListAsync());
        Assert.Equal(HttpStatusCode.OK, (await SetAsync(planner, codes[^1], KpiDisposition.Abolished)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetAsync(planner, codes[^2], KpiDisposition.Merged, codes[^3])).StatusCode);
        await RemoveEmptyInitiativesAsync(planner);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/plans/{NewCode}/start", null)).StatusCode);

        // The public page shows the plan in force and links the ended one, whose published quarter stays readable.
        var anonymous = App.CreateClient();
        var page = await anonymous.GetStringAsync("/public");
        Assert.Contains("第2期五所川原市DX推進計画<span>の進捗</span>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/public?plan={OldCode}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-published=\"none\"", page, StringComparison.Ordinal);
        var old = await anonymous.GetStringAsync($"/public?plan={OldCode}");
        Assert.Contains("data-published=\"2025-3\"", old, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/public?plan={OldCode}\" aria-current=\"page\"", old, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public?plan=no-such-plan")).StatusCode);

        var csv = Encoding.UTF8.GetString(await App.CreateClient().GetByteArrayAsync("/public/data/kpi-progress.csv")).TrimStart('\uFEFF');
        Assert.EndsWith(",前計画KPI_ID,前計画からの引継区分,次計画KPI_ID,次計画での扱い", csv.Split("\r\n")[0], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/public/data/kpi-progress.json"));
        Assert.Equal(31, json.RootElement.GetProperty("columns").GetArrayLength());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(codes.Count, rows.Count); // the old plan's published quarter stays in the open data
        Assert.All(rows, r => Assert.Equal(OldCode, r.GetProperty("planCode").GetString()));
        var byId = rows.ToDictionary(r => r.GetProperty("kpiId").GetString()!, r => (r.GetProperty("nextKpiId").GetString(), r.GetProperty("nextDisposition").GetString()));
        Assert.Equal(("I01-K1", "継続"), byId["I01-K1"]);
        Assert.Equal((null, "廃止"), byId[codes[^1]]);
        Assert.Equal((codes[^3], "統合"), byId[codes[^2]]);
    }

    [Fact]
    public async Task BadInputIsRefusedWithAClearMessageAndNothingChanges()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var plans = await App.CountAsync<Plan>();

        // A successor that starts before its predecessor ends; a reused plan code; no last year; staff may not.
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor(first: 2025)), "FirstFiscalYear", "前の計画が終わる日");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor(code: OldCode)), "Code", "既に使われています");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", new SuccessorRequest("x-2026", "次期", null, null)), "LastFiscalYear", "最終年度");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor(code: "次期")), "Code", "英数字");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor())).StatusCode);
        Assert.Equal(plans, await App.CountAsync<Plan>());

        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor())).StatusCode);
        var second = await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor(code: "another-2026"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("既にあります", (await second.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);

        // A target for a year outside the draft's period; merging a KPI into itself.
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{NewCode}/kpis/I01-K1/targets/2031", new DraftTargetRequest("10")), "FiscalYear", "計画期間");
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{NewCode}/kpis/I01-K1/targets/2026", new DraftTargetRequest("abc")), "Value", "");
        await ExpectInvalidAsync(await SetAsync(planner, "I01-K1", KpiDisposition.Merged, "I01-K1"), "MergeInto", "統合先");

        // The old plan extended into the successor's first year: the successor may not start before it ends.
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/plans/current/revisions",
            new PlanRevisionRequest(new DateOnly(2026, 12, 1), "計画期間を令和8年度まで延長", "国の方針待ち", 2026))).StatusCode);
        var early = await planner.PostAsync($"/api/plans/{NewCode}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("まで続いています", (await early.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);

        // Another started plan over the same years: two active plans may not overlap.
        await App.WithDbAsync(async db =>
        {
            var old = await db.Plans.SingleAsync(p => p.Code == OldCode);
            old.PeriodEnd = new DateOnly(2026, 3, 31);
            db.Plans.Add(new Plan { Code = "other-2027", Name = "別の計画", PeriodStart = new DateOnly(2027, 4, 1), PeriodEnd = new DateOnly(2028, 3, 31), Status = PlanStatus.Active });
            await db.SaveChangesAsync();
            return 0;
        });
        var overlap = await planner.PostAsync($"/api/plans/{NewCode}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Contains("「別の計画」（2027/04/01〜2028/03/31）と重なっています", (await overlap.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        var states = await App.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => new { p.Code, p.Status, p.IsCurrent }).ToListAsync());
        Assert.Equal([$"{OldCode}:Active:True", $"{NewCode}:Draft:False", "other-2027:Active:False"], states.Select(p => $"{p.Code}:{p.Status}:{p.IsCurrent}"));
    }

    [Fact]
    public async Task TheQuarterBeforesNotesAreOfferedForQuotingAcrossTheFiscalYearAndThePlanBoundary()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        await App.WithDbAsync(async db =>
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "I01-K1" && k.Plan!.Code == OldCode);
            QuarterlyEntry At(int quarter) =>
                db.Entries.Local.FirstOrDefault(e => e.KpiId == kpi.Id && e.FiscalYear == 2025 && e.Quarter == quarter)
                ?? db.Entries.Add(new QuarterlyEntry { KpiId = kpi.Id, FiscalYear = 2025, Quarter = quarter, Value = 190, State = EntryState.Draft, Version = Guid.NewGuid(), UpdatedBy = "test" }).Entity;
            await db.Entries.Where(e => e.KpiId == kpi.Id && e.FiscalYear == 2025).LoadAsync();
            var q4 = At(4);
            (q4.Done, q4.Check, q4.Act) = ("第4四半期の実施", "第4四半期の評価", null);
            var q3 = At(3);
            (q3.Done, q3.Check, q3.Act) = ("第3四半期の実施", null, "第3四半期の改善");
            await db.SaveChangesAsync();
            return 0;
        });

        // Within a plan: the quarter before.
        Assert.Equal(new PreviousNotes(2025, 3, "第3四半期の実施", null, "第3四半期の改善"), (await GetAsync(staff, "I01-K1", 2025, 4)).Previous);

        // The new plan's first quarter quotes the KPI it carries on from the plan before; its second quarter quotes its first.
        await StartSuccessorAsync(planner);
        Assert.Equal(new PreviousNotes(2025, 4, "第4四半期の実施", "第4四半期の評価", null), (await GetAsync(staff, "I01-K1", 2026, 1)).Previous);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("190", done: "令和8年度の実施"), 2026, 1)).StatusCode);
        Assert.Equal(new PreviousNotes(2026, 1, "令和8年度の実施", null, null), (await GetAsync(staff, "I01-K1", 2026, 2)).Previous);

        // A quarter before that wrote nothing offers nothing.
        Assert.Null((await GetAsync(planner, "I02-K1", 2026, 2)).Previous);
    }

    [Fact]
    public async Task TheEntryFormShowsTheLatestApprovedFigureAcrossThePlanBoundary()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        async Task SetAsync(string plan, int fiscalYear, int quarter, decimal value, EntryState state) => await App.WithDbAsync(async db =>
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "I01-K1" && k.Plan!.Code == plan);
            var entry = await db.Entries.FirstOrDefaultAsync(e => e.KpiId == kpi.Id && e.FiscalYear == fiscalYear && e.Quarter == quarter)
                ?? db.Entries.Add(new QuarterlyEntry { KpiId = kpi.Id, FiscalYear = fiscalYear, Quarter = quarter, Version = Guid.NewGuid(), UpdatedBy = "test" }).Entity;
            (entry.Value, entry.State, entry.IsSample) = (value, state, false);
            await db.SaveChangesAsync();
            return 0;
        });

        // Within the plan: the latest approved quarter before, not a draft and not the quarter itself.
        await SetAsync(OldCode, 2025, 3, 188, EntryState.Approved);
        await SetAsync(OldCode, 2025, 4, 195, EntryState.Submitted);
        var q4 = await GetAsync(staff, "I01-K1", 2025, 4);
        Assert.Equal((2025, 3, 188m), (q4.LastApproved!.FiscalYear, q4.LastApproved.Quarter, q4.LastApproved.Value!.Value));

        // The new plan's first quarter reads the KPI it carries on from; then its own quarters once approved.
        await SetAsync(OldCode, 2025, 4, 195, EntryState.Approved);
        await StartSuccessorAsync(planner);
        var first = await GetAsync(staff, "I01-K1", 2026, 1);
        Assert.Equal((2025, 4, 195m, false), (first.LastApproved!.FiscalYear, first.LastApproved.Quarter, first.LastApproved.Value!.Value, first.LastApproved.IsSample));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("201"), 2026, 1)).StatusCode);
        Assert.Equal((2025, 4), ((await GetAsync(staff, "I01-K1", 2026, 2)).LastApproved!.FiscalYear, (await GetAsync(staff, "I01-K1", 2026, 2)).LastApproved!.Quarter));
        await SetAsync(NewCode, 2026, 1, 201, EntryState.Approved);
        var second = await GetAsync(staff, "I01-K1", 2026, 2);
        Assert.Equal((2026, 1, 201m), (second.LastApproved!.FiscalYear, second.LastApproved.Quarter, second.LastApproved.Value!.Value));
    }

    [Fact]
    public async Task TheDraftShowsWhereEachPreviousKpiStood()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        // The old plan's last target revised (見直し後), and an approved figure after the samples.
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync("/api/plans/current/kpis/I01-K1/targets/2025",
            new TargetRevisionRequest("205", new DateOnly(2025, 10, 1), "国の方針変更"))).StatusCode);
        await App.WithDbAsync(async db =>
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "I01-K1" && k.Plan!.Code == OldCode);
            await db.Entries.Where(e => e.KpiId == kpi.Id && e.FiscalYear == 2025 && e.Quarter == 4).ExecuteDeleteAsync();
            db.Entries.Add(new QuarterlyEntry { KpiId = kpi.Id, FiscalYear = 2025, Quarter = 4, Value = 199, State = EntryState.Approved, Version = Guid.NewGuid(), UpdatedBy = "test" });
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor())).StatusCode);

        var draft = (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{NewCode}"))!;
        var online = draft.Successions!.Single(x => x.PredecessorCode == "I01-K1");
        Assert.Equal(new Dashboard.Shared.Kpis.KpiTarget(2025, 205), online.LastTarget);
        Assert.Equal((2025, 4, 199m, false), (online.Latest!.FiscalYear, online.Latest.Quarter, online.Latest.Value!.Value, online.Latest.IsSample));
        Assert.Equal("手続", online.Unit);

        // The draft copied the old KPI's baseline: the DTO says so, so the draft can point it out to the planner.
        var old = await App.WithDbAsync(db => db.Kpis.AsNoTracking().SingleAsync(k => k.Code == "I01-K1" && k.Plan!.Code == OldCode));
        Assert.NotNull(old.BaselineValue);
        Assert.Equal((old.BaselineValue, old.BaselineDate), (online.BaselineValue, online.BaselineDate));
        var successor = draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == "I01-K1");
        Assert.True(online.BaselineKeptBy(successor));

        // A new baseline set for the new plan (the latest figure, at the old plan's end): no longer the old one.
        await App.WithDbAsync(async db => await db.Kpis.Where(k => k.Code == "I01-K1" && k.Plan!.Code == NewCode)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.BaselineValue, 199m).SetProperty(k => k.BaselineDate, new DateOnly(2026, 3, 31))));
        var moved = (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{NewCode}"))!;
        Assert.False(moved.Successions!.Single(x => x.PredecessorCode == "I01-K1")
            .BaselineKeptBy(moved.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == "I01-K1")));
    }

    private static async Task StartSuccessorAsync(HttpClient planner)
    {
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{OldCode}/successor", Successor())).StatusCode);
        var start = await planner.PostAsync($"/api/plans/{NewCode}/start", null);
        Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SetAsync(HttpClient planner, string kpi, KpiDisposition disposition, string? into = null) =>
        planner.PutAsJsonAsync($"/api/plans/{NewCode}/successions/{kpi}", new DispositionRequest(disposition, into));

    private static (KpiDisposition, string?) Pair(PlanDto plan, string code) =>
        plan.Successions!.Single(s => s.PredecessorCode == code) is var s ? (s.Disposition, s.SuccessorCode) : default;

    private static async Task ExpectInvalidAsync(HttpResponseMessage response, string field, string words)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        Assert.Contains(words, string.Join(" ", problem.Errors[field]), StringComparison.Ordinal);
    }
}
