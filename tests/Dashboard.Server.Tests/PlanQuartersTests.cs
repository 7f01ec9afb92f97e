using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Features.Notifications;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Server.Tests;

/// <summary>
/// The home of plans and quarters (issue 20, point 8): "today" is the Japan date whatever the server's zone, and an
/// ended plan's last quarter is no longer chased (no late marks, no days overdue, no scheduled reminders) while the same quarter
/// is chased before the plan has ended.
/// </summary>
public sealed class PlanQuartersTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 31, 14, 0, 0, TimeSpan.Zero));
    private DashboardFactory _app = default!;

    public Task InitializeAsync()
    {
        // A server set to Hawaii time: its local date lags Japan's by 19 hours.
        _clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("HST", TimeSpan.FromHours(-10), "HST", "HST"));
        _app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData, samples: true) { Clock = _clock };
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task TheReportingQuarterTurnsAtMidnightInJapanNotOnTheServersClock()
    {
        var committee = await _app.SignedInClientAsync(DashboardFactory.Demo.Committee);

        // 2025-12-31 23:30 in Japan (04:30 the same day in Hawaii): FY2025 Q2 is the last quarter ended.
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 31, 14, 30, 0, TimeSpan.Zero));
        var before = (await committee.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview"))!;
        Assert.Equal((2025, 2), (before.ReportingFiscalYear, before.ReportingQuarter));

        // An hour later it is 2026-01-01 in Japan (still 2025-12-31 in Hawaii): FY2025 Q3 has ended.
        _clock.SetUtcNow(new DateTimeOffset(2025, 12, 31, 15, 30, 0, TimeSpan.Zero));
        var after = (await committee.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview"))!;
        Assert.Equal((2025, 3), (after.ReportingFiscalYear, after.ReportingQuarter));
    }

    [Fact]
    public async Task AnEndedPlansLastQuarterIsNotChasedButWasWhileThePlanRan()
    {
        // 2026-05-20: FY2025 Q4 was due 2026-04-15 and is chased.
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 20, 1, 0, 0, TimeSpan.Zero));
        var planner = await _app.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await _app.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var chased = await ReadAsync(planner, staff);
        Assert.Equal(new DateOnly(2026, 5, 20), chased.Board.Today);
        Assert.True(chased.Board.Totals.Late > 0);
        Assert.True(chased.Overview.LateCount > 0);
        Assert.False(chased.Overview.PlanEnded);
        Assert.Equal(new DateOnly(2026, 5, 20), chased.Queue.Today);
        Assert.Equal(new DateOnly(2026, 5, 20), chased.Mine.Today);
        Assert.Contains(chased.Mine.Rows, chased.Mine.IsLate);
        Assert.Equal(new DateOnly(2026, 5, 20), chased.Entry.Today);

        // 2026-12-04: two quarters after the plan's end have ended; its last quarter is history.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero));
        planner = await _app.SignedInClientAsync(DashboardFactory.Demo.Planner);
        staff = await _app.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var ended = await ReadAsync(planner, staff);
        Assert.Equal((2025, 4), (ended.Board.FiscalYear, ended.Board.Quarter));
        Assert.Null(ended.Board.Today);
        Assert.Equal(0, ended.Board.Totals.Late);
        Assert.Equal(0, ended.Overview.LateCount);
        Assert.True(ended.Overview.PlanEnded);
        Assert.Null(ended.Queue.Today);
        Assert.Null(ended.Mine.Today);
        Assert.DoesNotContain(ended.Mine.Rows, ended.Mine.IsLate);
        Assert.Null(ended.Entry.Today);

        // The schedule sends nothing; a reminder by hand still goes (a person decided) but counts no days.
        await _app.Services.GetServices<IHostedService>().OfType<ReminderService>().Single().RoundAsync(CancellationToken.None);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Notifications.CountAsync()));
        var remind = await planner.PostAsJsonAsync("/api/quarters/2025/4/remind", new RemindRequest("kikaku"));
        Assert.Equal(HttpStatusCode.OK, remind.StatusCode);
        var body = await _app.WithDbAsync(db => db.Notifications.Select(n => n.Body).FirstAsync());
        Assert.Contains("提出期限（2026年4月15日）は過ぎています。", body, StringComparison.Ordinal);
        Assert.DoesNotContain("日過ぎています", body, StringComparison.Ordinal);
    }

    private static async Task<(CompletionBoardDto Board, OverviewDto Overview, ReviewQueueDto Queue, MyKpisDto Mine, EntryDto Entry)> ReadAsync(HttpClient planner, HttpClient staff) =>
        ((await planner.GetFromJsonAsync<CompletionBoardDto>("/api/review/board"))!,
            (await planner.GetFromJsonAsync<OverviewDto>("/api/dashboard/overview"))!,
            (await planner.GetFromJsonAsync<ReviewQueueDto>("/api/review/"))!,
            (await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine"))!,
            (await staff.GetFromJsonAsync<EntryDto>("/api/entries/I01-K1/2025/4"))!);
}
