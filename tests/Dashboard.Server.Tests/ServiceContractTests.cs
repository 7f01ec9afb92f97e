using System.Security.Claims;
using Dashboard.Client.Features.Admin;
using Dashboard.Client.Features.Assessments;
using Dashboard.Client.Features.Dashboards;
using Dashboard.Client.Features.Entries;
using Dashboard.Client.Features.Exports;
using Dashboard.Client.Features.Notifications;
using Dashboard.Client.Features.Plans;
using Dashboard.Client.Features.Publishing;
using Dashboard.Client.Features.Review;
using Dashboard.Client.Features.Threads;
using Dashboard.Client.Features.Findings;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Publishing;
using Dashboard.Shared.Review;
using Dashboard.Shared.Threads;
using Dashboard.Shared.Findings;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>
/// The feature services' contract, one test body run against both implementations (decision 018): the server's
/// services over the database, as the interactive server pages call them, and the WebAssembly client's services over
/// the real API (the app on its own SQLite file, signed in through the real form). Both must give the same outcomes,
/// values and field errors, so the WebAssembly mode stays a working choice.
/// </summary>
public abstract class ServiceContractTests : EntryTestBase
{
    protected override bool Samples => true;

    /// <summary>The service <typeparamref name="T"/> acting for <paramref name="login"/>.</summary>
    protected abstract Task<T> AsAsync<T>(string login)
        where T : class;

    [Fact]
    public async Task EntriesSaveConflictRefuseAndReadTheSame()
    {
        var tanaka = await AsAsync<IEntryService>(DashboardFactory.Demo.StaffKikaku);
        var opened = await tanaka.GetEntryAsync("I01-K1", Year, Q);
        Assert.True(opened.Succeeded, opened.Message);

        var saved = await tanaka.SaveEntryAsync("I01-K1", Year, Q, Draft("201", opened.Value!.Version, done: "申請の受付を拡大"));
        Assert.Equal(OutcomeKind.Saved, saved.Kind);
        Assert.Equal((201m, "申請の受付を拡大"), (saved.Value!.Value, saved.Value.Done));

        // The version read before the save is stale now: the conflict carries what was stored.
        var stale = await tanaka.SaveEntryAsync("I01-K1", Year, Q, Draft("199", opened.Value.Version));
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(201m, stale.Value!.Value);
        Assert.False(string.IsNullOrEmpty(stale.Message));

        var invalid = await tanaka.SaveEntryAsync("I01-K1", Year, Q, Draft("たくさん", saved.Value.Version));
        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Contains("Value", invalid.Errors.Keys);

        var sato = await AsAsync<IEntryService>(DashboardFactory.Demo.StaffKaikei);
        var forbidden = await sato.SaveEntryAsync("I01-K1", Year, Q, Draft("1", saved.Value.Version));
        Assert.Equal(OutcomeKind.Forbidden, forbidden.Kind);
        Assert.Contains("担当課", forbidden.Message, StringComparison.Ordinal);

        var outside = await tanaka.GetEntryAsync("I01-K1", 2031, 1);
        Assert.Equal(OutcomeKind.NotFound, outside.Kind);

        var history = await tanaka.GetHistoryAsync("I01-K1");
        Assert.True(history.Succeeded);
        Assert.Contains(history.Value!, h => h.NewValue == "201");
        Assert.Contains((await tanaka.GetMyKpisAsync(Year, Q))!.Rows, r => r.Kpi.Code == "I01-K1");
    }

