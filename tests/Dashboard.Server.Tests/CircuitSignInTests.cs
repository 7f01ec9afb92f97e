using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>
/// An interactive server circuit keeps the sign-in it started with; every minute it asks the database, as every HTTP
/// request does, whether the session is still open and the person unchanged (decision record 011).
/// </summary>
public sealed class CircuitSignInTests : AppTestBase
{
    [Fact]
    public async Task ACircuitStaysSignedInUntilTheSessionEndsOrThePersonIsChanged()
    {
        var scopes = App.Services.GetRequiredService<IServiceScopeFactory>();
        var (principal, session) = await SignedInAsync(DashboardFactory.Demo.Committee);
        Assert.True(await RevalidatingCircuitAuthentication.StillValidAsync(scopes, principal, CancellationToken.None));

        // The admin changes the person (roles, departments, deactivation): a new security stamp.
        await App.WithDbAsync(db => db.Users.Where(u => u.LoginName == DashboardFactory.Demo.Committee)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid())));
        Assert.False(await RevalidatingCircuitAuthentication.StillValidAsync(scopes, principal, CancellationToken.None));

        // Signed out elsewhere: the session has ended.
        var (again, secondSession) = await SignedInAsync(DashboardFactory.Demo.Committee);
        Assert.True(await RevalidatingCircuitAuthentication.StillValidAsync(scopes, again, CancellationToken.None));
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserPrincipalFactory>().EndSessionAsync(int.Parse(again.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture), secondSession, DateTime.UtcNow);
        }

        Assert.False(await RevalidatingCircuitAuthentication.StillValidAsync(scopes, again, CancellationToken.None));
        Assert.NotEqual(session, secondSession);

        // Nobody signed in has nothing to lose; a principal without a session is not trusted.
        Assert.True(await RevalidatingCircuitAuthentication.StillValidAsync(scopes, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None));
        var noSession = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1")], "test"));
        Assert.False(await RevalidatingCircuitAuthentication.StillValidAsync(scopes, noSession, CancellationToken.None));
    }

    /// <summary>The principal a sign-in gives, with a session opened for it, as the cookie would carry.</summary>
    private async Task<(ClaimsPrincipal Principal, Guid Session)> SignedInAsync(string login)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var factory = scope.ServiceProvider.GetRequiredService<UserPrincipalFactory>();
        var user = await db.Users.Include(u => u.Departments).SingleAsync(u => u.LoginName == login);
        var session = await factory.OpenSessionAsync(user.Id, DateTime.UtcNow);
        var principal = UserPrincipalFactory.Create(user, default);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(DashboardClaims.Session, session.ToString()));
        return (principal, session);
    }
}
