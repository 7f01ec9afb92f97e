using System.Security.Claims;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Server.Features.Auth;

internal static class CookieSetup
{
    public static void Configure(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        options.Cookie.Name = "dx-dashboard";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/account/access-denied";

        // The API answers 401/403; only pages redirect to sign-in or to the access-denied page.
        options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        options.Events.OnValidatePrincipal = RefreshFromDatabaseAsync;
        options.Events.OnSigningIn = OpenSessionAsync;
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/account/alive", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every sign-in (local or Entra) gets a server-side session whose id rides in the cookie.</summary>
    private static async Task OpenSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || !int.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var session = await services.GetRequiredService<UserPrincipalFactory>().OpenSessionAsync(userId, now, context.HttpContext.RequestAborted);
        foreach (var old in identity.FindAll(DashboardClaims.Session).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(DashboardClaims.Session, session.ToString()));
    }

    /// <summary>
    /// An administrator's change (roles, departments, deactivation) reaches open sessions on their next request:
    /// each change renews the user's security stamp. Every request reads the stamp and whether the session is still
    /// open in one query; a stale stamp rebuilds the principal from the database, a missing one (deleted or
    /// deactivated) or an ended session (signed out) signs the request out.
    /// </summary>
    private static async Task RefreshFromDatabaseAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<UserPrincipalFactory>();
        var session = UserPrincipalFactory.SessionOf(principal);
        var (stamp, open) = session is { } id ? await factory.StampOfAsync(userId, id, context.HttpContext.RequestAborted) : (null, false);
        if (stamp is { } current && open && current.ToString() == principal.FindFirstValue(DashboardClaims.SecurityStamp))
        {
            return;
        }

        var user = stamp is null || !open ? null : await factory.FindByIdAsync(userId, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        var entraRoles = UserPrincipalFactory.RolesFromEntra(principal.FindAll(DashboardClaims.EntraRole).Select(c => c.Value));
        var refreshed = UserPrincipalFactory.Create(user, entraRoles, principal.Identity?.AuthenticationType ?? UserPrincipalFactory.AuthenticationType);
        var identity = (ClaimsIdentity)refreshed.Identity!;
        foreach (var kept in DashboardClaims.KeptOnRefresh.SelectMany(type => principal.FindAll(type)).ToList())
        {
            identity.AddClaim(new Claim(kept.Type, kept.Value));
        }

        context.ReplacePrincipal(refreshed);
        context.ShouldRenew = true;
    }
}
