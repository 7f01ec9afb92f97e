using System.Globalization;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// The sign-in form's posts (issue 23): name and password against a local account or the directory, then the steps a
/// local account may have left. Every answer is a redirect to a page that says what happened; every outcome is logged.
/// </summary>
public static class PasswordSignInEndpoints
{
    public static IEndpointRouteBuilder MapPasswordSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").WithTags("Account").AllowAnonymous();
        group.MapPost("/password-signin", PasswordSignIn).WithName(nameof(PasswordSignIn)).WithSummary("Signs in with a name and a password (local account or directory).");
        group.MapPost("/change-password", ChangePassword).WithName(nameof(ChangePassword)).WithSummary("Changes a local password (a temporary one at sign-in, or one's own).");
        group.MapPost("/two-factor", VerifyCode).WithName(nameof(VerifyCode)).WithSummary("Checks the authenticator code or a recovery code.");
        group.MapPost("/two-factor/setup", EnableTwoFactor).WithName(nameof(EnableTwoFactor)).WithSummary("Turns the authenticator app on with its first code.");
        group.MapPost("/continue", Continue).WithName(nameof(Continue)).WithSummary("Finishes the sign-in after the recovery codes were shown.");
        return app;
    }

    private static string Login(string? returnUrl, string error, string? login = null, DateTime? until = null) =>
        "/account/login?error=" + error
        + (login is null ? "" : "&login=" + Uri.EscapeDataString(login))
        + (until is { } u ? "&until=" + Uri.EscapeDataString(u.ToString("O", CultureInfo.InvariantCulture)) : "")
        + "&returnUrl=" + Uri.EscapeDataString(AccountEndpoints.LocalOrHome(returnUrl));

    public static async Task<RedirectHttpResult> PasswordSignIn([FromForm] string? login, [FromForm] string? password, [FromForm] string? returnUrl,
        AuthMode mode, LocalAccounts locals, LdapDirectory directory, SignInLog log, HttpContext http)
    {
        var name = (login ?? "").Trim().ToLowerInvariant();
        var address = PendingSignIn.AddressOf(http);
        var back = AccountEndpoints.LocalOrHome(returnUrl);
        if (!mode.UsesPasswordForm)
        {
            return TypedResults.Redirect(Login(back, "unused"));
        }

        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return TypedResults.Redirect(Login(back, "empty", name));
        }

        var (user, account) = await locals.FindAsync(name, http.RequestAborted);
        if (mode.UsesLocalAccounts && user is not null && account is not null)
        {
            switch (await locals.CheckPasswordAsync(account, password))
            {
                case PasswordCheck.Locked:
                    var until = LocalAccounts.LockedUntil(account);
                    await log.WriteAsync(SignInEventKinds.Lockout, "Local", name, user.Id, address, $"ロック中（{Format(until)} まで）", cancellationToken: http.RequestAborted);
                    return TypedResults.Redirect(Login(back, "locked", name, until));
                case PasswordCheck.Wrong:
                    await log.WriteAsync(SignInEventKinds.Failure, "Local", name, user.Id, address, "パスワードが違う", cancellationToken: http.RequestAborted);
                    return TypedResults.Redirect(Login(back, "wrong", name));
            }

            return await NextAsync(http, locals, user, account, new PendingSignIn.State(user.Id, SignInStage.Complete, "Local", back, false, []));
        }

        if (!mode.UsesLdap)
        {
            await log.WriteAsync(SignInEventKinds.Failure, "Local", name, user?.Id, address, user is null ? "登録のない名前" : "ローカルアカウントなし", cancellationToken: http.RequestAborted);
            return TypedResults.Redirect(Login(back, "wrong", name));
        }

        // The directory's form of the name however it was typed (CITY\yamada, yamada@city.local): a bind that cannot
        // succeed would count toward the directory's own lockout, and a second spelling would make a second person.
        var typed = name;
        name = directory.Normalize(name);
        if (name != typed)
        {
            (user, _) = await locals.FindAsync(name, http.RequestAborted);
        }

        var answer = await directory.SignInAsync(name, password, http.RequestAborted);
        switch (answer.Answer)
        {
            case LdapDirectory.Answer.WrongPassword:
                await log.WriteAsync(SignInEventKinds.Failure, "Ldap", name, user?.Id, address, "ディレクトリでパスワードが違う", cancellationToken: http.RequestAborted);
                return TypedResults.Redirect(Login(back, "wrong", name));
            case LdapDirectory.Answer.Unavailable or LdapDirectory.Answer.NotFound:
                await log.WriteAsync(SignInEventKinds.Failure, "Ldap", name, user?.Id, address, $"ディレクトリに接続できない: {answer.Problem}", cancellationToken: http.RequestAborted);
                return TypedResults.Redirect(Login(back, "directory", name));
        }

        var person = answer.Person!;
        var (roles, departments) = directory.Map(person);
        if (roles == AppRoles.None)
        {
            await log.WriteAsync(SignInEventKinds.Failure, "Ldap", name, user?.Id, address, "対応づけたグループに入っていない", cancellationToken: http.RequestAborted);
            return TypedResults.Redirect(EntraSetup.NoAccessPath);
        }

        var signedIn = await DirectoryPeople.UpsertAsync(http.RequestServices, name, person.DisplayName, roles, departments, address, http.RequestAborted,
            email: person.Mail);
        if (signedIn is null)
        {
            await log.WriteAsync(SignInEventKinds.Failure, "Ldap", name, null, address, "無効にされた利用者", cancellationToken: http.RequestAborted);
            return TypedResults.Redirect(EntraSetup.NoAccessPath);
        }

        await PendingSignIn.CompleteAsync(http, signedIn, "Ldap");
        return TypedResults.Redirect(back);
    }

    /// <summary>Goes to the next step, or signs in when none is left.</summary>
    private static async Task<RedirectHttpResult> NextAsync(HttpContext http, LocalAccounts locals, AppUser user, LocalAccount account, PendingSignIn.State state)
    {
        var stage = locals.Next(user, account, state.CodeDone);
        if (stage == SignInStage.Complete)
        {
            await PendingSignIn.CompleteAsync(http, user, state.Method);
            return TypedResults.Redirect(state.ReturnUrl);
        }

        await PendingSignIn.WriteAsync(http, state with { Stage = stage });
        return TypedResults.Redirect(PendingSignIn.PathOf(stage));
    }

    /// <summary>The person a step is for: half way through a sign-in, or signed in and changing their own.</summary>
    private static async Task<(PendingSignIn.State? Pending, AppUser? User, LocalAccount? Account)> WhoAsync(HttpContext http, LocalAccounts locals)
    {
        var pending = await PendingSignIn.ReadAsync(http);
        var id = pending?.UserId
            ?? (http.User.Identity?.IsAuthenticated == true && int.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var signedIn) ? signedIn : (int?)null);
        if (id is not { } userId)
        {
            return (null, null, null);
        }

        var user = await locals.UserAsync(userId, http.RequestAborted);
        var account = user is null ? null : await locals.AccountAsync(userId, http.RequestAborted);
        return (pending, user, account);
    }

    public static async Task<RedirectHttpResult> ChangePassword([FromForm] string? current, [FromForm] string? password, [FromForm] string? confirm,
        LocalAccounts locals, SignInLog log, HttpContext http)
    {
        var (pending, user, account) = await WhoAsync(http, locals);
        if (user is null || account is null)
        {
            return TypedResults.Redirect(Login(null, "expired"));
        }

        const string page = "/account/change-password";
        if (pending is null || pending.Stage != SignInStage.ChangePassword)
        {
            // Signed in and changing one's own: the current password first.
            if (pending is not null || string.IsNullOrEmpty(current) || !await locals.Manager.CheckPasswordAsync(account, current))
            {
                return TypedResults.Redirect(page + "?error=current");
            }
        }

        if (string.IsNullOrEmpty(password) || password != confirm)
        {
            return TypedResults.Redirect(page + "?error=mismatch");
        }

        if (password.Any(c => c is (>= '\uFF01' and <= '\uFF5E') or '\u3000'))
        {
            // Full-width letters, digits or spaces: almost always typed with the input method on, and hard to type the
            // same way again at the next sign-in. Refused with that reason rather than counted against the rules.
            return TypedResults.Redirect(page + "?error=policy&codes=PasswordFullWidth");
        }

        var errors = await locals.ChangePasswordAsync(account, password);
        if (errors.Count > 0)
        {
            return TypedResults.Redirect(page + "?error=policy&codes=" + Uri.EscapeDataString(string.Join(',', errors.Select(e => e.Code))));
        }

        await log.WriteAsync(SignInEventKinds.PasswordChanged, "Local", user.LoginName, user.Id, PendingSignIn.AddressOf(http), cancellationToken: http.RequestAborted);
        if (pending is null)
        {
            // Signed in elsewhere with the old password (another PC, a copied cookie): those sign-ins end; this one stays.
            await http.RequestServices.GetRequiredService<UserPrincipalFactory>().EndOtherSessionsAsync(user.Id, UserPrincipalFactory.SessionOf(http.User),
                http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, http.RequestAborted);
            return TypedResults.Redirect("/account/security?done=password");
        }

        return await NextAsync(http, locals, user, account, pending);
    }

    public static async Task<RedirectHttpResult> VerifyCode([FromForm] string? code, LocalAccounts locals, SignInLog log, HttpContext http)
    {
        var (pending, user, account) = await WhoAsync(http, locals);
        if (pending is not { Stage: SignInStage.TwoFactor } || user is null || account is null)
        {
            return TypedResults.Redirect(Login(null, "expired"));
        }

        var address = PendingSignIn.AddressOf(http);
        switch (await locals.CheckCodeAsync(account, code ?? ""))
        {
            case LocalAccounts.CodeCheck.Passed:
                return await NextAsync(http, locals, user, account, pending with { CodeDone = true });
            case LocalAccounts.CodeCheck.RecoveryCodeUsed:
                var left = await locals.Manager.CountRecoveryCodesAsync(account);
                await log.WriteAsync(SignInEventKinds.RecoveryCodeUsed, "Local", user.LoginName, user.Id, address, $"残り {left} 個", cancellationToken: http.RequestAborted);
                return await NextAsync(http, locals, user, account, pending with { CodeDone = true });
            case LocalAccounts.CodeCheck.Locked:
                await http.SignOutAsync(PendingSignIn.Scheme);
                var until = LocalAccounts.LockedUntil(account);
                await log.WriteAsync(SignInEventKinds.Lockout, "Local", user.LoginName, user.Id, address, $"確認コードの誤り（{Format(until)} まで）", cancellationToken: http.RequestAborted);
                return TypedResults.Redirect(Login(pending.ReturnUrl, "locked", user.LoginName, until));
            case LocalAccounts.CodeCheck.Reused:
                await log.WriteAsync(SignInEventKinds.Failure, "Local", user.LoginName, user.Id, address, "使用済みの確認コード", cancellationToken: http.RequestAborted);
                return TypedResults.Redirect("/account/two-factor?error=reused");
            default:
                await log.WriteAsync(SignInEventKinds.Failure, "Local", user.LoginName, user.Id, address, "確認コードが違う", cancellationToken: http.RequestAborted);
                return TypedResults.Redirect("/account/two-factor?error=wrong");
        }
    }

    public static async Task<RedirectHttpResult> EnableTwoFactor([FromForm] string? code, LocalAccounts locals, SignInLog log, HttpContext http)
    {
        var (pending, user, account) = await WhoAsync(http, locals);
        if (user is null || account is null || (pending is not null && pending.Stage != SignInStage.SetupTwoFactor))
        {
            return TypedResults.Redirect(Login(null, "expired"));
        }

        var codes = await locals.EnableTwoFactorAsync(account, code ?? "");
        if (codes is null)
        {
            return TypedResults.Redirect("/account/two-factor/setup?error=wrong");
        }

        await log.WriteAsync(SignInEventKinds.TwoFactorEnabled, "Local", user.LoginName, user.Id, PendingSignIn.AddressOf(http), cancellationToken: http.RequestAborted);
        var state = pending ?? new PendingSignIn.State(user.Id, SignInStage.RecoveryCodes, "Local", "/account/security", true, []);
        await PendingSignIn.WriteAsync(http, state with { Stage = SignInStage.RecoveryCodes, CodeDone = true, RecoveryCodes = codes });
        return TypedResults.Redirect(PendingSignIn.PathOf(SignInStage.RecoveryCodes));
    }

    public static async Task<RedirectHttpResult> Continue(LocalAccounts locals, HttpContext http)
    {
        var (pending, user, account) = await WhoAsync(http, locals);
        if (pending is not { Stage: SignInStage.RecoveryCodes } || user is null || account is null)
        {
            return TypedResults.Redirect(Login(null, "expired"));
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            await http.SignOutAsync(PendingSignIn.Scheme);
            return TypedResults.Redirect(AccountEndpoints.LocalOrHome(pending.ReturnUrl));
        }

        return await NextAsync(http, locals, user, account, pending with { RecoveryCodes = [] });
    }

    internal static string Format(DateTime? utc) => utc is { } u ? Dashboard.Shared.Fiscal.JapanTime.Format(u) : "";
}