    [Fact]
    public async Task ReviewDecidesClosesAndRefusesTheSame()
    {
        var tanaka = await AsAsync<IEntryService>(DashboardFactory.Demo.StaffKikaku);
        var opened = (await tanaka.GetEntryAsync("I01-K1", Year, Q)).Value!;
        var submitted = await tanaka.SaveEntryAsync("I01-K1", Year, Q, Draft("196", opened.Version, done: "実施", check: "確認", act: "改善", submit: true));
        Assert.True(submitted.Succeeded, submitted.FirstMessage);

        var review = await AsAsync<IReviewService>(DashboardFactory.Demo.Planner);
        var waiting = await review.CloseQuarterAsync(Year, Q, new CloseQuarterRequest());
        Assert.Equal(OutcomeKind.Refused, waiting.Kind);
        Assert.Contains("I01-K1", waiting.Errors["Waiting"]);

        var item = (await review.GetReviewQueueAsync(Year, Q))!.Items.Single(i => i.KpiCode == "I01-K1");
        var returned = await review.DecideAsync("I01-K1", Year, Q, new ReviewDecisionRequest(false, "", item.Version));
        Assert.Equal(OutcomeKind.Invalid, returned.Kind);
        Assert.Contains("Comment", returned.Errors.Keys);

        var approved = await review.DecideAsync("I01-K1", Year, Q, new ReviewDecisionRequest(true, null, item.Version));
        Assert.Equal(OutcomeKind.Saved, approved.Kind);
        Assert.Equal(EntryState.Approved, approved.Value!.State);

        var window = await review.SetWindowAsync(Year, Q, new SetWindowRequest(new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 10)));
        Assert.Equal(OutcomeKind.Invalid, window.Kind);
        Assert.Contains((await review.GetBoardAsync(Year, Q))!.Departments, d => d.Code == "kikaku");

