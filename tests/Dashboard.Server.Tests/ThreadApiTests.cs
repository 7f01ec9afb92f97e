using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Review;
using Dashboard.Shared.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>Comment threads over the API: a mention reaches the department's staff once, the board counts open threads, bad input stores nothing.</summary>
public sealed class ThreadApiTests : AppTestBase
{
    private readonly InProcessSmtpServer _smtp = new();

    protected override bool Samples => true;

    // Mail on, with the address links in mails start from.
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(_smtp.AppSettings) { ["Notifications:Mail:AppUrl"] = "https://dx.city.example.lg.jp" };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task AMentionOfADepartmentNotifiesItsStaffOnceWithALinkToTheThread()
    {
        using var suzuki = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        using var response = await suzuki.PostAsJsonAsync("/api/threads/kpis/I01-K1/2025/2", new PostCommentRequest("@企画課 前期から伸びた理由を教えてください。"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = (await response.Content.ReadFromJsonAsync<ThreadDto>())!;

        var notices = await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind == Dashboard.Shared.Notifications.NotificationKind.Mention).ToListAsync());
        var notice = Assert.Single(notices, n => n.Recipient == DashboardFactory.Demo.StaffKikaku);
        Assert.Contains("I01-K1", notice.Subject, StringComparison.Ordinal);
        Assert.Contains($"#thread-{thread.Id}", notice.Link, StringComparison.Ordinal);
        Assert.DoesNotContain(notices, n => n.Recipient == DashboardFactory.Demo.Committee);
        Assert.Equal(1, await App.WithDbAsync(db => db.Dispatches.CountAsync(d => d.Key.StartsWith("mention/"))));
    }

    [Fact]
    public async Task TheMentionListOffersThePeopleWhoMaySeeTheThreadButNotTheWriter()
    {
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var list = (await tanaka.GetFromJsonAsync<ThreadListDto>("/api/threads/kpis/I01-K1/2025/4"))!;

        Assert.Contains(list.Mentionable, m => m.IsDepartment && m.Handle == "企画課");
        Assert.Contains(list.Mentionable, m => m.Name.StartsWith("高橋", StringComparison.Ordinal)); // the secretariat
        Assert.DoesNotContain(list.Mentionable, m => m.Name.StartsWith("田中", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMentionGoesOutByMailOnceWithAWorkingLinkOnTheNextRound()
    {
        using var suzuki = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        using var response = await suzuki.PostAsJsonAsync("/api/threads/kpis/I01-K1/2025/2", new PostCommentRequest("@企画課 前期から伸びた理由を教えてください。"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = (await response.Content.ReadFromJsonAsync<ThreadDto>())!;

        // The background round (every minute on the app's clock, which stands still in tests) sends the outbox.
        var round = App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Dashboard.Server.Features.Notifications.ReminderService>().Single();
        await round.RoundAsync(CancellationToken.None);
        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(DashboardFactory.Demo.StaffKikaku, mail.To.Mailboxes.Single().Address);
        Assert.Contains("I01-K1", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("前期から伸びた理由", mail.TextBody, StringComparison.Ordinal);
        var link = $"https://dx.city.example.lg.jp/dashboard/kpis/I01-K1?{QuarterAddress.Query(2025, 2)}#thread-{thread.Id}";
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);

        // The link opens the KPI page for the person it was sent to.
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        using var page = await tanaka.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A second round sends nothing again.
        await round.RoundAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(_smtp.Messages);
    }

    [Fact]
    public async Task TheBoardCountsOpenThreadsUntilTheyAreResolved()
    {
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        using var takahashi = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using var started = await tanaka.PostAsJsonAsync("/api/threads/kpis/I01-K1/2025/2", new PostCommentRequest("数え方を確認したい"));
        var thread = (await started.Content.ReadFromJsonAsync<ThreadDto>())!;

        async Task<int> OpenOnBoardAsync() => (await takahashi.GetFromJsonAsync<CompletionBoardDto>($"/api/review/board?{QuarterAddress.Query(2025, 2)}"))!
            .Departments.SelectMany(d => d.Rows).First(r => r.KpiCode == "I01-K1").OpenThreads;

        Assert.Equal(1, await OpenOnBoardAsync());
        using var resolved = await takahashi.PostAsJsonAsync($"/api/threads/{thread.Id}/resolve", new ResolveThreadRequest(true));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(0, await OpenOnBoardAsync());
    }

    [Theory]
    [InlineData("@だれでもない 確認を", "だれでもない")]
    [InlineData("", "入力")]
    [InlineData("改行のない\u0000制御文字", "制御文字")]
    public async Task BadCommentsAreRefusedWithTheirReasonAndNothingIsStored(string body, string message)
    {
        using var tanaka = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        using var response = await tanaka.PostAsJsonAsync("/api/threads/kpis/I01-K1/2025/4", new PostCommentRequest(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync<Dashboard.Server.Data.Comment>());
        Assert.Equal(0, await App.CountAsync<Dashboard.Server.Data.CommentThread>());
    }
}
