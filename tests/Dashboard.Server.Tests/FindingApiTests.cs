using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Server.Features.Findings;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Server.Tests;

/// <summary>
/// The committee's findings tracked to closure (issue 24 point 2) over the API and a real SQLite file: recorded by the
/// planner, answered by each department, confirmed 完了, chased like late entries, and listed in the next pack.
/// </summary>
public sealed class FindingApiTests : AppTestBase
{
    // 2026-01-20 10:00 in Japan: the seed plan is in force, 令和7年度 第3四半期 was reviewed, 第4四半期 is under way.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 20, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => _clock;

    protected override bool Samples => true;

    private static RecordMeetingRequest Meeting(params NewFindingRequest[] findings) =>
        new("第3回 DX推進本部会議", new DateOnly(2026, 1, 15), 2025, 3, findings);

    private static readonly NewFindingRequest _toKikaku = new(1, "I01-K1", "kikaku", new DateOnly(2026, 1, 25), "オンライン手続の利用が伸びない理由を分析し、次回報告すること。");
    private static readonly NewFindingRequest _toKaikei = new(2, "I02-K4", "kaikei", new DateOnly(2026, 2, 28), "窓口のキャッシュレス決済の利用状況を月別に示すこと。");

    private static async Task<MeetingDto> RecordAsync(HttpClient planner, RecordMeetingRequest request)
    {
        using var response = await planner.PostAsJsonAsync("/api/findings/meetings", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MeetingDto>())!;
    }