        var closed = await review.CloseQuarterAsync(Year, Q, new CloseQuarterRequest(true, "試験のため、未承認のまま締め切ります"));
        Assert.Equal(OutcomeKind.Saved, closed.Kind);
        Assert.Same(Done.Value, closed.Value);
        var again = await review.CloseQuarterAsync(Year, Q, new CloseQuarterRequest());
        Assert.Equal(OutcomeKind.Refused, again.Kind);
        Assert.Contains("締め切られています", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessmentsPublishingAndPlansAnswerTheSame()
    {
        var planner = await AsAsync<IAssessmentService>(DashboardFactory.Demo.Planner);
        var view = (await planner.GetAsync(1, Year))!;
        var saved = await planner.SaveAsync(1, Year, new SaveAssessmentRequest(null, null, "課題を記載", AssessmentDirection.Continue, null, view.Version));
        Assert.Equal(OutcomeKind.Saved, saved.Kind);
        Assert.Equal("課題を記載", saved.Value!.Issues);
        var stale = await planner.SaveAsync(1, Year, new SaveAssessmentRequest(null, null, "別の課題", null, null, view.Version));
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Null(await planner.GetAsync(99, Year));

        var staff = await AsAsync<IAssessmentService>(DashboardFactory.Demo.StaffKikaku);
        var forbidden = await staff.SaveAsync(1, Year, new SaveAssessmentRequest(null, null, "x", null, null, saved.Value.Version));
        Assert.Equal(OutcomeKind.Forbidden, forbidden.Kind);

        var publishing = await AsAsync<IPublishingService>(DashboardFactory.Demo.Planner);
        var notClosed = await publishing.PublishAsync(Year, Q);
        Assert.Equal(OutcomeKind.Refused, notClosed.Kind);
        Assert.Contains("締め切られていません", notClosed.Message, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.NotFound, (await publishing.PublishAsync(2031, 1)).Kind);
        Assert.NotNull(await publishing.GetAsync());

        var plans = await AsAsync<IPlanService>(DashboardFactory.Demo.Planner);
        Assert.Equal(28, (await plans.GetCurrentPlanAsync())!.Policies.SelectMany(p => p.Initiatives).Sum(i => i.Kpis.Count));
        var grading = await plans.SaveGradingAsync(GradeScale.Default with { A = 0.5m, B = 0.9m });
        Assert.Equal(OutcomeKind.Invalid, grading.Kind);
        Assert.Equal(OutcomeKind.Saved, (await plans.SaveGradingAsync(GradeScale.Default)).Kind);
        var revision = await plans.ReviseAsync(new PlanRevisionRequest(new DateOnly(2020, 1, 1), "延長", "理由", 2026));
        Assert.Equal(OutcomeKind.Invalid, revision.Kind);
        Assert.Contains("Date", revision.Errors.Keys);

        var import = await plans.ImportAsync(new ExportFile("plan.xlsx", "not a workbook"u8.ToArray()));
        Assert.Equal(OutcomeKind.Invalid, import.Kind);
        var error = Assert.Single(TemplateErrors.FromFieldErrors(import.Errors, "KPI表"));
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardsExportsAdminAndNoticesAnswerTheSame()
    {
        var committee = await AsAsync<IDashboardService>(DashboardFactory.Demo.Committee);
        var overview = (await committee.GetOverviewAsync(Year, Q))!;
        Assert.Equal(28, overview.Policies.SelectMany(p => p.Initiatives).Sum(i => i.Kpis.Count));
        Assert.Null(await committee.GetKpiDetailAsync("NO-SUCH", Year, Q));
        Assert.Equal("I01-K1", (await committee.GetKpiDetailAsync("I01-K1", Year, Q))!.Kpi.Code);

        var exports = await AsAsync<IExportService>(DashboardFactory.Demo.StaffKikaku);
        var template = (await exports.BuildTemplateAsync(Year, Q))!;
        Assert.EndsWith(".xlsx", template.FileName, StringComparison.Ordinal);
        Assert.Null(await exports.BuildTemplateAsync(2031, 1));
        var junk = new ExportFile("x.xlsx", "not a workbook"u8.ToArray());
        Assert.NotEmpty((await exports.PreviewTemplateAsync(junk)).Errors);
        var refused = await exports.ImportTemplateAsync(junk);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.NotEmpty(refused.Value!.Errors); // what was read comes back with the refusal
        Assert.NotEmpty(refused.Errors);
        var imported = await exports.ImportTemplateAsync(new ExportFile("template.xlsx", template.Content));
        Assert.Equal(OutcomeKind.Saved, imported.Kind); // as downloaded: nothing changes
        Assert.Empty(imported.Value!.Rows.SelectMany(r => r.Changes));

        var admin = await AsAsync<IAdminService>(DashboardFactory.Demo.Admin);
        Assert.Contains((await admin.GetOverviewAsync()).Departments, d => d.Code == "kikaku");
        var duplicate = await admin.CreateDepartmentAsync(new SaveDepartmentRequest("kikaku", "企画課"));
        Assert.Equal(OutcomeKind.Invalid, duplicate.Kind);
        Assert.Contains("Code", duplicate.Errors.Keys);
        Assert.Equal(OutcomeKind.NotFound, (await admin.UpdateDepartmentAsync("nosuch", new SaveDepartmentRequest("nosuch", "ない課"))).Kind);
        Assert.Equal(OutcomeKind.Saved, (await admin.CreateDepartmentAsync(new SaveDepartmentRequest("shinsetsu", "新設課"))).Kind);

        var notices = await AsAsync<INotificationService>(DashboardFactory.Demo.StaffKikaku);
        Assert.NotNull(await notices.GetMineAsync());
        Assert.Equal(OutcomeKind.Saved, (await notices.MarkReadAsync(null)).Kind);
    }

    [Fact]
    public async Task ThreadsMentionAnswerResolveAndStayWithThoseWhoMaySeeThem()
    {
        // FY2025 Q2 of I01-K1 is approved (sample figures): the committee may ask about it and mention 企画課.
        var suzuki = await AsAsync<IThreadService>(DashboardFactory.Demo.Committee);
        var started = await suzuki.StartKpiThreadAsync("I01-K1", 2025, 2, new PostCommentRequest("@企画課 前期から伸びた理由を教えてください。"));
        Assert.True(started.Succeeded, started.FirstMessage);
        Assert.False(started.Value!.IsInternal);

        var tanakaNotices = await AsAsync<INotificationService>(DashboardFactory.Demo.StaffKikaku);
        var notice = Assert.Single((await tanakaNotices.GetMineAsync()).Items, n => n.Kind == NotificationKind.Mention);
        Assert.Contains("I01-K1", notice.Subject, StringComparison.Ordinal);
        Assert.EndsWith($"#thread-{started.Value.Id}", notice.Link, StringComparison.Ordinal);

        var tanaka = await AsAsync<IThreadService>(DashboardFactory.Demo.StaffKikaku);
        var answered = await tanaka.ReplyAsync(started.Value.Id, new PostCommentRequest("窓口での案内を増やしました。"));
        Assert.True(answered.Succeeded, answered.FirstMessage);
        Assert.Equal(["鈴木 次郎（DX推進本部 委員）", "田中 一郎（企画課 担当者）"], answered.Value!.Comments.Select(c => c.AuthorName));
        var suzukiNotices = await AsAsync<INotificationService>(DashboardFactory.Demo.Committee);
        Assert.Contains((await suzukiNotices.GetMineAsync()).Items, n => n.Kind == NotificationKind.ThreadReply);

        // Only the author edits or deletes a comment; both leave the earlier text in the history.
        var mine = answered.Value.Comments[1];
        Assert.Equal(OutcomeKind.Forbidden, (await suzuki.EditCommentAsync(mine.Id, new PostCommentRequest("書き換え"))).Kind);
        var edited = await tanaka.EditCommentAsync(mine.Id, new PostCommentRequest("窓口とSNSでの案内を増やしました。"));
        Assert.Equal("窓口とSNSでの案内を増やしました。", edited.Value!.Comments[1].Body);
        Assert.Contains(edited.Value.History, h => h.What == ThreadEventKind.Edited && h.Earlier == "窓口での案内を増やしました。");

        var takahashi = await AsAsync<IThreadService>(DashboardFactory.Demo.Planner);
        var resolved = await takahashi.ResolveAsync(started.Value.Id, new ResolveThreadRequest(true));
        Assert.True(resolved.Succeeded, resolved.FirstMessage);
        Assert.Equal("高橋 美咲（企画・DX推進担当）", resolved.Value!.ResolvedBy);
        Assert.Equal(OutcomeKind.Refused, (await takahashi.ResolveAsync(started.Value.Id, new ResolveThreadRequest(true))).Kind);
        Assert.Contains(resolved.Value.History, h => h.What == ThreadEventKind.Resolved && h.ActorName.StartsWith("高橋", StringComparison.Ordinal));

        // A thread on a figure not yet approved (FY2025 Q4) stays with the department, the secretariat and the admin.
        var draft = await tanaka.StartKpiThreadAsync("I01-K1", Year, Q, new PostCommentRequest("@高橋美咲 この指標の数え方を確認させてください。"));
        Assert.True(draft.Succeeded, draft.FirstMessage);
        Assert.True(draft.Value!.IsInternal);
        var committeeView = await suzuki.GetKpiThreadsAsync("I01-K1", Year, Q);
        Assert.Empty(committeeView.Value!.Threads);
        Assert.False(committeeView.Value.MayWrite);
        Assert.Equal(OutcomeKind.NotFound, (await suzuki.ReplyAsync(draft.Value.Id, new PostCommentRequest("見せてください"))).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await suzuki.StartKpiThreadAsync("I01-K1", Year, Q, new PostCommentRequest("質問"))).Kind);
        var sato = await AsAsync<IThreadService>(DashboardFactory.Demo.StaffKaikei);
        Assert.Equal(OutcomeKind.Forbidden, (await sato.GetKpiThreadsAsync("I01-K1", 2025, 2)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await sato.ReplyAsync(started.Value.Id, new PostCommentRequest("横から失礼します"))).Kind);
        Assert.Single((await takahashi.GetKpiThreadsAsync("I01-K1", Year, Q)).Value!.Threads);

        // Bad input: nothing stored, a message that says what to change.
        var unknown = await tanaka.ReplyAsync(draft.Value.Id, new PostCommentRequest("@存在しない課 確認してください"));
        Assert.Equal(OutcomeKind.Invalid, unknown.Kind);
        Assert.Contains("@存在しない課", unknown.FirstMessage, StringComparison.Ordinal);
        var outsider = await tanaka.ReplyAsync(draft.Value.Id, new PostCommentRequest("@鈴木次郎 ご確認ください"));
        Assert.Equal(OutcomeKind.Invalid, outsider.Kind);
        Assert.Contains("見られない", outsider.FirstMessage, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Invalid, (await tanaka.ReplyAsync(draft.Value.Id, new PostCommentRequest(new string('あ', Mentions.MaxLength + 1)))).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await tanaka.ReplyAsync(draft.Value.Id, new PostCommentRequest("ベル\u0007"))).Kind);
        Assert.Single((await tanaka.GetKpiThreadsAsync("I01-K1", Year, Q)).Value!.Threads[0].Comments);

        // Initiatives have threads too, for everyone with a role in them.
        var initiative = await suzuki.StartInitiativeThreadAsync(1, new PostCommentRequest("施策全体の進め方について"));
        Assert.True(initiative.Succeeded, initiative.FirstMessage);
        Assert.Single((await tanaka.GetInitiativeThreadsAsync(1)).Value!.Threads);
    }

