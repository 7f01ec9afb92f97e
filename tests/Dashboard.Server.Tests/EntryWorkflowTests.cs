using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Tests;

public sealed class EntryWorkflowTests : EntryTestBase
{
    // People are named as the admin page names them (seed-data/demo-users.json), not by login id.
    private const string Tanaka = "田中 一郎（企画課 担当者）";
    private const string Takahashi = "高橋 美咲（企画・DX推進担当）";

    [Fact]
    public async Task StaffReportsPlannerApprovesAndTheFigureReachesThePlan()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var draft = await (await PutAsync(staff, "I01-K1", Draft("１９５", done: "8手続を追加"))).Content.ReadFromJsonAsync<EntryDto>();
        Assert.Equal((195m, EntryState.Draft), (draft!.Value, draft.State));
        var submitted = await PutAsync(staff, "I01-K1", Draft("196", draft.Version, "8手続を追加した。", "利用が少ない。", "周知する。", submit: true));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var queue = await planner.GetFromJsonAsync<ReviewQueueDto>($"/api/review?fy={Year}&q={Q}");
        var item = queue!.Items.Single(i => i.KpiCode == "I01-K1");
        Assert.Equal((EntryState.Submitted, "196手続", Tanaka, Tanaka), (item.State, item.Figure, item.UpdatedBy, item.SubmittedBy));
        var approved = await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(true, null, item.Version));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // After the decision the submitter is still the one who submitted, by name; the reviewer touched it last.
        var decided = (await planner.GetFromJsonAsync<ReviewQueueDto>($"/api/review?fy={Year}&q={Q}"))!.Items.Single(i => i.KpiCode == "I01-K1");
        Assert.Equal((EntryState.Approved, Tanaka, Takahashi), (decided.State, decided.SubmittedBy, decided.UpdatedBy));

        var plan = await planner.GetFromJsonAsync<PlanDto>("/api/plans/current");
        Assert.Equal(new LatestFigureDto(Year, Q, 196m, null, false, KpiStatus.OnTrack), plan!.Policies[0].Initiatives[0].Kpis[0].Latest);

        var history = (await planner.GetFromJsonAsync<List<EntryHistoryDto>>("/api/entries/I01-K1/history"))!;
        var steps = history.Where(h => h.Field == "State").Reverse().Select(h => (h.NewValue, h.Actor, h.Reason, h.Quarter)).ToList();
        Assert.Equal(
        [
            ("Draft", Tanaka, null, "令和7年度 第4四半期"),
            ("Submitted", Tanaka, "提出", "令和7年度 第4四半期"),
            ("Approved", Takahashi, "承認", "令和7年度 第4四半期"),
        ], steps);
        Assert.Contains(history, h => h.Field == "Value" && h.OldValue == "195" && h.NewValue == "196");
    }

    [Fact]
    public async Task DraftIsNotShownOnThePlanUntilApproved()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        await PutAsync(staff, "I01-K1", Draft("150"));

        var plan = await staff.GetFromJsonAsync<PlanDto>("/api/plans/current");

        Assert.Null(plan!.Policies[0].Initiatives[0].Kpis[0].Latest);
    }

    [Fact]
    public async Task ReturnedEntryCarriesTheCommentBackToTheDepartment()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var saved = await (await PutAsync(staff, "I02-K5", Draft("56", done: "窓口でキャッシュレスを案内", check: "目標に届かない", submit: true))).Content.ReadFromJsonAsync<EntryDto>();

        var missingComment = await planner.PostAsJsonAsync($"/api/review/I02-K5/{Year}/{Q}", new ReviewDecisionRequest(false, " ", saved!.Version!.Value));
        var returned = await planner.PostAsJsonAsync($"/api/review/I02-K5/{Year}/{Q}", new ReviewDecisionRequest(false, "件数の根拠資料を添付してください。", saved.Version!.Value));

        Assert.Equal(HttpStatusCode.BadRequest, missingComment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var mine = await staff.GetFromJsonAsync<MyKpisDto>($"/api/entries/mine?fy={Year}&q={Q}");
        var row = mine!.Rows.Single(r => r.Kpi.Code == "I02-K5");
        Assert.Equal((EntryState.Returned, "件数の根拠資料を添付してください。"), (row.State, row.ReviewComment));
    }

    [Fact]
    public async Task MyKpisListsOnlyMyDepartmentsWithExpectedValuesAndStates()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        var mine = await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine");

        // The plan ended in March 2026: the reporting quarter stays at its last quarter.
        Assert.Equal((2025, 4), (mine!.FiscalYear, mine.Quarter));
        Assert.Equal(["I02-K4", "I02-K5"], mine.Rows.Select(r => r.Kpi.Code));
        Assert.Equal(50m, mine.Rows.Single(r => r.Kpi.Code == "I02-K5").Expected);
        Assert.All(mine.Rows, r => Assert.Null(r.State));
        Assert.Equal(14, mine.Quarters.Count); // FY2022 Q3 .. FY2025 Q4
    }

    [Fact]
    public async Task ApprovedEntryIsLockedForStaff()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var saved = await (await PutAsync(staff, "I01-K1", Draft("200", done: "追加した", submit: true))).Content.ReadFromJsonAsync<EntryDto>();
        var approved = await (await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(true, null, saved!.Version!.Value))).Content.ReadFromJsonAsync<EntryDto>();

        var change = await PutAsync(staff, "I01-K1", Draft("999", approved!.Version));

        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Contains("承認済み", (await change.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(200m, (await GetAsync(staff, "I01-K1")).Value);
    }

    [Fact]
    public async Task ClosedQuarterRefusesWritesUntilAnAdminReopensItWithAReason()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/quarters/{Year}/{Q}/close", null)).StatusCode);

        var refused = await PutAsync(staff, "I01-K1", Draft("190"));
        var plannerReopen = await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/reopen", new ReopenQuarterRequest("訂正"));
        var noReason = await admin.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/reopen", new ReopenQuarterRequest(""));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("令和7年度 第4四半期は締め切られている", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await EntryCountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, plannerReopen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await staff.GetFromJsonAsync<MyKpisDto>($"/api/entries/mine?fy={Year}&q={Q}"))!.IsClosed);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/reopen", new ReopenQuarterRequest("会計課の件数訂正のため"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("190"))).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => Task.FromResult(db.AuditLog.Count(a => a.EntityType == "Quarter" && a.Reason == "再開: 会計課の件数訂正のため"))));
    }

    [Fact]
    public async Task StaleUpdateGets409WithTheStoredVersionAndNothingIsOverwritten()
    {
        var first = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var second = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var loaded = await (await PutAsync(first, "I01-K1", Draft("180", done: "当初"))).Content.ReadFromJsonAsync<EntryDto>();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(first, "I01-K1", Draft("185", loaded!.Version, "田中の更新"))).StatusCode);

        var stale = await PutAsync(second, "I01-K1", Draft("999", loaded.Version, "伊藤の更新"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<ConflictProblem>();
        Assert.Equal((185m, "田中の更新"), (problem!.Current!.Value, problem.Current.Done));
        Assert.Equal(185m, (await GetAsync(first, "I01-K1")).Value);
    }

    private sealed record ConflictProblem(string? Title, string? Detail, EntryDto? Current);
}
