using System.Security.Claims;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// Who is acting, for the server services, whether they run for an API request or inside an interactive server
/// circuit. A request has its HttpContext; a circuit has no reliable HttpContext (its user comes from the circuit's
/// authentication state, set when it opens and on each event from the browser).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _circuitUser;

    public ClaimsPrincipal Principal => _circuitUser ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;
}

/// <summary>
/// Keeps <see cref="CurrentUser"/> in step with a circuit's authentication state: when it opens and before each event
/// from the browser (every service call of a circuit starts from one of the two), so a revalidation that signs the
/// circuit out reaches the next call.
/// </summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CurrentUser user, CircuitActivity activity, TimeProvider clock) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        activity.OpenedUtc = clock.GetUtcNow().UtcDateTime;
        return RefreshAsync();
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await RefreshAsync();
            await next(context);
        };

    private async Task RefreshAsync() => user.SetCircuitUser((await authentication.GetAuthenticationStateAsync()).User);
}

/// <summary>
/// An open circuit re-checks its person's session and security stamp every minute, as every HTTP request does in
/// <see cref="CookieSetup"/>: a sign-out elsewhere, a deactivation or a change of roles or departments ends the
/// circuit's sign-in, and the page goes back to the sign-in page (which rebuilds the roles from the database).
/// </summary>
internal sealed class RevalidatingCircuitAuthentication(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, CircuitActivity activity, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<SignInOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await StillValidAsync(scopes, authenticationState.User, cancellationToken)
        && await StillActiveAsync(scopes, authenticationState.User, activity.OpenedUtc, clock.GetUtcNow().UtcDateTime,
            TimeSpan.FromMinutes(options.Value.IdleMinutes), cancellationToken);

    /// <summary>
    /// The idle time-out for an open page (issue 23): the page's sign-in ends when neither its opening nor any activity
    /// the browser reported (<c>/account/alive</c>) is within SignIn:IdleMinutes; by then the cookie has lapsed too.
    /// </summary>
    internal static async Task<bool> StillActiveAsync(IServiceScopeFactory scopes, ClaimsPrincipal principal, DateTime openedUtc, DateTime nowUtc, TimeSpan idle,
        CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true || UserPrincipalFactory.SessionOf(principal) is not { } session)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var seen = await scope.ServiceProvider.GetRequiredService<UserPrincipalFactory>().LastSeenAsync(session, cancellationToken) ?? DateTime.MinValue;
        return nowUtc - (seen > openedUtc ? seen : openedUtc) <= idle;
    }

    /// <summary>Whether a circuit's person is still signed in as they were: session open, security stamp unchanged.</summary>
    internal static async Task<bool> StillValidAsync(IServiceScopeFactory scopes, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || UserPrincipalFactory.SessionOf(principal) is not { } session)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var (stamp, open) = await scope.ServiceProvider.GetRequiredService<UserPrincipalFactory>().ReadStampAsync(userId, session, cancellationToken);
        return open && stamp is { } current && string.Equals(current.ToString(), principal.FindFirstValue(DashboardClaims.SecurityStamp), StringComparison.Ordinal);
    }
}

/// <summary>When this circuit (an open interactive page) was opened, for its idle time-out.</summary>
public sealed class CircuitActivity
{
    public DateTime OpenedUtc { get; set; }
}
