using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Review;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>
/// The plan editor (issue 20) over a real SQLite file: a draft changes freely, the plan in force only through a
/// recorded revision; the seed files' validator decides; a reused code and removing a KPI with figures are refused
/// with a clear message and nothing changed; every change is audited.
/// </summary>
public sealed class PlanEditorTests : AppTestBase
{
    private const string Current = "goshogawara-dx-2022";

    protected override bool Samples => true;

    private static KpiEditRequest NewKpi(string code = "I01-K9", DateOnly? date = null, string? reason = null) =>
        new(code, 1, "AIチャットボットで解決した問い合わせの数", KpiKind.Cumulative, null, "件", "0", new DateOnly(2026, 4, 1), null, ["kikaku"], null, null,
            date, reason);

    [Fact]
    public async Task ThePlanInForceChangesOnlyThroughARecordedRevision()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var edit = await EditOf(planner, "I01-K1") with { Name = "オンライン化した行政手続の数（電子申請）" };

        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1", edit), "RevisionReason", "理由");
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1", edit with { RevisionDate = new DateOnly(2022, 1, 1), RevisionReason = "名称の統一" }),
            "RevisionDate", "開始日");
        Assert.Equal("オンライン化した行政手続の数", await NameAsync("I01-K1"));

        var saved = await planner.PutAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1", edit with { RevisionDate = new DateOnly(2026, 12, 5), RevisionReason = "国の手続名に合わせるため" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("オンライン化した行政手続の数（電子申請）", await NameAsync("I01-K1"));
        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        var version = plan.Revisions[^1];
        Assert.Equal(("指標 I01-K1 の名称を変更", "国の手続名に合わせるため", 3), (version.Description, version.Reason, version.Number));
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == $"{Current}/I01-K1" && a.Field == "名称").SingleAsync());
        Assert.Equal(("オンライン化した行政手続の数", "オンライン化した行政手続の数（電子申請）", "国の手続名に合わせるため"), (audit.OldValue, audit.NewValue, audit.Reason));
    }

    [Fact]
    public async Task TheSeedFilesRulesDecideAndBadInputChangesNothing()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var (date, reason) = (new DateOnly(2026, 12, 5), "追加の取組");
        var kpis = await App.CountAsync<Kpi>();
        var revisions = await App.CountAsync<PlanRevision>();

        // A reused KPI code; a numeric KPI without a unit; a milestone without its due year; a percentage target path;
        // an unknown department; staff may not edit the plan.
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis", NewKpi("I01-K1", date, reason)), "Code", "既に使われています");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis", NewKpi(date: date, reason: reason) with { Unit = "" }), "Unit", "入力してください");
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{Current}/kpis/I02-K2",
            await EditOf(planner, "I02-K2") with { MilestoneDueFiscalYear = null, RevisionDate = date, RevisionReason = reason }), "MilestoneDueFiscalYear", "入力してください");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis", NewKpi(date: date, reason: reason) with { Owners = ["mirai"] }), "Owners", "登録されていません");
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1",
            await EditOf(planner, "I01-K1") with { Kind = KpiKind.Percentage, RevisionDate = date, RevisionReason = reason }), "Kind", "実績がある指標の種類");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/plans/{Current}/kpis", NewKpi(date: date, reason: reason))).StatusCode);

        // Removing a KPI with figures: refused, retire it in the next plan instead.
        var removal = await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1/remove", new KpiRemovalRequest(date, reason));
        Assert.Equal(HttpStatusCode.Conflict, removal.StatusCode);
        Assert.Contains("実績がある指標", (await removal.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal((kpis, revisions), (await App.CountAsync<Kpi>(), await App.CountAsync<PlanRevision>()));

        // A new KPI without figures is added, then removed, each as a version of its own.
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis", NewKpi(date: date, reason: reason))).StatusCode);
        var added = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.Policies[0].Initiatives[0].Kpis;
        Assert.Equal("I01-K9", added[^1].Code);
        Assert.Equal(["kikaku"], added[^1].Owners.Select(o => o.Code));
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K9/remove", new KpiRemovalRequest(date, "重複のため"))).StatusCode);
        var descriptions = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.Revisions.Select(r => r.Description).ToList();
        Assert.Equal(["指標 I01-K9 を追加", "指標 I01-K9 を削除"], descriptions[^2..]);
        Assert.Equal(kpis, await App.CountAsync<Kpi>());
    }

    [Fact]
    public async Task ADraftChangesFreelyWithoutVersions()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{Current}/successor", new SuccessorRequest("dx-2026", "第2期", null, 2030))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/plans/dx-2026/kpis", NewKpi())).StatusCode);
        var rename = await planner.PutAsJsonAsync("/api/plans/dx-2026/kpis/I01-K9", NewKpi() with { Name = "AIで解決した問い合わせの数", BaselineValue = "１２０" });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(120m, (await rename.Content.ReadFromJsonAsync<KpiDto>())!.BaselineValue);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/plans/dx-2026/kpis/I01-K9/remove", new KpiRemovalRequest(null, null))).StatusCode);

        // A KPI carried over from the previous plan is not removed: its disposition says what becomes of it.
        var carried = await planner.PostAsJsonAsync("/api/plans/dx-2026/kpis/I01-K1/remove", new KpiRemovalRequest(null, null));
        Assert.Equal(HttpStatusCode.Conflict, carried.StatusCode);
        Assert.Contains("引継ぎ区分", (await carried.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Empty(await App.WithDbAsync(db => db.PlanRevisions.Where(r => r.PlanId == db.Plans.Single(p => p.Code == "dx-2026").Id).ToListAsync()));
    }

    [Fact]
    public async Task PoliciesAndInitiativesAreRenamedAsRecordedRevisions()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (date, reason) = (new DateOnly(2026, 12, 5), "国の計画の用語に合わせるため");

        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{Current}/initiatives/1", new HeadingEditRequest("", null, date, reason)), "Title", "入力してください");
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"/api/plans/{Current}/initiatives/1", new HeadingEditRequest("行政手続のデジタル化", null)), "RevisionReason", "理由");
        Assert.Equal(HttpStatusCode.NotFound, (await planner.PutAsJsonAsync($"/api/plans/{Current}/initiatives/99", new HeadingEditRequest("x", null, date, reason))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"/api/plans/{Current}/initiatives/1", new HeadingEditRequest("行政手続のデジタル化", null, date, reason))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"/api/plans/{Current}/policies/2", new HeadingEditRequest("デジタル化による業務の効率化", "行政の生産性の向上", date, reason))).StatusCode);

        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        Assert.Equal("行政手続のデジタル化", plan.Policies[0].Initiatives[0].Title);
        Assert.Equal(("デジタル化による業務の効率化", "行政の生産性の向上"), (plan.Policies[1].Title, plan.Policies[1].Subtitle));
        Assert.Equal(["取組施策1の名称を変更", "基本方針2の名称を変更"], plan.Revisions.Skip(2).Select(r => r.Description));
        Assert.Equal("行政手続のオンライン化", (await planner.GetFromJsonAsync<PlanDto>($"/api/plans/{Current}/editions/2"))!.Policies[0].Initiatives[0].Title);
    }

    [Fact]
    public async Task EachVersionReadsAsItWas()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        // The plan as loaded is its 第2版 (令和6年4月 改訂); 第1版 was recorded before versions were kept.
        var loaded = (await committee.GetFromJsonAsync<PlanDto>($"/api/plans/{Current}/editions/2"))!;
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"/api/plans/{Current}/editions/1")).StatusCode);
        Assert.Equal((new DateOnly(2026, 3, 31), 2), (loaded.PeriodEnd, loaded.Revisions.Count));

        // A name changed (第3版), a target revised from 2025-10-01 (not a version), the period extended (第4版).
        var edit = await EditOf(planner, "I01-K1") with { Name = "電子申請できる行政手続の数", RevisionDate = new DateOnly(2025, 6, 1), RevisionReason = "名称の統一" };
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"/api/plans/current/kpis/I01-K1/targets/2025",
            new TargetRevisionRequest("185", new DateOnly(2025, 10, 1), "国の方針で対象手続が減ったため"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/plans/current/revisions",
            new PlanRevisionRequest(new DateOnly(2026, 12, 1), "計画期間を令和8年度まで延長", "国の方針待ち", 2026))).StatusCode);

        var plan = (await committee.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        Assert.Equal([false, true, true, true], plan.Revisions.Select(r => r.Readable));
        var second = Kpi(await committee.GetFromJsonAsync<PlanDto>($"/api/plans/{Current}/editions/2"), "I01-K1");
        var third = Kpi(await committee.GetFromJsonAsync<PlanDto>($"/api/plans/{Current}/editions/3"), "I01-K1");
        var fourth = await committee.GetFromJsonAsync<PlanDto>($"/api/plans/{Current}/editions/4");
        Assert.Equal(("オンライン化した行政手続の数", 200m), (second.Name, second.Targets.Single(t => t.FiscalYear == 2025).Value));
        Assert.Equal(("電子申請できる行政手続の数", 200m), (third.Name, third.Targets.Single(t => t.FiscalYear == 2025).Value)); // before the revised target
        Assert.Equal((185m, new DateOnly(2027, 3, 31)), (Kpi(fourth, "I01-K1").Targets.Single(t => t.FiscalYear == 2025).Value, fourth!.PeriodEnd));
        Assert.Equal("計画期間を令和8年度まで延長", fourth.Revisions[^1].Description);
    }

    [Fact]
    public async Task AKpiWithFiguresIsRetiredNotDeletedAndLaterQuartersStopExpectingIt()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/plans/current/revisions",
            new PlanRevisionRequest(new DateOnly(2026, 4, 1), "計画期間を令和8年度まで延長", "国の方針待ち", 2026))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync("/api/entries/I01-K1/2026/2",
            new SaveEntryRequest("205", null, null, "電子申請を追加した", null, null, null, null, false))).StatusCode);

        // Deleting it is refused and says how to retire it; retiring needs the revision's date and reason, and a date
        // that does not strand the 令和8年度 第2四半期 figure already entered.
        var removal = await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1/remove", new KpiRemovalRequest(new DateOnly(2026, 12, 5), "統合のため"));
        Assert.Equal(HttpStatusCode.Conflict, removal.StatusCode);
        Assert.Contains("指標を廃止する", (await removal.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1/remove", new KpiRemovalRequest(new DateOnly(2026, 12, 5), null, Retire: true)),
            "RevisionReason", "理由");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1/remove", new KpiRemovalRequest(new DateOnly(2026, 8, 1), "統合のため", Retire: true)),
            "RevisionDate", "令和8年度 第2四半期の実績が入力されています");
        Assert.Null(await App.WithDbAsync(db => db.Kpis.Where(k => k.Code == "I01-K1" && k.Plan!.Code == Current).Select(k => k.RetiredOn).SingleAsync()));

        var retired = await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1/remove", new KpiRemovalRequest(new DateOnly(2026, 9, 30), "I01-K2に統合するため", Retire: true));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        Assert.Equal(new DateOnly(2026, 9, 30), Kpi(plan, "I01-K1").RetiredOn);
        Assert.Equal(("指標 I01-K1 を廃止", "I01-K2に統合するため"), (plan.Revisions[^1].Description, plan.Revisions[^1].Reason));
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K1/remove",
            new KpiRemovalRequest(new DateOnly(2026, 10, 1), "もう一度", Retire: true))).StatusCode);
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == $"{Current}/I01-K1" && a.Field == "指標の廃止").SingleAsync());
        Assert.Equal(("2026-09-30", "I01-K2に統合するため"), (audit.NewValue, audit.Reason));

        // The figures stay; 第2四半期 still expects it, 第3四半期 does not: not entered, listed, chased or counted.
        Assert.Equal(1, await App.WithDbAsync(db => db.Entries.CountAsync(e => e.FiscalYear == 2026 && db.Kpis.Any(k => k.Id == e.KpiId && k.Code == "I01-K1"))));
        var later = await staff.PutAsJsonAsync("/api/entries/I01-K1/2026/3", new SaveEntryRequest("210", null, null, null, null, null, null, null, false));
        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Contains("廃止されたため", (await later.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Contains((await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=2"))!.Rows, r => r.Kpi.Code == "I01-K1");
        Assert.DoesNotContain((await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=3"))!.Rows, r => r.Kpi.Code == "I01-K1");
        var board = (await planner.GetFromJsonAsync<CompletionBoardDto>("/api/review/board?fy=2026&q=3"))!;
        Assert.DoesNotContain(board.Departments.SelectMany(d => d.Rows), r => r.KpiCode == "I01-K1");
        var kpiCount = await App.WithDbAsync(db => db.Kpis.CountAsync(k => k.Plan!.Code == Current));
        Assert.Equal(kpiCount - 1, (await planner.GetFromJsonAsync<ReviewQueueDto>("/api/review?fy=2026&q=3"))!.KpiCount);
        Assert.Equal(kpiCount, (await planner.GetFromJsonAsync<ReviewQueueDto>("/api/review?fy=2026&q=2"))!.KpiCount);
        var overview = (await planner.GetFromJsonAsync<Dashboard.Shared.Dashboards.OverviewDto>("/api/dashboard/overview?fy=2026&q=3"))!;
        Assert.DoesNotContain(overview.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis), k => k.Code == "I01-K1");

        // The heatmap runs to the reporting quarter (第2四半期): a KPI retired on 2026-06-30 has no status from there.
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{Current}/kpis/I01-K2/remove",
            new KpiRemovalRequest(new DateOnly(2026, 6, 30), "国の指標に置き換えるため", Retire: true))).StatusCode);
        var heatmap = (await planner.GetFromJsonAsync<Dashboard.Shared.Dashboards.HeatmapDto>("/api/dashboard/heatmap"))!;
        Assert.Equal((2026, 2), (heatmap.Quarters[^1].FiscalYear, heatmap.Quarters[^1].Quarter));
        var rows = heatmap.Initiatives.SelectMany(i => i.Kpis).ToDictionary(k => k.Code);
        Assert.Equal((null, heatmap.Quarters.Count - 1), (rows["I01-K1"].RetiredFrom, rows["I01-K2"].RetiredFrom));

        // The successor does not carry it over: its disposition starts as 廃止.
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/plans/{Current}/successor", new SuccessorRequest("dx-2027", "第2期", null, 2030))).StatusCode);
        var draft = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/dx-2027"))!;
        Assert.DoesNotContain(draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis), k => k.Code == "I01-K1");
        Assert.Equal(KpiDisposition.Abolished, draft.Successions!.Single(s => s.PredecessorCode == "I01-K1").Disposition);
    }

    [Fact]
    public async Task InitiativesAndPoliciesAreAddedRegroupedAndRemovedAsRecordedRevisions()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (date, reason) = (new DateOnly(2026, 12, 5), "国の計画に合わせて施策を組み直すため");
        var url = $"/api/plans/{Current}";

        // Bad input, nothing changed: no reason for the plan in force, no title, a policy or initiative that is not there.
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"{url}/policies/1/initiatives", new HeadingAddRequest(null, "生成AIの活用", null)), "RevisionReason", "理由");
        await ExpectInvalidAsync(await planner.PostAsJsonAsync($"{url}/policies/1/initiatives", new HeadingAddRequest(null, " ", null, date, reason)), "Title", "入力してください");
        Assert.Equal(HttpStatusCode.NotFound, (await planner.PostAsJsonAsync($"{url}/policies/9/initiatives", new HeadingAddRequest(null, "x", null, date, reason))).StatusCode);
        Assert.Equal(11, (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!.Policies.SelectMany(p => p.Initiatives).Count());

        // A new initiative takes the next number; a KPI moves into it with its figures; the initiative moves to policy 2.
        var added = await planner.PostAsJsonAsync($"{url}/policies/1/initiatives", new HeadingAddRequest(null, "生成AIの活用", "業務での生成AI利用", date, reason));
        Assert.Equal("取組施策12", await added.Content.ReadFromJsonAsync<string>());
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"{url}/kpis/I01-K1", await EditOf(planner, "I01-K1") with { InitiativeNumber = 99, RevisionDate = date, RevisionReason = reason }),
            "InitiativeNumber", "ありません");
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"{url}/kpis/I01-K1",
            await EditOf(planner, "I01-K1") with { InitiativeNumber = 12, RevisionDate = date, RevisionReason = reason })).StatusCode);
        await ExpectInvalidAsync(await planner.PutAsJsonAsync($"{url}/initiatives/12", new HeadingEditRequest("生成AIの活用", null, date, reason, MoveToPolicy: 9)), "MoveToPolicy", "ありません");
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"{url}/initiatives/12", new HeadingEditRequest("生成AIの活用", "業務での生成AI利用", date, reason, MoveToPolicy: 2))).StatusCode);

        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        var moved = plan.Policies.Single(p => p.Number == 2).Initiatives.Single(i => i.Number == 12);
        Assert.Equal("生成AIの活用", moved.Title);
        Assert.Equal(["I01-K1"], moved.Kpis.Select(k => k.Code));
        Assert.DoesNotContain(plan.Policies[0].Initiatives[0].Kpis, k => k.Code == "I01-K1");
        Assert.Equal(["取組施策12を基本方針1に追加", "指標 I01-K1 を取組施策12に移動", "取組施策12を基本方針2に移動"], plan.Revisions.Skip(2).Select(r => r.Description));
        var figures = await App.WithDbAsync(db => db.Entries.CountAsync(e => db.Kpis.Any(k => k.Id == e.KpiId && k.Code == "I01-K1" && k.Plan!.Code == Current)));
        Assert.True(figures > 0, "the moved KPI keeps its figures");
        var edition = (await planner.GetFromJsonAsync<PlanDto>($"{url}/editions/4"))!;
        Assert.Contains(edition.Policies[0].Initiatives.Single(i => i.Number == 12).Kpis, k => k.Code == "I01-K1"); // as 第4版 left it

        // Only an empty heading is removed.
        var full = await planner.PostAsJsonAsync($"{url}/initiatives/12/remove", new KpiRemovalRequest(date, reason));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("指標が1件あります", (await full.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"{url}/kpis/I01-K1",
            await EditOf(planner, "I01-K1") with { InitiativeNumber = 1, RevisionDate = date, RevisionReason = reason })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"{url}/initiatives/12/remove", new KpiRemovalRequest(date, reason))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsJsonAsync($"{url}/policies/1/remove", new KpiRemovalRequest(date, reason))).StatusCode);
        Assert.Equal("基本方針4", await (await planner.PostAsJsonAsync($"{url}/policies", new HeadingAddRequest(null, "デジタル人材の育成", null, date, reason))).Content.ReadFromJsonAsync<string>());
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"{url}/policies/4/remove", new KpiRemovalRequest(date, reason))).StatusCode);
        plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        Assert.Equal((3, 11), (plan.Policies.Count, plan.Policies.SelectMany(p => p.Initiatives).Count()));
        Assert.Contains(plan.Policies[0].Initiatives[0].Kpis, k => k.Code == "I01-K1");
        var audited = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == $"{Current}/施策12" && a.Field == "基本方針").SingleAsync());
        Assert.Equal(("基本方針1", "基本方針2", reason), (audited.OldValue, audited.NewValue, audited.Reason));

        // A draft may hold an empty initiative while it is drafted, but does not start with one.
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"{url}/successor", new SuccessorRequest("dx-2027", "第2期", null, 2030))).StatusCode);
        Assert.Equal("取組施策12", await (await planner.PostAsJsonAsync("/api/plans/dx-2027/policies/3/initiatives", new HeadingAddRequest(null, "データ連携", null))).Content.ReadFromJsonAsync<string>());
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync("/api/plans/dx-2027/kpis/I01-K1/targets/2027", new DraftTargetRequest("230"))).StatusCode);
        var start = await planner.PostAsync("/api/plans/dx-2027/start", null);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Contains("取組施策12に指標がありません", (await start.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
    }

    private static KpiDto Kpi(PlanDto? plan, string code) => plan!.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == code);

    private async Task<string> NameAsync(string code) =>
        await App.WithDbAsync(db => db.Kpis.Where(k => k.Code == code && k.Plan!.Code == Current).Select(k => k.Name).SingleAsync());

    /// <summary>The KPI's definition as the editor starts from it.</summary>
    private static async Task<KpiEditRequest> EditOf(HttpClient client, string code)
    {
        var plan = (await client.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        var k = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(x => x.Code == code);
        return new KpiEditRequest(null, null, k.Name, k.Kind, k.Direction, k.Unit, k.BaselineValue?.ToString(System.Globalization.CultureInfo.InvariantCulture), k.BaselineDate,
            k.MilestoneDueFiscalYear, k.Owners.Select(o => o.Code).ToList(), k.Source, k.Note);
    }

    private static async Task ExpectInvalidAsync(HttpResponseMessage response, string field, string words)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), field + " not in " + string.Join(", ", problem.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
        Assert.Contains(words, string.Join(" ", problem.Errors[field]), StringComparison.Ordinal);
    }
}