    [Fact]
    public async Task FindingsAreRecordedAnsweredAndConfirmedByThoseWhoMay()
    {
        var takahashi = await AsAsync<IFindingService>(DashboardFactory.Demo.Planner);
        var choices = (await takahashi.GetAsync()).Value!.Choices;
        Assert.Contains(choices.Departments, d => d.Code == "kikaku");
        Assert.Contains(choices.Initiatives, i => i.Number == 1 && i.Kpis.Any(k => k.Code == "I01-K1"));
        var recorded = await takahashi.RecordMeetingAsync(new RecordMeetingRequest(null, new DateOnly(2026, 1, 15), 2025, 3,
            [new NewFindingRequest(1, "I01-K1", "kikaku", new DateOnly(2026, 2, 1), "利用が伸びない理由を分析すること。")]));
        Assert.Equal(OutcomeKind.Saved, recorded.Kind);
        Assert.Equal("推進本部会議", recorded.Value!.Title);
        var id = recorded.Value.Findings.Single().Id;

        var invalid = await takahashi.RecordMeetingAsync(new RecordMeetingRequest(null, new DateOnly(2026, 1, 15), 2025, 3,
            [new NewFindingRequest(1, null, null, new DateOnly(2026, 1, 1), "x")]));
        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Equal(["Findings[0].DepartmentCode", "Findings[0].DueOn"], invalid.Errors.Keys.Order());

        var sato = await AsAsync<IFindingService>(DashboardFactory.Demo.StaffKaikei);
        Assert.Empty((await sato.GetAsync()).Value!.All);
        Assert.Equal(OutcomeKind.NotFound, (await sato.RespondAsync(id, new RespondFindingRequest(FindingState.InProgress, null))).Kind);
        var tanaka = await AsAsync<IFindingService>(DashboardFactory.Demo.StaffKikaku);
        Assert.True((await tanaka.GetAsync()).Value!.All.Single().MayRespond);
        Assert.Equal(FindingState.Addressed, (await tanaka.RespondAsync(id, new RespondFindingRequest(FindingState.Addressed, "分析した。"))).Value!.State);
        Assert.Equal(OutcomeKind.Forbidden, (await tanaka.ConfirmAsync(id)).Kind);
        var confirmed = await takahashi.ConfirmAsync(id);
        Assert.Equal((FindingState.Completed, "分析した。"), (confirmed.Value!.State, confirmed.Value.Response));
        Assert.Equal(OutcomeKind.Refused, (await takahashi.ConfirmAsync(id)).Kind);
    }

