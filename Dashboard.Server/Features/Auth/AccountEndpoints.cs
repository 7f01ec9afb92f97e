using Dashboard.Shared.Text;
using Dashboard.Shared.Problems;
using Dashboard.Server.Features.Problems;
using System.Security.Claims;
using Dashboard.Server.Features.Security;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Features.Auth;

/// <summary>Sign-in and sign-out. Form posts carry an antiforgery token (checked by UseAntiforgery).</summary>
public static class AccountEndpoints
{
    public const string SignedOutPath = "/account/signed-out";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").WithTags("Account").AllowAnonymous();
        group.MapPost("/signin", SignInLocal).WithName(nameof(SignInLocal)).WithSummary("Local demo sign-in (Development without Entra ID).");
        group.MapGet("/challenge", ChallengeEntra).WithName(nameof(ChallengeEntra)).WithSummary("Starts Entra ID sign-in.");
        group.MapPost("/logout", SignOut).WithName(nameof(SignOut)).WithSummary("Signs out and shows the signed-out page.");
        app.MapGet("/account/alive", Alive).WithTags("Account").RequireAuthorization()
            .WithName(nameof(Alive)).WithSummary("The browser reports that the person is active: renews the sign-in's idle time-out.");
        app.MapGet("/api/me", GetMe).WithTags("Account").RequireAuthorization(Policies.ViewDashboards)
            .WithName(nameof(GetMe)).WithSummary("The signed-in person: roles and departments.");
        return app;
    }

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignInLocal(
        [FromForm] string login, [FromForm] string? returnUrl, AuthMode mode, UserPrincipalFactory users, HttpContext http)
    {
        if (!mode.UsesDemo)
        {
            return NotUsed();
        }

        var user = await users.FindAsync(null, login, http.RequestAborted);
        if (user is null || user.Roles == AppRoles.None)
        {
            return TypedResults.Redirect(EntraSetup.NoAccessPath);
        }

        await PendingSignIn.CompleteAsync(http, user, "Demo");
        return TypedResults.Redirect(LocalOrHome(returnUrl));
    }

    public static Results<ChallengeHttpResult, ProblemHttpResult> ChallengeEntra(string? returnUrl, AuthMode mode) =>
        mode.UsesEntra
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : NotUsed();

    public static async Task<RedirectHttpResult> SignOut(AuthMode mode, HttpContext http, UserPrincipalFactory users, TimeProvider clock, SignInLog log)
    {
        // End the session on the server first: a copied cookie must not outlive the sign-out.
        if (UserPrincipalFactory.SessionOf(http.User) is { } session
            && int.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            await users.EndSessionAsync(userId, session, clock.GetUtcNow().UtcDateTime, http.RequestAborted);
            await log.WriteAsync(SignInEventKinds.SignOut, http.User.FindFirstValue(DashboardClaims.Method) ?? "", http.User.FindFirstValue(ClaimTypes.Upn) ?? "",
                userId, PendingSignIn.AddressOf(http), cancellationToken: http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect(SignedOutPath);
    }

    /// <summary>
    /// An interactive page makes no request while someone works in it; its script reports input here at most once a
    /// minute, which slides the sign-in cookie and marks the session active for the open page's idle check.
    /// </summary>
    public static async Task<NoContent> Alive(HttpContext http, UserPrincipalFactory users, TimeProvider clock)
    {
        if (UserPrincipalFactory.SessionOf(http.User) is { } session)
        {
            await users.SeenAsync(session, clock.GetUtcNow().UtcDateTime, http.RequestAborted);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.NoContent();
    }

    public static Ok<MeDto> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeDto(
        user.FindFirstValue(ClaimTypes.Upn) ?? "",
        user.Identity?.Name ?? "",
        UserPrincipalFactory.RolesFromEntra(user.FindAll(ClaimTypes.Role).Select(c => c.Value)),
        user.FindAll(DashboardClaims.Department).Select(c => c.Value).ToList()));

    /// <summary>Only paths on this site, so the sign-in cannot be used to bounce people elsewhere.</summary>
    internal static string LocalOrHome(string? returnUrl) => LocalUrl.OrHome(returnUrl);

    private static ProblemHttpResult NotUsed() => ProblemResults.Problem(OutcomeKind.NotFound, Wording.Pick("この方法のサインインは使われていません。", "This way of signing in is not used here."));
}
