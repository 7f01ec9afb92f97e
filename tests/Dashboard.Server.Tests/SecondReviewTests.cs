using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Server.Features.Security;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Publishing;
using Dashboard.Shared.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>The second hostile review's findings (issue 21), each as the attacker or user who found it would try it.</summary>
public sealed class SecondReviewTests : EntryTestBase
{
    /// <summary>
    /// 2026-05-20 in Japan: FY2025 Q4 (the seed plan's last quarter) is due 2026-04-15 and still chased. On the real
    /// date the plan has ended and nothing is late (see <see cref="PlanQuartersTests"/>).
    /// </summary>
    protected override TimeProvider? Clock { get; } = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 20, 1, 0, 0, TimeSpan.Zero));

    protected override bool Samples => true;

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/dashboard\r\nSet-Cookie: x=1")]
    [InlineData("/\n")]
    public async Task MarkAllReadWithAControlCharacterInTheReturnAddressGoesToTheDashboardNotA500(string returnUrl)
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);

        var response = await staff.PostAsync("/notifications/read-all", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = returnUrl }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OpeningANoticeByALinkMarksNothingOnlyThePostDoes()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        Assert.True((await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kaikei"))).IsSuccessStatusCode);
        var notice = (await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Items[0];

        // A link on another site (or an image tag) can make the browser GET this: it must change nothing.
        var followed = await staff.GetAsync($"/notifications/{notice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(1, (await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Unread);

        // A POST from another site is refused (the guard); the bell's own form marks the notice read.
        var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/notifications/{notice.Id}");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SendAsync(crossSite)).StatusCode);
        Assert.Equal(1, (await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Unread);

        var opened = await staff.PostAsync($"/notifications/{notice.Id}", null);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.StartsWith("/entries", opened.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, (await staff.GetFromJsonAsync<NotificationListDto>("/api/notifications"))!.Unread);
    }

    [Fact]
    public async Task ReopeningAPublishedQuarterWithdrawsItSoANewApprovalWaitsForANewDecision()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.True((await planner.PostAsJsonAsync($"/api/quarters/{Year}/3/close", new CloseQuarterRequest(true, "公表のため"))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/publishing/{Year}/3", null)).StatusCode);
        var rowsBefore = Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync("/public/data/kpi-progress.csv"));
        Assert.Contains(",2025,3,", rowsBefore, StringComparison.Ordinal);

        Assert.True((await admin.PostAsJsonAsync($"/api/quarters/{Year}/3/reopen", new ReopenQuarterRequest("誤りの訂正のため"))).IsSuccessStatusCode);

        var publishing = (await planner.GetFromJsonAsync<PublishingDto>("/api/publishing"))!;
        Assert.DoesNotContain(publishing.Quarters, q => q.FiscalYear == Year && q.Quarter == 3 && q.PublishedUtc is not null);
        var csv = Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync("/public/data/kpi-progress.csv"));
        Assert.DoesNotContain(",2025,3,", csv, StringComparison.Ordinal);
        Assert.Contains("まだ公表している四半期はありません", await anonymous.GetStringAsync("/public"), StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "PublishedQuarter").Select(a => a.NewValue + ":" + a.Reason).ToListAsync());
        Assert.Contains("非公表:再開に伴う取り下げ: 誤りの訂正のため", audit);
    }

    [Fact]
    public async Task AMilestoneCompletedBeforeThePlanStartedIsRefused()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);

        var response = await PutAsync(admin, "I02-K4", new SaveEntryRequest(null, Dashboard.Shared.Kpis.MilestoneState.Done, new DateOnly(2000, 1, 1), "稼働した", null, null, null, null, false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("計画の開始日（2022/10/01）より前", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["MilestoneDate"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, "I02-K4", new SaveEntryRequest(null, Dashboard.Shared.Kpis.MilestoneState.Done, new DateOnly(2022, 10, 1), "稼働した", null, null, null, null, false))).StatusCode);
    }

    [Fact]
    public async Task AFormulaLikeDepartmentNameIsRefusedAndOneAlreadyStoredIsNeutralisedInTheCsv()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"企画課\")";

        var refused = await admin.PutAsJsonAsync("/api/admin/departments/kikaku", new SaveDepartmentRequest("kikaku", Formula));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("数式", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("x@city.example", "@SUM(A1)", Dashboard.Shared.Auth.AppRoles.Committee, [], true))).StatusCode);

        // A name stored before the rule (or straight in the database) still never reaches Excel as a formula.
        await App.WithDbAsync(db => db.Departments.Where(d => d.Code == "kikaku").ExecuteUpdateAsync(u => u.SetProperty(d => d.Name, Formula)));
        Assert.True((await planner.PostAsJsonAsync($"/api/quarters/{Year}/3/close", new CloseQuarterRequest(true, "公表のため"))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/publishing/{Year}/3", null)).StatusCode);
        var csv = Encoding.UTF8.GetString(await App.CreateClient().GetByteArrayAsync("/public/data/kpi-progress.csv"));

        var lines = csv.Split("\r\n").Where(l => l.Contains("HYPERLINK", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(",\"'=HYPERLINK(", l, StringComparison.Ordinal));
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCatalogueNeverNamesTheHostTheRequestClaimed()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/public/data/catalog.jsonld");
        request.Headers.Host = "evil.example";

        var response = await anonymous.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        Assert.Contains("\"/public/data/kpi-progress.csv\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPagesChartsHaveAValueAxisAndTheEnglishPagesAreInEnglish()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.True((await planner.PostAsJsonAsync($"/api/quarters/{Year}/3/close", new CloseQuarterRequest(true, "公表のため"))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/publishing/{Year}/3", null)).StatusCode);

        var page = await anonymous.GetStringAsync("/public");
        var english = await anonymous.GetStringAsync("/public?lang=en");
        var data = await anonymous.GetStringAsync("/public/data?lang=en");

        // One published quarter: each chart still says what its bar measures (0 and the top value in the KPI's unit).
        Assert.Contains("class=\"axis-label\"", page, StringComparison.Ordinal);
        Assert.Matches("<text class=\"axis-label\"[^>]*>0</text>", page);
        Assert.Contains("<title>Progress of the DX plan | Goshogawara City</title>", english, StringComparison.Ordinal);
        Assert.Contains("<p class=\"city\">Goshogawara City</p>", english, StringComparison.Ordinal);
        Assert.Contains("Latest approved figure up to the published quarter", data, StringComparison.Ordinal);
        Assert.DoesNotContain("公表した四半期までの最新の承認済み実績", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlannersReadUnapprovedEntriesAsTheReadmeSaysTheCommitteeDoesNot()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        Assert.True((await PutAsync(staff, "I01-K1", Draft("195", done: "下書きのメモ"))).IsSuccessStatusCode);

        var read = await planner.GetAsync($"/api/entries/I01-K1/{Year}/{Q}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("下書きのメモ", (await read.Content.ReadFromJsonAsync<EntryDto>())!.Done);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync($"/api/entries/I01-K1/{Year}/{Q}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PutAsJsonAsync($"/api/entries/I01-K1/{Year}/{Q}", Draft("1"))).StatusCode);

        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        var plannerRow = readme.Split('\n').Single(l => l.StartsWith("| takahashi@demo.local", StringComparison.Ordinal));
        Assert.Contains("unapproved entries", plannerRow, StringComparison.Ordinal);
        var committeeRow = readme.Split('\n').Single(l => l.StartsWith("| suzuki@demo.local", StringComparison.Ordinal));
        Assert.Contains("approved figures only", committeeRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondReminderTheSameDayIsHeldUntilConfirmed()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Task<int> NoticesAsync() => App.WithDbAsync(db => db.Notifications.CountAsync(n => n.Recipient == DashboardFactory.Demo.StaffKaikei));

        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kaikei"))).StatusCode);
        var second = await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kaikei"));
        var third = await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kaikei"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("本日すでに督促しています", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(1, await NoticesAsync());

        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/remind", new RemindRequest("kaikei", Again: true))).StatusCode);
        Assert.Equal(2, await NoticesAsync());
    }

    [Fact]
    public async Task ABodyTheApiCannotReadIsAPlain400WithoutTheRequestsHeadersOrCookies()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        const string Probe = "probe-4c1d";
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/entries/I01-K1/{Year}/{Q}") { Content = new StringContent("{\"value\": [" + Probe, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Probe", Probe);

        var response = await staff.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Probe, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookie", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ALogEntryWithLineBreaksFromARequestStaysOnOneLine()
    {
        var formatter = new SingleLineConsoleFormatter(new StaticOptions());
        using var output = new StringWriter();
        var entry = new Microsoft.Extensions.Logging.Abstractions.LogEntry<string>(Microsoft.Extensions.Logging.LogLevel.Warning, "Test", new Microsoft.Extensions.Logging.EventId(7),
            "Failed to bind \"/x\r\ninfo: Forged[0] signed in as admin\"", new InvalidOperationException("bad\nvalue"), (s, e) => s);

        formatter.Write(entry, null, output);

        var text = output.ToString();
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\\r\\ninfo: Forged[0]", text, StringComparison.Ordinal);
        Assert.Contains("bad\\nvalue", text, StringComparison.Ordinal);
    }

    private sealed class StaticOptions : Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>
    {
        public Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions CurrentValue { get; } = new();

        public Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions, string?> listener) => null;
    }
}