    private static async Task<FindingDto> RespondAsync(HttpClient client, long id, FindingState state, string? text)
    {
        using var response = await client.PutAsJsonAsync($"/api/findings/{id}/response", new RespondFindingRequest(state, text));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FindingDto>())!;
    }

    [Fact]
    public async Task APlannersFindingsReachEachDepartmentWhoAnswerAndThePlannerConfirms()
    {
        using var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        using var sato = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        using var suzuki = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var meeting = await RecordAsync(planner, Meeting(_toKikaku, _toKaikei));
        Assert.Equal(2, meeting.Findings.Count);
        var (kikaku, kaikei) = (meeting.Findings.Single(f => f.DepartmentCode == "kikaku"), meeting.Findings.Single(f => f.DepartmentCode == "kaikei"));
        Assert.All(meeting.Findings, f => Assert.Equal(FindingState.NotStarted, f.State));

        // Each department's staff are told once, with a link to their finding; nobody else is.
        var notices = await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.Finding).ToListAsync());
        Assert.Equal($"findings#finding-{kikaku.Id}", Assert.Single(notices, n => n.Recipient == DashboardFactory.Demo.StaffKikaku).Link);
        Assert.Equal($"findings#finding-{kaikei.Id}", Assert.Single(notices, n => n.Recipient == DashboardFactory.Demo.StaffKaikei).Link);
        Assert.DoesNotContain(notices, n => n.Recipient is DashboardFactory.Demo.Committee or DashboardFactory.Demo.Planner);
        Assert.Contains("対応期限 1/25", Assert.Single(notices, n => n.Recipient == DashboardFactory.Demo.StaffKikaku).Subject, StringComparison.Ordinal);

        // Staff see their own department's findings only; the committee sees both; another department's finding is 404.
        Assert.Equal([kikaku.Id], (await tanaka.GetFromJsonAsync<FindingsDto>("/api/findings/"))!.All.Select(f => f.Id));
        Assert.Equal(2, (await suzuki.GetFromJsonAsync<FindingsDto>("/api/findings/"))!.All.Count());
        Assert.DoesNotContain((await suzuki.GetFromJsonAsync<FindingsDto>("/api/findings/"))!.All, f => f.MayRespond || f.MayConfirm);
        using (var outsider = await tanaka.PutAsJsonAsync($"/api/findings/{kaikei.Id}/response", new RespondFindingRequest(FindingState.InProgress, "代わりに")))
        {
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        }

        using (var committee = await suzuki.PutAsJsonAsync($"/api/findings/{kikaku.Id}/response", new RespondFindingRequest(FindingState.InProgress, null)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, committee.StatusCode);
        }

        // Each department answers; 対応済 tells the planner; the planner confirms 完了 (only once it is 対応済).
        var inProgress = await RespondAsync(sato, kaikei.Id, FindingState.InProgress, "10月分から集計を始めた。");
        Assert.Equal(("対応中", "佐藤 花子"), (inProgress.State.Japanese(), inProgress.RespondedBy?.Split('（')[0]));
        using (var early = await planner.PostAsync($"/api/findings/{kaikei.Id}/confirm", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("まだ「対応済」にしていません", (await early.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        }

        await RespondAsync(tanaka, kikaku.Id, FindingState.Addressed, "利用者アンケートで理由を分析し、第4四半期の報告に添付した。");
        Assert.Equal([DashboardFactory.Demo.Planner], await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.FindingAddressed).Select(n => n.Recipient).ToListAsync()));
        using (var confirm = await planner.PostAsync($"/api/findings/{kikaku.Id}/confirm", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var confirmed = (await confirm.Content.ReadFromJsonAsync<FindingDto>())!;
            Assert.Equal((FindingState.Completed, false), (confirmed.State, confirmed.MayRespond));
            Assert.NotNull(confirmed.ConfirmedUtc);
        }

        using (var afterwards = await tanaka.PutAsJsonAsync($"/api/findings/{kikaku.Id}/response", new RespondFindingRequest(FindingState.InProgress, "やはり")))
        {
            Assert.Equal(HttpStatusCode.Conflict, afterwards.StatusCode);
        }

        // Every change is in the audit trail, with who made it.
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "Finding").OrderBy(a => a.Id).Select(a => new { a.EntityKey, a.Field, a.NewValue, a.Actor }).ToListAsync());
        Assert.Contains(audit, a => a.EntityKey == $"meeting/{meeting.Id}" && a.Actor == DashboardFactory.Demo.Planner);
        Assert.Contains(audit, a => a.EntityKey == kikaku.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.NewValue == "Addressed" && a.Actor == DashboardFactory.Demo.StaffKikaku);
        Assert.Contains(audit, a => a.EntityKey == kikaku.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.NewValue == "Completed" && a.Actor == DashboardFactory.Demo.Planner);

        // The board counts the department's open finding; 企画課's is closed.
        var board = (await planner.GetFromJsonAsync<CompletionBoardDto>("/api/review/board?fy=2025&q=4"))!;
        Assert.Equal(1, board.Departments.Single(d => d.Code == "kaikei").OpenFindings);
        Assert.Equal(0, board.Departments.Single(d => d.Code == "kikaku").OpenFindings);
    }

    [Fact]
    public async Task TheNextPacksAssessmentSheetsListTheFindingsWithTheirState()
    {
        using var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var meeting = await RecordAsync(planner, Meeting(_toKikaku, _toKaikei));
        await RespondAsync(tanaka, meeting.Findings.Single(f => f.DepartmentCode == "kikaku").Id, FindingState.Addressed, "アンケートで分析した。");

        // The pack of the quarter the meeting reviewed does not list them; the next quarter's does.
        using var reviewed = await PackAsync(planner, 2025, 3);
        Assert.DoesNotContain(_toKikaku.Request!, Text(reviewed, Sheet(reviewed, 1)), StringComparison.Ordinal);

        using var next = await PackAsync(planner, 2025, 4);
        var first = Text(next, Sheet(next, 1));
        Assert.Contains("前回の指摘と対応", first, StringComparison.Ordinal);
        var row = Row(next, Sheet(next, 1), _toKikaku.Request!);
        Assert.Contains("第3回 DX推進本部会議 2026/1/15", row[0], StringComparison.Ordinal);
        Assert.Contains("企画課（DX推進担当）", row[3], StringComparison.Ordinal);
        Assert.Contains("2026/1/25まで", row[3], StringComparison.Ordinal);
        Assert.Equal("対応済", row[5]);
        Assert.Equal("アンケートで分析した。", row[6]);

        var kaikei = Row(next, Sheet(next, 2), _toKaikei.Request!);
        Assert.Equal(("未着手", "（記載なし）"), (kaikei[5], kaikei[6]));
        Assert.DoesNotContain(_toKaikei.Request!, first, StringComparison.Ordinal);
        Assert.Contains("前回の推進本部会議からの指摘はありません。", Text(next, Sheet(next, 3)), StringComparison.Ordinal);
    }

    private static string Sheet(XLWorkbook workbook, int initiative) =>
        workbook.Worksheets.Single(s => s.Name.StartsWith($"施策{initiative:00} ", StringComparison.Ordinal)).Name;

    [Fact]
    public async Task OpenFindingsAreRemindedOncePerPointLikeLateEntriesAndNotOnceAddressed()
    {
        using var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var meeting = await RecordAsync(planner, Meeting(_toKikaku, _toKaikei));
        var round = App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Dashboard.Server.Features.Notifications.ReminderService>().Single();
        Task<List<string>> RemindedAsync() => App.WithDbAsync(db => db.Dispatches.Where(d => d.Kind == NotificationKind.FindingReminder).OrderBy(d => d.Id).Select(d => d.Key).ToListAsync());
        var (kikaku, kaikei) = (meeting.Findings.Single(f => f.DepartmentCode == "kikaku").Id, meeting.Findings.Single(f => f.DepartmentCode == "kaikei").Id);

        await round.RoundAsync(CancellationToken.None);
        Assert.Empty(await RemindedAsync()); // 1/20: five days before 1/25

        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 22, 1, 0, 0, TimeSpan.Zero)); // three days before
        await round.RoundAsync(CancellationToken.None);
        await round.RoundAsync(CancellationToken.None);
        Assert.Equal([$"finding-reminder/{kikaku}/before3"], await RemindedAsync());
        var notice = await App.WithDbAsync(db => db.Notifications.SingleAsync(n => n.Kind == NotificationKind.FindingReminder));
        Assert.Equal((DashboardFactory.Demo.StaffKikaku, $"findings#finding-{kikaku}"), (notice.Recipient, notice.Link));
        Assert.Contains("近づいています", notice.Subject, StringComparison.Ordinal);

        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 26, 1, 0, 0, TimeSpan.Zero)); // a day late
        await round.RoundAsync(CancellationToken.None);
        Assert.Equal([$"finding-reminder/{kikaku}/before3", $"finding-reminder/{kikaku}/after1"], await RemindedAsync());
        Assert.Contains("過ぎています", (await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.FindingReminder).OrderBy(n => n.Id).ToListAsync()))[^1].Subject, StringComparison.Ordinal);

        // Reported done, it is chased no more (signed in again: days have passed on the app's clock).
        using var later = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        await RespondAsync(later, kikaku, FindingState.Addressed, "対応した。");
        _clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 1, 0, 0, TimeSpan.Zero)); // seven days late
        await round.RoundAsync(CancellationToken.None);
        Assert.DoesNotContain(await RemindedAsync(), k => k.EndsWith("/after7", StringComparison.Ordinal) && k.Contains($"/{kikaku}/", StringComparison.Ordinal));
        Assert.DoesNotContain(await RemindedAsync(), k => k.Contains($"/{kaikei}/", StringComparison.Ordinal)); // due 2/28: not yet
    }

    [Fact]
    public async Task BadInputIsRefusedWithTheReasonAndNothingIsStored()
    {
        using var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);

        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKikaku with { DepartmentCode = null })),
            "Findings[0].DepartmentCode", "担当課を選んでください");
        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKaikei, _toKikaku with { DueOn = new DateOnly(2026, 1, 14) })),
            "Findings[1].DueOn", "開催日（2026/01/15）より前です");
        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKikaku with { DepartmentCode = "nosuch" })),
            "Findings[0].DepartmentCode", "「nosuch」という課は登録されていません");
        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKikaku with { KpiCode = "I02-K4" })),
            "Findings[0].KpiCode", "取組施策 1 にありません");
        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKikaku with { Request = "理由を\u0007分析" })),
            "Findings[0].Request", "制御文字");
        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKikaku with { Request = new string('あ', FindingValidation.TextMaxLength + 1) })),
            "Findings[0].Request", "2000文字以内");
        await ExpectInvalidAsync(planner.PostAsJsonAsync("/api/findings/meetings", Meeting()), "Findings", "1件以上");
        using (var staff = await tanaka.PostAsJsonAsync("/api/findings/meetings", Meeting(_toKikaku)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        }

        Assert.Equal(0, await App.WithDbAsync(db => db.Meetings.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Findings.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Finding)));

        var finding = (await RecordAsync(planner, Meeting(_toKikaku))).Findings.Single();
        await ExpectInvalidAsync(tanaka.PutAsJsonAsync($"/api/findings/{finding.Id}/response", new RespondFindingRequest(FindingState.Addressed, " ")),
            "Response", "行った対応を入力してください");
        await ExpectInvalidAsync(tanaka.PutAsJsonAsync($"/api/findings/{finding.Id}/response", new RespondFindingRequest(FindingState.Completed, "完了")),
            "State", "「完了」は事務局が確認します");
        Assert.Equal((FindingState.NotStarted, null), await App.WithDbAsync(db => db.Findings.Select(f => new ValueTuple<FindingState, string?>(f.State, f.Response)).SingleAsync()));
    }

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> sending, string field, string words)
    {
        using var response = await sending;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        Assert.Contains(words, string.Join(" ", problem.Errors[field]), StringComparison.Ordinal);
    }

    private static async Task<XLWorkbook> PackAsync(HttpClient planner, int year, int quarter)
    {
        using var response = await planner.GetAsync($"/api/exports/pack?fy={year}&q={quarter}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static string Text(XLWorkbook workbook, string sheet) =>
        string.Join("\n", workbook.Worksheet(sheet).CellsUsed().Select(c => c.GetString()));

    /// <summary>The texts of the row whose first cell holds <paramref name="request"/>, by column (1-10 as 0-9).</summary>
    private static string[] Row(XLWorkbook workbook, string sheet, string request)
    {
        var cell = workbook.Worksheet(sheet).CellsUsed().Single(c => c.Address.ColumnNumber == 1 && c.GetString().Contains(request, StringComparison.Ordinal));
        return Enumerable.Range(1, 10).Select(c => cell.WorksheetRow().Cell(c).GetString()).ToArray();
    }
}