/// <summary>People who sign in through the directory: kept in our database with the roles and departments their groups give.</summary>
internal static class DirectoryPeople
{
    /// <summary>The person, made or brought up to date; null when the admin has turned them off here.</summary>
    public static async Task<AppUser?> UpsertAsync(IServiceProvider services, string login, string displayName, AppRoles roles, IReadOnlyList<string> departmentCodes,
        string? address, CancellationToken cancellationToken, string method = "Ldap", string? email = null)
    {
        var db = services.GetRequiredService<DashboardDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.LoginName == login, cancellationToken);
        var departments = await db.Departments.Where(d => departmentCodes.Contains(d.Code)).ToListAsync(cancellationToken);
        var name = Dashboard.Shared.Text.TextPolicy.Clean(displayName) ?? login;
        if (user is { IsActive: false })
        {
            return null;
        }

        if (user is null)
        {
            user = new AppUser { LoginName = login, DisplayName = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Users.Add(user);
        }

        var before = $"{user.Roles} / {string.Join(",", user.Departments.Select(d => d.Code).Order(StringComparer.Ordinal))}";
        var after = $"{roles} / {string.Join(",", departments.Select(d => d.Code).Order(StringComparer.Ordinal))}";
        var beforeText = user.Id == 0 ? "（新規）" : SignInLog.RolesText(user.Roles, user.Departments);
        // The directory's address when it has one (kept up to date at every sign-in); else what the admin typed stays.
        var mail = Dashboard.Shared.Admin.AdminValidation.SoundEmail(email) ?? user.Email;
        var changed = before != after || user.DisplayName != name || user.Id == 0 || mail != user.Email;
        if (changed)
        {
            user.DisplayName = name;
            user.Email = mail;
            user.Roles = roles;
            user.Departments = departments;
            user.SecurityStamp = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            services.GetRequiredService<SessionChecks>().Forget(user.Id);
            if (before != after)
            {
                await services.GetRequiredService<SignInLog>().WriteAsync(SignInEventKinds.RoleChanged, method, login, user.Id, address, $"{beforeText} → {SignInLog.RolesText(roles, departments)}（ディレクトリのグループ）",
                    "directory", cancellationToken);
            }
        }

        return user;
    }
}
