using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Review;
using Microsoft.EntityFrameworkCore;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Tests;

/// <summary>The completion board, collection windows, reminders by hand, and the notices of a return and of "all in" (issue 12).</summary>
public sealed class CompletionBoardTests : EntryTestBase
{
    /// <summary>
    /// 2026-05-20 in Japan: FY2025 Q4 (the seed plan's last quarter) is due 2026-04-15 and still chased. On the real
    /// date the plan has ended and nothing is late (see <see cref="PlanQuartersTests"/>).
    /// </summary>
    protected override TimeProvider? Clock { get; } = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 20, 1, 0, 0, TimeSpan.Zero));

    protected override bool Samples => true;

    private static async Task<CompletionBoardDto> BoardAsync(HttpClient planner) =>
        (await planner.GetFromJsonAsync<CompletionBoardDto>($"/api/review/board?fy={Year}&q={Q}"))!;

    [Fact]
    public async Task TheBoardsCountsAgreeWithTheEntriesInTheDatabase()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("195", done: "実施", check: "順調", submit: true))).StatusCode);
        var draft = Assert.IsType<EntryDto>(await (await PutAsync(staff, "I06-K1", Draft("19", done: "途中"))).Content.ReadFromJsonAsync<EntryDto>());

        var board = await BoardAsync(planner);

        var truth = await App.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.IsCurrent);
            var kpis = await db.Kpis.Where(k => k.PlanId == plan.Id).Select(k => new { k.Id, k.Code, Owners = k.Owners.Select(o => o.Code).ToList() }).ToListAsync();
            var states = await db.Entries.Where(e => e.FiscalYear == Year && e.Quarter == Q).ToDictionaryAsync(e => e.KpiId, e => (EntryState?)e.State);
            return kpis.Select(k => (k.Code, k.Owners, State: states.GetValueOrDefault(k.Id))).ToList();
        });
        Assert.Equal(truth.Count, board.Totals.Total);
        Assert.Equal(truth.Count(t => t.State is null), board.Totals.Missing);
        Assert.Equal(truth.Count(t => t.State == EntryState.Draft), board.Totals.Draft);
        Assert.Equal(truth.Count(t => t.State == EntryState.Submitted), board.Totals.Submitted);
        Assert.Equal(truth.Count(t => t.State == EntryState.Approved), board.Totals.Approved);
        foreach (var department in board.Departments)
        {
            var owned = truth.Where(t => t.Owners.Contains(department.Code)).ToList();
            Assert.Equal(owned.Count, department.Counts.Total);
            Assert.Equal(owned.Count(t => t.State is null), department.Counts.Missing);
            Assert.Equal(owned.Count(t => t.State == EntryState.Submitted), department.Counts.Submitted);
        }

        Assert.All(board.Departments, d => Assert.Null(d.LastRemindedUtc)); // nobody reminded yet
        var kikaku = Assert.Single(board.Departments, d => d.Code == "kikaku");
        var submitted = Assert.Single(kikaku.Rows, r => r.KpiCode == "I01-K1");
        Assert.Equal((EntryState?)EntryState.Submitted, submitted.State);
        Assert.Equal("田中 一郎（企画課 担当者）", submitted.LastActivityBy);
        Assert.Equal((EntryState?)EntryState.Draft, Assert.Single(kikaku.Rows, r => r.KpiCode == "I06-K1").State);
        Assert.NotNull(draft);
    }

    [Fact]
    public async Task APlannerMovesTheWindowAndLatenessFollowsIt()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var before = await BoardAsync(planner);
        Assert.True(before.Window.IsDefault);
        Assert.Equal(new DateOnly(2026, 4, 1), before.Window.OpensOn);
        Assert.Equal(new DateOnly(2026, 4, 15), before.Window.DueOn);
        Assert.True(before.Totals.Late > 0, "today is after 2026-04-15, so missing reports are late");

        var farDue = new DateOnly(2026, 10, 31);
        var response = await planner.PutAsJsonAsync($"/api/quarters/{Year}/{Q}/window", new SetWindowRequest(new DateOnly(2026, 4, 1), farDue));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // more than 6 months after the quarter

        var due = new DateOnly(2026, 9, 30);
        response = await planner.PutAsJsonAsync($"/api/quarters/{Year}/{Q}/window", new SetWindowRequest(new DateOnly(2026, 4, 1), due));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await BoardAsync(planner);
        Assert.False(after.Window.IsDefault);
        Assert.Equal(due, after.Window.DueOn);

        // The staff's list and form show the same due date.
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var mine = (await staff.GetFromJsonAsync<MyKpisDto>($"/api/entries/mine?fy={Year}&q={Q}"))!;
        Assert.Equal(due, mine.Window!.DueOn);
        Assert.Equal(due, (await GetAsync(staff, "I01-K1")).Window!.DueOn);

        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "CollectionWindow").ToListAsync());
        Assert.Contains(audit, a => a.Field == "DueOn" && a.OldValue == "2026-04-15" && a.NewValue == "2026-09-30" && a.Actor == DashboardFactory.Demo.Planner);
    }

    [Theory]
    [InlineData(2025, 4, "2026-04-10", "2026-04-01", 400, "入力開始日より後")]
    [InlineData(2025, 4, "2025-12-31", "2026-04-15", 400, "初日")]
    [InlineData(2030, 1, "2030-07-01", "2030-07-15", 404, "計画期間")]
    [InlineData(2025, 4, null, "2026-04-15", 400, "入力開始日を入力")]
    public async Task ABadWindowIsRefusedWithAClearMessageAndChangesNothing(int year, int quarter, string? opens, string? due, int status, string message)
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var request = new SetWindowRequest(opens is null ? null : DateOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
            due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

        var response = await planner.PutAsJsonAsync($"/api/quarters/{year}/{quarter}/window", request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync<CollectionWindow>());
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "CollectionWindow")));
    }

    [Fact]
    public async Task StaffMayNotMoveTheWindowOrRemind()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/quarters/{Year}/{Q}/window", new SetWindowRequest(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kikaku"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/review/board")).StatusCode);
    }

    [Fact]
    public async Task RemindingADepartmentTellsItsStaffInTheAppAndADepartmentWithoutStaffIsRefused()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var response = await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kikaku"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<RemindResult>())!;
        Assert.Equal(1, result.Recipients);
        Assert.Contains("I01-K1", result.Missing);

        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var bell = (await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!;
        Assert.Equal(1, bell.Unread);
        var notice = Assert.Single(bell.Items);
        Assert.Equal(NotificationKind.Reminder, notice.Kind);
        Assert.Contains("I01-K1", notice.Body, StringComparison.Ordinal);
        Assert.NotNull((await BoardAsync(planner)).Departments.Single(d => d.Code == "kikaku").LastRemindedUtc);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync("/api/notifications/read", null)).StatusCode);
        Assert.Equal(0, (await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Unread);

        // Nobody else sees it.
        var other = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        Assert.Empty((await other.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Items);

        // A department with missing reports but no staff: refused with a message, and nothing is recorded.
        var unstaffed = (await BoardAsync(planner)).Departments.First(d => d.StaffCount == 0 && d.Counts.Missing + d.Counts.Draft + d.Counts.Returned > 0);
        var dispatches = await App.CountAsync<Dispatch>();
        var noStaff = await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest(unstaffed.Code));
        Assert.Equal(HttpStatusCode.Conflict, noStaff.StatusCode);
        Assert.Contains("担当者が登録されていない", await noStaff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ProblemTypes.Refused, (await noStaff.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["type"]!.GetValue<string>());
        Assert.Equal(dispatches, await App.CountAsync<Dispatch>());

        var unknown = await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("nosuch"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task AReturnTellsItsAuthorAndTheLastSubmissionTellsTheSecretariatOnce()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var submitted = (await (await PutAsync(staff, "I01-K1", Draft("195", done: "実施", check: "順調", submit: true))).Content.ReadFromJsonAsync<EntryDto>())!;

        var returned = await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(false, "根拠資料を添付してください", submitted.Version!.Value));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var notice = Assert.Single((await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Items);
        Assert.Equal(NotificationKind.Returned, notice.Kind);
        Assert.Contains("根拠資料を添付してください", notice.Body, StringComparison.Ordinal);
        Assert.Equal($"entries/I01-K1/{Year}/{Q}", notice.Link);

        // Everything else in too: submit every remaining KPI of the quarter through the database's owners.
        Assert.DoesNotContain((await planner.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Items, n => n.Kind == NotificationKind.AllIn);
        await App.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.IsCurrent);
            foreach (var kpi in await db.Kpis.Where(k => k.PlanId == plan.Id && k.Code != "I01-K1").ToListAsync())
            {
                var entry = await db.Entries.FirstOrDefaultAsync(e => e.KpiId == kpi.Id && e.FiscalYear == Year && e.Quarter == Q);
                if (entry is null)
                {
                    db.Entries.Add(new QuarterlyEntry { KpiId = kpi.Id, FiscalYear = Year, Quarter = Q, State = EntryState.Submitted, UpdatedBy = "test", Version = Guid.NewGuid() });
                }
                else if (entry.State is not (EntryState.Submitted or EntryState.Approved))
                {
                    entry.State = EntryState.Submitted;
                }
            }

            return await db.SaveChangesAsync();
        });
        var fixedEntry = await GetAsync(staff, "I01-K1");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("195", fixedEntry.Version, done: "実施", check: "資料添付", submit: true))).StatusCode);

        var allIn = Assert.Single((await planner.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Items, n => n.Kind == NotificationKind.AllIn);
        Assert.Contains("すべて", allIn.Subject, StringComparison.Ordinal);
        // The secretariat only: roles are stored as text, and a bitwise test in SQL once told every user.
        Assert.Equal([DashboardFactory.Demo.Planner], await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.AllIn).Select(n => n.Recipient).ToListAsync()));

        // A withdraw and a second submit do not tell the secretariat again.
        var again = await GetAsync(staff, "I01-K1");
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/entries/I01-K1/{Year}/{Q}/withdraw", new WithdrawRequest(again.Version!.Value))).StatusCode);
        again = await GetAsync(staff, "I01-K1");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("195", again.Version, done: "実施", check: "資料添付", submit: true))).StatusCode);
        Assert.Single((await planner.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Items, n => n.Kind == NotificationKind.AllIn);
    }

    [Fact]
    public async Task TheAdminPageSaysMailIsOffWhenNoServerIsConfigured()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var overview = (await admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!;
        Assert.False(overview.Mail!.Configured);
    }

    [Fact]
    public async Task TheOverviewAndThePackShowTheDueDateAndTheLateCountTheBoardHas()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var board = await BoardAsync(planner);

        var overview = (await planner.GetFromJsonAsync<Dashboard.Shared.Dashboards.OverviewDto>($"/api/dashboard/overview?fy={Year}&q={Q}"))!;
        Assert.Equal(new DateOnly(2026, 4, 15), overview.Window!.DueOn);
        Assert.Equal(board.Totals.Late, overview.LateCount);

        var bytes = await planner.GetByteArrayAsync($"/api/exports/pack?fy={Year}&q={Q}");
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        var cover = workbook.Worksheet(Dashboard.Server.Features.Exports.PackBuilder.CoverSheet);
        var lines = cover.RangeUsed()!.Rows().Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())).ToList();
        Assert.Contains(("提出期限", "2026年4月15日"), lines);
        Assert.Contains(lines, l => l.Item1 == "期限後の未提出" && l.Item2.StartsWith($"{board.Totals.Late}件", StringComparison.Ordinal));
    }
}
