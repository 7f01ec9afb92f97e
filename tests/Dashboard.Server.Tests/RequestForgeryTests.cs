using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>State changes need the page's antiforgery token and a same-site origin; sign-out ends the session on the server.</summary>
public sealed class RequestForgeryTests : EntryTestBase
{
    private Task<int> ClosedQuartersAsync() => App.CountAsync<Dashboard.Server.Data.ClosedQuarter>();

    [Fact]
    public async Task ACrossSiteFormPostWithThePlannersCookieDoesNotCloseTheQuarter()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        planner.DefaultRequestHeaders.Remove(RequestForgery.HeaderName);

        // What a form on another site sends: the session cookie (a browser without SameSite support, or a same-site
        // subdomain, sends it) and no token.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/quarters/{Year}/{Q}/close") { Content = new FormUrlEncodedContent([]) };
        var response = await planner.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("読み込み直して", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ClosedQuartersAsync());
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task AForeignOriginIsRefusedEvenWithAToken(string header, string value)
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);

        using var close = new HttpRequestMessage(HttpMethod.Post, $"/api/quarters/{Year}/{Q}/close");
        close.Headers.TryAddWithoutValidation(header, value);
        using var save = new HttpRequestMessage(HttpMethod.Put, $"/api/entries/I01-K1/{Year}/{Q}") { Content = JsonContent.Create(Draft("150")) };
        save.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(HttpStatusCode.Forbidden, (await planner.SendAsync(close)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SendAsync(save)).StatusCode);
        Assert.Equal(0, await ClosedQuartersAsync());
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task TheAppsOwnRequestsWithTokenAndSameOriginStillWork()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using var close = new HttpRequestMessage(HttpMethod.Post, $"/api/quarters/{Year}/{Q}/close");
        close.Headers.TryAddWithoutValidation("Origin", "http://localhost");
        close.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");

        Assert.Equal(HttpStatusCode.NoContent, (await planner.SendAsync(close)).StatusCode);
        Assert.Equal(1, await ClosedQuartersAsync());
    }

    [Fact]
    public async Task SignOutNeedsTheTokenAndEndsTheSessionSoACopiedCookieNoLongerWorks()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var copied = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copied.DefaultRequestHeaders.Add("Cookie", await SessionCookieAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/api/me")).StatusCode);

        client.DefaultRequestHeaders.Remove(RequestForgery.HeaderName);
        var withoutToken = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/api/me")).StatusCode);

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.GetAsync("/api/me")).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Sessions.CountAsync(s => s.EndedUtc != null)));
    }

    /// <summary>The session cookie as the browser holds it, read back from what the server set at sign-in.</summary>
    private static async Task<string> SessionCookieAsync(HttpClient client)
    {
        // The test client's cookie handler writes the Cookie header onto the request message it sends.
        var probe = await client.GetAsync("/api/me");
        probe.EnsureSuccessStatusCode();
        return probe.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : throw new InvalidOperationException("no cookie sent");
    }
}
