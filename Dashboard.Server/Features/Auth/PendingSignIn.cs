using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// A sign-in half way: the password passed, a step is left (a temporary password's change, the authenticator code,
/// the enrolment, the recovery codes to note down). Kept in its own short cookie, encrypted like the sign-in cookie,
/// which signs no one in; ten minutes to finish.
/// </summary>
public static class PendingSignIn
{
    public const string Scheme = "Dashboard.Pending";
    private const string StageClaim = "dashboard/pending-stage";
    private const string ReturnClaim = "dashboard/pending-return";
    private const string CodeDoneClaim = "dashboard/pending-code-done";
    private const string CodesClaim = "dashboard/pending-codes";

    public sealed record State(int UserId, SignInStage Stage, string Method, string ReturnUrl, bool CodeDone, IReadOnlyList<string> RecoveryCodes);

    public static void AddScheme(AuthenticationBuilder authentication, IHostEnvironment environment) =>
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "dx-pending";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            o.SlidingExpiration = false;
            o.LoginPath = "/account/login";
        });

    public static async Task<State?> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var principal = result.Succeeded ? result.Principal : null;
        if (principal is null || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !Enum.TryParse<SignInStage>(principal.FindFirstValue(StageClaim), out var stage))
        {
            return null;
        }

        return new State(id, stage, principal.FindFirstValue(DashboardClaims.Method) ?? "Local", principal.FindFirstValue(ReturnClaim) ?? "/",
            principal.HasClaim(CodeDoneClaim, "1"), principal.FindAll(CodesClaim).Select(c => c.Value).ToList());
    }

    public static Task WriteAsync(HttpContext http, State state)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, state.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(StageClaim, state.Stage.ToString()),
            new(DashboardClaims.Method, state.Method),
            new(ReturnClaim, state.ReturnUrl),
        };
        if (state.CodeDone)
        {
            claims.Add(new Claim(CodeDoneClaim, "1"));
        }

        claims.AddRange(state.RecoveryCodes.Select(c => new Claim(CodesClaim, c)));
        return http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
    }

    /// <summary>The page of a stage.</summary>
    public static string PathOf(SignInStage stage) => stage switch
    {
        SignInStage.ChangePassword => "/account/change-password",
        SignInStage.TwoFactor => "/account/two-factor",
        SignInStage.SetupTwoFactor => "/account/two-factor/setup",
        SignInStage.RecoveryCodes => "/account/recovery-codes",
        _ => "/",
    };

    /// <summary>
    /// Signs the person in for real: the sign-in cookie (a server-side session is opened by the cookie's events), their
    /// previous sign-in carried as claims for the page to show, the half-way cookie removed, and the success logged.
    /// </summary>
    public static async Task CompleteAsync(HttpContext http, AppUser user, string method, AppRoles entraRoles = AppRoles.None)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<DashboardDbContext>();
        var previous = await SignInLog.LastSuccessAsync(db, user.Id, http.RequestAborted);
        var principal = UserPrincipalFactory.Create(user, entraRoles);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(DashboardClaims.Method, method));
        if (previous is not null)
        {
            identity.AddClaim(new Claim(DashboardClaims.PreviousSignInUtc, DateTime.SpecifyKind(previous.AtUtc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(DashboardClaims.PreviousSignInAddress, previous.Address ?? ""));
        }

        await http.SignOutAsync(Scheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        await services.GetRequiredService<SignInLog>().WriteAsync(SignInEventKinds.Success, method, user.LoginName, user.Id, AddressOf(http), cancellationToken: http.RequestAborted);
    }

    /// <summary>The client's address as this server sees it (behind a proxy, with forwarded headers turned on).</summary>
    public static string? AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
