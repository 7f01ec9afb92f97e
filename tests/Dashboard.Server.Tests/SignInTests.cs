using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;

namespace Dashboard.Server.Tests;

public sealed class SignInTests : AppTestBase
{
    [Fact]
    public async Task TheHeadersSignInLinkIsNotOnTheSignInPagesThemselves()
    {
        // On the steps after the password (the recovery codes are shown once) a サインイン link would only lead away.
        var client = App.CreateClient();
        Assert.Contains("class=\"sign-in\"", await client.GetStringAsync("/not-found"), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sign-in\"", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sign-in\"", await client.GetStringAsync("/account/recovery-codes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPageListsTheDemoUsersInDevelopment()
    {
        var html = await App.CreateClient().GetStringAsync("/account/login");

        foreach (var login in new[] { DashboardFactory.Demo.StaffKikaku, DashboardFactory.Demo.StaffKaikei, DashboardFactory.Demo.Committee, DashboardFactory.Demo.Planner, DashboardFactory.Demo.Admin })
        {
            Assert.Contains($"value=\"{login}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("企画・DX推進担当", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPageVisitGoesToSignInAndApiSays401()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync("/admin");
        var api = await client.GetAsync("/api/plans/current");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("//evil.example")]
    public async Task SignInNeverSendsThePersonToAnotherSite(string returnUrl)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = DashboardFactory.Demo.Committee,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = DashboardFactory.Demo.Admin }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("dx-dashboard=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnknownLoginLandsOnTheNoAccessPage()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "stranger@example.jp",
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));

        Assert.Equal("/account/no-access", response.Headers.Location?.OriginalString);
        Assert.Contains("利用登録", await client.GetStringAsync("/account/no-access"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnUrlOffSiteIsIgnored()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = DashboardFactory.Demo.Committee,
            ["returnUrl"] = "//evil.example/phish",
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SessionCookieIsHttpOnlyAndSameSite()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = DashboardFactory.Demo.Committee,
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dx-dashboard=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var token = await DashboardFactory.AntiforgeryTokenAsync(client);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/account/signed-out", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task RolesAndDepartmentsComeFromTheDatabase()
    {
        var me = await (await App.SignedInClientAsync(DashboardFactory.Demo.StaffTwoDepartments)).GetFromJsonAsync<MeDto>("/api/me");

        Assert.Equal(AppRoles.SectionStaff, me!.Roles);
        Assert.Equal(["johoseisaku", "soumu"], me.DepartmentCodes);
    }

    [Fact]
    public async Task AdministratorsChangeReachesAnOpenSessionAtOnce()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var overview = await admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin");
        var tanaka = overview!.Users.Single(u => u.LoginName == DashboardFactory.Demo.StaffKikaku);

        var saved = await admin.PutAsJsonAsync($"/api/admin/users/{tanaka.Id}", new SaveUserRequest(tanaka.LoginName, tanaka.DisplayName, AppRoles.SectionStaff, ["kaikei"], true));
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal(["kaikei"], (await staff.GetFromJsonAsync<MeDto>("/api/me"))!.DepartmentCodes);

        await admin.PutAsJsonAsync($"/api/admin/users/{tanaka.Id}", new SaveUserRequest(tanaka.LoginName, tanaka.DisplayName, AppRoles.SectionStaff, ["kaikei"], IsActive: false));
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/me")).StatusCode);
    }
}
