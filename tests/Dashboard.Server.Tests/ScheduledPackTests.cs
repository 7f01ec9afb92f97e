using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Notifications;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Dashboard.Server.Tests;

/// <summary>
/// The pack before each meeting (issue 24 point 3) on a clock the test moves, mailing a real SMTP server in the test
/// process: scheduled for a closed quarter, built and sent on its day to every committee member with a link that
/// downloads it, once, across restarts; refused for a quarter not closed.
/// </summary>
public sealed class ScheduledPackTests : IAsyncLifetime
{
    private const string AppUrl = "https://dx.city.example.lg.jp";
    private readonly TempFolder _temp = new();
    private readonly InProcessSmtpServer _smtp = new();

    // 2026-05-08 in Japan: 令和7年度 第3四半期 is closed by the test, 第4四半期 is not.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 8, 0, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _temp.Dispose();
    }

    private DashboardFactory Start()
    {
        var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData, samples: true) { Clock = _clock };
        foreach (var (key, value) in _smtp.AppSettings)
        {
            app.Settings[key] = value;
        }

        app.Settings["Notifications:Mail:AppUrl"] = AppUrl;
        app.Start();
        return app;
    }

    private static Task RoundAsync(DashboardFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<ReminderService>().Single().RoundAsync(CancellationToken.None);

    private static async Task<ScheduledPackDto> ScheduleAsync(HttpClient planner, SchedulePackRequest request)
    {
        using var response = await planner.PostAsJsonAsync("/api/exports/scheduled", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ScheduledPackDto>())!;
    }

    [Fact]
    public async Task OnItsDayEachCommitteeMemberGetsOneMailWithAWorkingLinkOnceAcrossRestarts()
    {
        var first = Start();
        await first.WithDbAsync(async db =>
        {
            db.Users.Add(new AppUser { LoginName = "kimura@city.example.lg.jp", DisplayName = "木村 三郎（DX推進本部 委員）", Roles = AppRoles.Committee });
            await db.SaveChangesAsync();
            return 0;
        });
        using (var planner = await first.SignedInClientAsync(DashboardFactory.Demo.Planner))
        {
            using var close = await planner.PostAsJsonAsync("/api/quarters/2025/3/close", new CloseQuarterRequest(true, "会議資料の試験"));
            Assert.True(close.IsSuccessStatusCode, await close.Content.ReadAsStringAsync());
            var linked = await ScheduleAsync(planner, new SchedulePackRequest("第3回 DX推進本部会議", 2025, 3, new DateOnly(2026, 5, 12)));
            var attached = await ScheduleAsync(planner, new SchedulePackRequest("第3回 幹事会", 2025, 3, new DateOnly(2026, 5, 12), Attach: true));
            Assert.Equal((ScheduledPackState.Scheduled, false, true), (linked.State, linked.Attach, attached.Attach));
        }

        // Before the day nothing is built or sent; then the instance restarts.
        await RoundAsync(first);
        Assert.Empty(_smtp.Messages);
        Assert.Equal(0, await first.WithDbAsync(db => db.ScheduledPacks.CountAsync(p => p.BuiltUtc != null)));
        await first.DisposeAsync();

        // The day comes while another instance runs: one mail per committee member per pack, notices in the bell.
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 12, 0, 0, 0, TimeSpan.Zero));
        await using var second = Start();
        await RoundAsync(second);
        await RoundAsync(second);
        var mails = await _smtp.WaitForAsync(4);
        Assert.Equal(4, mails.Count);
        var packs = await second.WithDbAsync(db => db.ScheduledPacks.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        Assert.All(packs, p => Assert.Equal((ScheduledPackState.Sent, 2), (p.State, p.Recipients)));
        foreach (var member in new[] { DashboardFactory.Demo.Committee, "kimura@city.example.lg.jp" })
        {
            var theirs = mails.Where(m => m.To.Mailboxes.Single().Address == member).ToList();
            Assert.Equal(2, theirs.Count);
            var plain = Assert.Single(theirs, m => m.Subject!.Contains("第3回 DX推進本部会議", StringComparison.Ordinal));
            Assert.Empty(plain.Attachments); // a link, not an attachment, by default
            Assert.Contains($"{AppUrl}/packs/{packs[0].Id}", plain.TextBody, StringComparison.Ordinal);
            var withFile = Assert.Single(theirs, m => m.Subject!.Contains("第3回 幹事会", StringComparison.Ordinal));
            var part = Assert.IsType<MimePart>(Assert.Single(withFile.Attachments));
            Assert.Equal("DX推進計画_令和7年度第3四半期_PDCA資料.xlsx", part.FileName);
            using var attachedBook = new MemoryStream();
            await part.Content!.DecodeToAsync(attachedBook);
            attachedBook.Position = 0;
            using var book = new XLWorkbook(attachedBook);
            Assert.Contains(book.Worksheets, w => w.Name.StartsWith("施策01", StringComparison.Ordinal));
        }

        Assert.Equal(4, await second.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.MeetingPack)));

        // The link works for a committee member: the page opens and the workbook downloads, as it was built.
        using (var suzuki = await second.SignedInClientAsync(DashboardFactory.Demo.Committee))
        {
            using var page = await suzuki.GetAsync($"/packs/{packs[0].Id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("第3回 DX推進本部会議", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var file = await suzuki.GetAsync($"/api/exports/scheduled/{packs[0].Id}/file");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(packs[0].Content, await file.Content.ReadAsByteArrayAsync());
            using var workbook = new XLWorkbook(new MemoryStream(packs[0].Content!));
            Assert.Equal("令和7年度 第3四半期", workbook.Worksheet(1).Cell(5, 2).GetString());
        }

        // Section staff may not download it.
        using (var tanaka = await second.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await tanaka.GetAsync($"/api/exports/scheduled/{packs[0].Id}/file")).StatusCode);
        }

        // Another restart and more rounds send nothing again.
        await second.DisposeAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 13, 0, 0, 0, TimeSpan.Zero));
        await using var third = Start();
        await RoundAsync(third);
        await RoundAsync(third);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(4, _smtp.Messages.Count);
        Assert.Equal(2, await third.WithDbAsync(db => db.Dispatches.CountAsync(d => d.Key.StartsWith("scheduled-pack/"))));
    }

    [Fact]
    public async Task APackForAQuarterNotClosedOrADayGoneByIsRefusedAndNothingIsScheduled()
    {
        await using var app = Start();
        using var planner = await app.SignedInClientAsync(DashboardFactory.Demo.Planner);

        await ExpectInvalidAsync(planner, new SchedulePackRequest("第4回 DX推進本部会議", 2025, 4, new DateOnly(2026, 5, 20)), "Quarter", "まだ締められていません");
        await ExpectInvalidAsync(planner, new SchedulePackRequest(null, 2025, 3, new DateOnly(2026, 5, 1)), "SendOn", "過ぎています");
        await ExpectInvalidAsync(planner, new SchedulePackRequest("会議\u0007", 2025, 3, new DateOnly(2026, 5, 20)), "Title", "改行や制御文字");
        await ExpectInvalidAsync(planner, new SchedulePackRequest(null, 2040, 1, new DateOnly(2026, 5, 20)), "Quarter", "");
        using (var committee = await app.SignedInClientAsync(DashboardFactory.Demo.Committee))
        {
            using var refused = await committee.PostAsJsonAsync("/api/exports/scheduled", new SchedulePackRequest(null, 2025, 3, new DateOnly(2026, 5, 20)));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ScheduledPacks.CountAsync()));
    }

    [Fact]
    public async Task ACancelledPackIsNeverSent()
    {
        await using var app = Start();
        using var planner = await app.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using (var close = await planner.PostAsJsonAsync("/api/quarters/2025/3/close", new CloseQuarterRequest(true, "試験")))
        {
            Assert.True(close.IsSuccessStatusCode);
        }

        var pack = await ScheduleAsync(planner, new SchedulePackRequest(null, 2025, 3, new DateOnly(2026, 5, 8)));
        Assert.Equal("推進本部会議", pack.Title);
        using (var cancel = await planner.PostAsync($"/api/exports/scheduled/{pack.Id}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal(ScheduledPackState.Cancelled, (await cancel.Content.ReadFromJsonAsync<ScheduledPackDto>())!.State);
        }

        await RoundAsync(app);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(_smtp.Messages);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsync($"/api/exports/scheduled/{pack.Id}/cancel", null)).StatusCode);
    }

    private static async Task ExpectInvalidAsync(HttpClient planner, SchedulePackRequest request, string field, string words)
    {
        using var response = await planner.PostAsJsonAsync("/api/exports/scheduled", request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        Assert.Contains(words, string.Join(" ", problem.Errors[field]), StringComparison.Ordinal);
    }
}