    [Fact]
    public async Task MeetingPacksAreScheduledForClosedQuartersOnlyAndCanBeCalledOff()
    {
        var takahashi = await AsAsync<IScheduledPackService>(DashboardFactory.Demo.Planner);
        var sendOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var open = await takahashi.ScheduleAsync(new SchedulePackRequest("第3回 DX推進本部会議", Year, Q, sendOn));
        Assert.Equal(OutcomeKind.Invalid, open.Kind);
        Assert.Contains("まだ締められていません", open.Errors["Quarter"][0], StringComparison.Ordinal);

        Assert.Equal(OutcomeKind.Saved, (await (await AsAsync<IReviewService>(DashboardFactory.Demo.Planner)).CloseQuarterAsync(Year, Q, new CloseQuarterRequest(true, "会議資料の試験"))).Kind);
        var scheduled = await takahashi.ScheduleAsync(new SchedulePackRequest("第3回 DX推進本部会議", Year, Q, sendOn));
        Assert.Equal((OutcomeKind.Saved, ScheduledPackState.Scheduled), (scheduled.Kind, scheduled.Value!.State));
        var all = (await takahashi.GetAllAsync()).Value!;
        Assert.Contains(all.ClosedQuarters, c => (c.FiscalYear, c.Quarter) == (Year, Q));
        Assert.Single(all.Packs);

        var suzuki = await AsAsync<IScheduledPackService>(DashboardFactory.Demo.Committee);
        Assert.Equal("第3回 DX推進本部会議", (await suzuki.GetAsync(scheduled.Value.Id)).Value!.Title);
        Assert.Equal(OutcomeKind.Forbidden, (await suzuki.ScheduleAsync(new SchedulePackRequest(null, Year, Q, sendOn))).Kind);
        Assert.Equal(ScheduledPackState.Cancelled, (await takahashi.CancelAsync(scheduled.Value.Id)).Value!.State);
        Assert.Equal(OutcomeKind.NotFound, (await suzuki.GetAsync(scheduled.Value.Id)).Kind);
    }
}

