using System.Net.Http.Json;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Notifications;
using Dashboard.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Dashboard.Shared.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Server.Tests;

/// <summary>
/// The reminder schedule on a clock the test moves, mailing a real SMTP server in the test process. FY2025 Q4's default
/// window is due 2026-04-15, so the points are 04-12 (3 days before), 04-16 and 04-22 (1 and 7 days after).
/// </summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly InProcessSmtpServer _smtp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _temp.Dispose();
    }

    private DashboardFactory Start(Dictionary<string, string?>? mail = null)
    {
        var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData) { Clock = _clock };
        foreach (var (key, value) in mail ?? _smtp.AppSettings)
        {
            app.Settings[key] = value;
        }

        app.Start();
        return app;
    }

    private static Task RoundAsync(DashboardFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<ReminderService>().Single().RoundAsync(CancellationToken.None);

    private static Task<List<Notification>> NoticesAsync(DashboardFactory app) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task EachPointReachesTheStaffOfMissingDepartmentsOnceByMailAndInTheAppAcrossARestart()
    {
        var first = Start();
        await RoundAsync(first);
        Assert.Empty(await NoticesAsync(first));

        // Three days before the due date: every staffed department with missing reports hears once.
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 12, 9, 0, 0, TimeSpan.Zero));
        await RoundAsync(first);
        await RoundAsync(first);
        var dueSoon = await NoticesAsync(first);
        Assert.NotEmpty(dueSoon);
        Assert.All(dueSoon, n => Assert.Equal(NotificationKind.DueSoon, n.Kind));
        var mails = await _smtp.WaitForAsync(dueSoon.Count);
        Assert.Equal(dueSoon.Count, mails.Count);
        Assert.Equal(dueSoon.Select(n => n.Recipient).Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var tanaka = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == DashboardFactory.Demo.StaffKikaku);
        Assert.Contains("実績報告のお願い", tanaka.Subject, StringComparison.Ordinal);
        Assert.Contains("あと3日", tanaka.TextBody, StringComparison.Ordinal);
        Assert.Contains("I01-K1", tanaka.TextBody, StringComparison.Ordinal);
        Assert.Contains("田中 一郎", tanaka.TextBody, StringComparison.Ordinal);

        // Nobody without a department of their own is reminded; departments without staff are skipped.
        Assert.DoesNotContain(dueSoon, n => n.Recipient is DashboardFactory.Demo.Planner or DashboardFactory.Demo.Committee or DashboardFactory.Demo.Admin);

        // A restart in the middle of the schedule, and the server is down over the day after the due date.
        await first.DisposeAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 17, 9, 0, 0, TimeSpan.Zero));
        await using var second = Start();
        await RoundAsync(second);
        await RoundAsync(second);

        var all = await NoticesAsync(second);
        Assert.Equal(dueSoon.Count * 2, all.Count);
        Assert.Equal(dueSoon.Count, all.Count(n => n.Kind == NotificationKind.Overdue));
        mails = await _smtp.WaitForAsync(all.Count);
        Assert.Equal(all.Count, mails.Count);
        var toTanaka = mails.Where(m => m.To.Mailboxes.Single().Address == DashboardFactory.Demo.StaffKikaku).ToList();
        Assert.Equal(2, toTanaka.Count);
        Assert.Single(toTanaka, m => m.TextBody!.Contains("2日過ぎています", StringComparison.Ordinal));

        // The background service itself runs on the moved clock: a minute later it sends nothing new.
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(1500);
        Assert.Equal(all.Count, (await NoticesAsync(second)).Count);
        Assert.Equal(all.Count, _smtp.Messages.Count);
        Assert.Equal(0, await second.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.SentUtc == null)));
    }

    [Fact]
    public async Task APersonNamedByALoginIdIsMailedAtTheirAddressAndOneWithoutAnAddressHearsInTheBellOnly()
    {
        // 会計課 has two more staff named as the directory names them: 山田 with a mail address kept, 木村 with none.
        await using var app = Start();
        await app.WithDbAsync(async db =>
        {
            var kaikei = await db.Departments.SingleAsync(d => d.Code == "kaikei");
            db.Users.Add(new AppUser { LoginName = "yamada", DisplayName = "山田 花子", Email = "hanako.yamada@city.example", Roles = AppRoles.SectionStaff, Departments = [kaikei] });
            db.Users.Add(new AppUser { LoginName = "kimura", DisplayName = "木村 一郎", Roles = AppRoles.SectionStaff, Departments = [kaikei] });
            return await db.SaveChangesAsync();
        });

        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 12, 9, 0, 0, TimeSpan.Zero));
        await RoundAsync(app);

        var notices = await NoticesAsync(app);
        Assert.Contains(notices, n => n.Recipient == "yamada");
        Assert.Contains(notices, n => n.Recipient == "kimura");
        var mails = await _smtp.WaitForAsync(notices.Count - 1);
        await Task.Delay(500);
        Assert.Equal(notices.Count - 1, _smtp.Messages.Count);
        var yamada = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "hanako.yamada@city.example");
        Assert.Contains("山田 花子", yamada.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.To.Mailboxes.Single().Address.StartsWith("kimura", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabaseSendEachNoticeAndMailOnce()
    {
        // Two instances behind a load balancer share the database and the clock; their rounds run at the same moment.
        await using var a = Start();
        await using var b = Start();
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 12, 9, 0, 0, TimeSpan.Zero));
        for (var round = 0; round < 5; round++)
        {
            using var together = new Barrier(2);
            await Task.WhenAll(new[] { a, b }.Select(app => Task.Run(async () =>
            {
                together.SignalAndWait();
                await RoundAsync(app);
            })));
        }

        var notices = await NoticesAsync(a);
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal(NotificationKind.DueSoon, n.Kind));
        Assert.All(notices.GroupBy(n => (n.Recipient, n.Body)), g => Assert.Single(g)); // each person, each department: once
        Assert.Equal(await b.WithDbAsync(db => db.Dispatches.CountAsync()), await a.WithDbAsync(db => db.Dispatches.CountAsync()));

        var mails = await _smtp.WaitForAsync(notices.Count);
        await Task.Delay(500); // a second copy, if any, would be on its way by now
        Assert.Equal(notices.Count, _smtp.Messages.Count);
        Assert.Equal(notices.Select(n => n.Recipient).Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(0, await a.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.SentUtc == null)));
    }

    [Fact]
    public async Task TheBackgroundServiceSendsWhenTheClockReachesAPoint()
    {
        await using var app = Start();
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 12, 0, 0, 0, TimeSpan.Zero));
        _clock.Advance(TimeSpan.FromMinutes(1));

        var mails = await _smtp.WaitForAsync(1);
        Assert.NotEmpty(mails);
        Assert.NotEmpty(await NoticesAsync(app));
    }

    [Fact]
    public async Task AMailServerThatDoesNotAnswerKeepsTheAppWorkingAndTheAdminPageSaysSo()
    {
        var down = new Dictionary<string, string?>(_smtp.AppSettings) { ["Notifications:Mail:Port"] = InProcessSmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var app = Start(down);
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 12, 9, 0, 0, TimeSpan.Zero));
        await RoundAsync(app);

        // In-app notices still arrive; the mails wait in the outbox with the reason. The app's own background round
        // may have claimed the mails first (moving the clock wakes it): wait until whichever round tried has failed.
        Assert.NotEmpty(await NoticesAsync(app));
        var outbox = await app.WithDbAsync(db => db.OutgoingMails.AsNoTracking().ToListAsync());
        for (var i = 0; i < 600 && (outbox.Count == 0 || outbox.Any(m => m.LastError is null)); i++)
        {
            await Task.Delay(50);
            outbox = await app.WithDbAsync(db => db.OutgoingMails.AsNoTracking().ToListAsync());
        }

        Assert.NotEmpty(outbox);
        Assert.All(outbox, m => Assert.Null(m.SentUtc));
        Assert.All(outbox, m => Assert.Contains("接続できません", m.LastError, StringComparison.Ordinal));
        Assert.Empty(_smtp.Messages);

        var health = app.Services.GetRequiredService<MailHealth>();
        Assert.Contains("接続できません", health.LastError, StringComparison.Ordinal);

        // The admin page says so, and the app keeps answering.
        var admin = await app.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var overview = (await admin.GetFromJsonAsync<Dashboard.Shared.Admin.AdminOverviewDto>("/api/admin"))!;
        Assert.True(overview.Mail!.Configured);
        Assert.Contains("接続できません", overview.Mail.LastError, StringComparison.Ordinal);
        Assert.Equal(outbox.Count, overview.Mail.Pending);
    }
}
