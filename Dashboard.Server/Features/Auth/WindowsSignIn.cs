using System.Security.Claims;
using System.Security.Principal;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// Windows Integrated Authentication (issue 23, decision 020): <c>/account/windows</c> asks the host's own Windows
/// scheme (IIS in-process or HTTP.sys, both named "Windows" in the shared framework) who is at the PC; the person's
/// Windows groups map to roles and departments through the directory's mapping, and they are signed in with our own
/// cookie like every other way. No mapped group: the 利用登録がまだです page. The host does the Negotiate/NTLM handshake.
/// </summary>
public static class WindowsSignIn
{
    /// <summary>IISDefaults.AuthenticationScheme and HttpSysDefaults.AuthenticationScheme.</summary>
    public const string Scheme = "Windows";

    public const string Method = "Windows";

    public static IEndpointRouteBuilder MapWindowsSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/windows", SignInAsync).WithTags("Account").AllowAnonymous()
            .WithSummary("Signs in with the Windows account the browser presents (IIS or HTTP.sys), without a form.");
        return app;
    }

    /// <summary>What the host says about the person: the login (the name after DOMAIN\), the name to show, and their groups.</summary>
    public sealed record WindowsPerson(string Login, string DisplayName, IReadOnlyList<string> Groups);

    /// <summary>
    /// Reads a Windows principal: the groups are the group SIDs the host put in the token and, on Windows, their names
    /// (DOMAIN\Group and Group), so the mapping may name a group either way.
    /// </summary>
    public static WindowsPerson? Read(ClaimsPrincipal user)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var slash = name.LastIndexOf('\\');
        var login = (slash >= 0 ? name[(slash + 1)..] : name).Trim().ToLowerInvariant();
        var sids = user.FindAll(ClaimTypes.GroupSid).Select(c => c.Value).ToList();
        var groups = new List<string>(sids);
        groups.AddRange(user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        if (OperatingSystem.IsWindows())
        {
            foreach (var sid in sids)
            {
                try
                {
                    var account = new SecurityIdentifier(sid).Translate(typeof(NTAccount)).Value;
                    groups.Add(account);
                    groups.Add(account[(account.LastIndexOf('\\') + 1)..]);
                }
                catch (IdentityNotMappedException)
                {
                    // A SID the domain cannot name (a deleted group): matched by its SID only.
                }
            }
        }

        return new WindowsPerson(login, name, groups.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    public static async Task<IResult> SignInAsync(string? returnUrl, AuthMode mode, LdapDirectory directory, SignInLog log, HttpContext http)
    {
        var back = AccountEndpoints.LocalOrHome(returnUrl);
        if (!mode.UsesWindows)
        {
            return TypedResults.Redirect("/account/login?error=unused&returnUrl=" + Uri.EscapeDataString(back));
        }

        AuthenticateResult result;
        try
        {
            result = await http.AuthenticateAsync(Scheme);
        }
        catch (InvalidOperationException)
        {
            // Not hosted on IIS or HTTP.sys (no Windows scheme here): the form, with the reason.
            return TypedResults.Redirect("/account/login?error=windows&returnUrl=" + Uri.EscapeDataString(back));
        }

        if (Read(result.Principal ?? new ClaimsPrincipal()) is not { } person)
        {
            // Not yet negotiated: the host answers 401 with WWW-Authenticate: Negotiate, and the browser retries.
            return TypedResults.Challenge(properties: null, authenticationSchemes: [Scheme]);
        }

        var address = PendingSignIn.AddressOf(http);
        var (roles, departments) = directory.Map(new LdapDirectory.Person(person.DisplayName, person.DisplayName, person.Groups));
        if (roles == AppRoles.None)
        {
            await log.WriteAsync(SignInEventKinds.Failure, Method, person.Login, null, address, "対応づけたグループに入っていない", cancellationToken: http.RequestAborted);
            return TypedResults.Redirect(EntraSetup.NoAccessPath);
        }

        var signedIn = await DirectoryPeople.UpsertAsync(http.RequestServices, person.Login, person.Login, roles, departments, address, http.RequestAborted, Method);
        if (signedIn is null)
        {
            await log.WriteAsync(SignInEventKinds.Failure, Method, person.Login, null, address, "無効にされた利用者", cancellationToken: http.RequestAborted);
            return TypedResults.Redirect(EntraSetup.NoAccessPath);
        }

        await PendingSignIn.CompleteAsync(http, signedIn, Method);
        return TypedResults.Redirect(back);
    }

    /// <summary>With <c>SignIn:Windows:Host=HttpSys</c> on Windows, HTTP.sys serves the app and negotiates Windows sign-in (anonymous requests still allowed).</summary>
    public static void UseHostIfConfigured(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection($"{SignInOptions.Section}:Windows").Get<WindowsSignInOptions>() ?? new();
        if (options.Enabled && string.Equals(options.Host, "HttpSys", StringComparison.OrdinalIgnoreCase) && OperatingSystem.IsWindows())
        {
            builder.WebHost.UseHttpSys(o =>
            {
                o.Authentication.Schemes = Microsoft.AspNetCore.Server.HttpSys.AuthenticationSchemes.Negotiate | Microsoft.AspNetCore.Server.HttpSys.AuthenticationSchemes.NTLM;
                o.Authentication.AllowAnonymous = true;
                o.Authentication.AutomaticAuthentication = false;
            });
        }

        // On IIS the person is read only by /account/windows, never for every request.
        builder.Services.Configure<IISServerOptions>(o => o.AutomaticAuthentication = false);
    }
}