/// <summary>The server's services, in one DI scope per person, as an interactive server page calls them.</summary>
public sealed class ServerServiceContractTests : ServiceContractTests
{
    private readonly List<AsyncServiceScope> _scopes = [];

    protected override async Task<T> AsAsync<T>(string login)
    {
        ClaimsPrincipal principal;
        await using (var lookup = App.Services.CreateAsyncScope())
        {
            var user = await lookup.ServiceProvider.GetRequiredService<UserPrincipalFactory>().FindAsync(null, login)
                ?? throw new InvalidOperationException(login);
            principal = UserPrincipalFactory.Create(user, AppRoles.None);
        }

        var scope = App.Services.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(principal); // as the circuit's authentication state does
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public override async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>The WebAssembly client's services over the real API, signed in through the real form.</summary>
public sealed class ClientServiceContractTests : ServiceContractTests
{
    protected override async Task<T> AsAsync<T>(string login)
    {
        var http = await App.SignedInClientAsync(login);
        object service = typeof(T).Name switch
        {
            nameof(IEntryService) => new ClientEntryService(http),
            nameof(IReviewService) => new ClientReviewService(http),
            nameof(IAssessmentService) => new ClientAssessmentService(http),
            nameof(IPublishingService) => new ClientPublishingService(http),
            nameof(IPlanService) => new ClientPlanService(http),
            nameof(IDashboardService) => new ClientDashboardService(http),
            nameof(IExportService) => new ClientExportService(http, new NoFormToken()),
            nameof(IAdminService) => new ClientAdminService(http),
            nameof(INotificationService) => new ClientNotificationService(http),
            nameof(IThreadService) => new ClientThreadService(http),
            nameof(IFindingService) => new ClientFindingService(http),
            nameof(IScheduledPackService) => new ClientScheduledPackService(http),
            _ => throw new ArgumentOutOfRangeException(typeof(T).Name),
        };
        return (T)service;
    }

    /// <summary>No form token on the page: the signed-in client sends the antiforgery header on every request.</summary>
    private sealed class NoFormToken : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
