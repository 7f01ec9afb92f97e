using System.Net;
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
}
