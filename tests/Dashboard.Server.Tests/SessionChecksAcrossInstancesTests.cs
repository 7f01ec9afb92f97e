using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Kpis;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Server.Tests;

/// <summary>
/// Two instances of the app on one database, as behind a load balancer. Each reuses what it read of a session for
/// Auth:SessionCheckSeconds instead of asking the database on every request (issue 22); a sign-out or an
/// administrator's change made on one instance applies there at once and on the other within those seconds. The two
/// share one clock the test moves, so "within" is exact, not a race.
/// </summary>
public sealed class SessionChecksAcrossInstancesTests : IAsyncLifetime
{
    private const int Seconds = 5;
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private DashboardFactory _a = default!;
    private DashboardFactory _b = default!;

    public Task InitializeAsync()
    {
        _a = Instance(samples: true); // the sample figures are loaded once, by the first instance
        _b = Instance(samples: false);
        return Task.CompletedTask;
    }

    private DashboardFactory Instance(bool samples)
    {
        var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData, samples) { Clock = _clock };
        app.Settings["Auth:SessionCheckSeconds"] = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Start();
        return app;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task ASignOutOnOneInstanceRefusesTheCopiedCookieOnTheOtherWithinTheDocumentedSeconds()
    {
        var person = await _a.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var cookie = await SessionCookieAsync(person);
        var onA = CopiedCookieClient(_a, cookie);
        var onB = CopiedCookieClient(_b, cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);

        await SignOutAsync(person);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/me")).StatusCode); // here: at once
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);           // there: its check is still fresh
        _clock.Advance(TimeSpan.FromSeconds(Seconds - 1));
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorsChangeOnOneInstanceReachesTheOtherWithinTheDocumentedSeconds()
    {
        var staff = await _a.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var onB = CopiedCookieClient(_b, await SessionCookieAsync(staff));
        Assert.Equal(["kikaku"], (await onB.GetFromJsonAsync<MeDto>("/api/me"))!.DepartmentCodes);

        var admin = await _a.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var tanaka = (await admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Single(u => u.LoginName == DashboardFactory.Demo.StaffKikaku);
        var saved = await admin.PutAsJsonAsync($"/api/admin/users/{tanaka.Id}",
            new SaveUserRequest(tanaka.LoginName, tanaka.DisplayName, AppRoles.SectionStaff, ["kaikei"], true));
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

        Assert.Equal(["kaikei"], (await staff.GetFromJsonAsync<MeDto>("/api/me"))!.DepartmentCodes); // on A at once
        _clock.Advance(TimeSpan.FromSeconds(Seconds));
        Assert.Equal(["kaikei"], (await onB.GetFromJsonAsync<MeDto>("/api/me"))!.DepartmentCodes);

        var deactivated = await admin.PutAsJsonAsync($"/api/admin/users/{tanaka.Id}",
            new SaveUserRequest(tanaka.LoginName, tanaka.DisplayName, AppRoles.SectionStaff, ["kaikei"], false));
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(Seconds));
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ARepeatedRequestDoesNotAskTheDatabaseAgainUntilTheCheckRunsOut()
    {
        var person = await _a.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var onB = CopiedCookieClient(_b, await SessionCookieAsync(person));

        Assert.Equal(1, ServerTiming.Queries(await onB.GetAsync("/api/me"))); // the session check, once
        Assert.Equal(0, ServerTiming.Queries(await onB.GetAsync("/api/me")));
        _clock.Advance(TimeSpan.FromSeconds(Seconds));
        Assert.Equal(1, ServerTiming.Queries(await onB.GetAsync("/api/me")));
    }

    [Fact]
    public async Task AChangeMadeOnOneInstanceShowsThereAtOnceAndOnTheOtherWithinASecond()
    {
        const string overview = "/api/dashboard/overview?fy=2025&q=4";
        var committee = await _a.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var onB = CopiedCookieClient(_b, await SessionCookieAsync(committee));
        async Task<KpiGrade?> GradeAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<OverviewDto>(overview))!.Rows.Single(r => r.Code == "I02-K2").Grade;
        var before = await GradeAsync(onB);
        Assert.Equal(before, await GradeAsync(committee));
        Assert.NotEqual(KpiGrade.S, before);

        var planner = await _a.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PutAsJsonAsync("/api/plans/current/grading", new GradeScale(GradeScheme.SAtoC, BaselineBand: 0.05m))).StatusCode);

        Assert.Equal(KpiGrade.S, await GradeAsync(committee)); // the instance that wrote: at once
        Assert.Equal(before, await GradeAsync(onB));           // the other keeps its data version for up to a second
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(KpiGrade.S, await GradeAsync(onB));
    }

    [Fact]
    public async Task StaticFilesDoNotRunTheSignInCheck()
    {
        var person = await _a.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var cookie = await SessionCookieAsync(person);
        await SignOutAsync(person);
        var ended = CopiedCookieClient(_a, cookie);

        // The API checks the ended session and clears the cookie; the stylesheet is served without looking at it.
        var api = await ended.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(api.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dx-dashboard=;", StringComparison.Ordinal));
        var css = await ended.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.Contains("Set-Cookie"));
        Assert.Equal("nosniff", css.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static HttpClient CopiedCookieClient(DashboardFactory app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    /// <summary>The session cookie as the browser holds it.</summary>
    private static async Task<string> SessionCookieAsync(HttpClient client)
    {
        var probe = await client.GetAsync("/api/me");
        probe.EnsureSuccessStatusCode();
        return probe.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : throw new InvalidOperationException("no cookie sent");
    }
}
