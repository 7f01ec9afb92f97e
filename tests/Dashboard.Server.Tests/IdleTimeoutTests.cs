using System.Net;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Server.Tests;

/// <summary>The idle time-out (issue 23): a sign-in ends after SignIn:IdleMinutes without a request, and each request moves it on.</summary>
public sealed class IdleTimeoutTests : AppTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => _clock;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SignIn:IdleMinutes"] = "20" };

    [Fact]
    public async Task ASignInEndsAfterTheIdleMinutesWithoutARequestAndRequestsKeepItAlive()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        // Requests every 15 minutes keep the person signed in past the 20 minutes (the cookie slides).
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        }

        // 21 minutes without one: signed out.
        _clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AnOpenPageIsSignedOutAfterTheIdleMinutesUnlessItsBrowserReportsActivity()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var scopes = App.Services.GetRequiredService<IServiceScopeFactory>();
        // The page's sign-in as the circuit holds it: the same person and session as the client's cookie.
        var principal = await App.WithDbAsync(async db =>
        {
            var user = await db.Users.Include(u => u.Departments).SingleAsync(u => u.LoginName == DashboardFactory.Demo.Planner);
            var session = await db.Sessions.Where(s => s.UserId == user.Id).OrderByDescending(s => s.CreatedUtc).Select(s => s.Id).FirstAsync();
            var signedIn = UserPrincipalFactory.Create(user, default);
            ((ClaimsIdentity)signedIn.Identity!).AddClaim(new Claim(DashboardClaims.Session, session.ToString()));
            return signedIn;
        });
        var opened = _clock.GetUtcNow().UtcDateTime;
        Task<bool> ActiveAsync() => RevalidatingCircuitAuthentication.StillActiveAsync(scopes, principal, opened, _clock.GetUtcNow().UtcDateTime,
            TimeSpan.FromMinutes(20), CancellationToken.None);

        // The person types for a while: the browser reports it, which keeps both the page and the cookie.
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(await ActiveAsync());
        var alive = await client.GetAsync("/account/alive");
        Assert.Equal(HttpStatusCode.NoContent, alive.StatusCode);
        Assert.True(alive.Headers.CacheControl?.NoStore);
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(await ActiveAsync()); // 30 minutes open, 15 since the last activity

        // Then nothing for more than 20 minutes: the page's sign-in ends, and so has the cookie's.
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await ActiveAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/account/alive")).StatusCode);
    }
}
