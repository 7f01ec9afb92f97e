using Dashboard.Server.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Identity.Web;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// Entra ID through Microsoft.Identity.Web. After Entra has validated the id_token, the person is looked up in our
/// database (by object id, then by UPN): departments come from there, roles are our own plus Entra app roles.
/// Someone Entra knows but we do not lands on the friendly no-access page instead of an error.
/// </summary>
internal static class EntraSetup
{
    public const string NoAccessPath = "/account/no-access";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(configuration.GetSection(AuthMode.AzureAdSection));
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, Configure);
    }

    private static void Configure(OpenIdConnectOptions options)
    {
        var redirect = options.Events.OnRedirectToIdentityProvider;
        options.Events.OnRedirectToIdentityProvider = async context =>
        {
            if (CookieSetup.IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
                return;
            }

            await redirect(context);
        };

        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            var entra = context.Principal!;
            var factory = context.HttpContext.RequestServices.GetRequiredService<UserPrincipalFactory>();
            var objectId = entra.GetObjectId();
            var login = entra.GetLoginHint() ?? entra.FindFirst("preferred_username")?.Value ?? entra.FindFirst(System.Security.Claims.ClaimTypes.Upn)?.Value;
            var user = await factory.FindAsync(objectId, login, context.HttpContext.RequestAborted);
            var entraRoles = UserPrincipalFactory.RolesFromEntra(entra.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)
                .Concat(entra.FindAll("roles").Select(c => c.Value)));
            if (user is null || (user.Roles | entraRoles) == Shared.Auth.AppRoles.None)
            {
                await context.HttpContext.RequestServices.GetRequiredService<SignInLog>().WriteAsync(Shared.Admin.SignInEventKinds.Failure, "Entra", login ?? objectId ?? "",
                    user?.Id, PendingSignIn.AddressOf(context.HttpContext), "利用登録がない", cancellationToken: context.HttpContext.RequestAborted);
                context.HandleResponse();
                context.Response.Redirect(NoAccessPath);
                return;
            }

            if (user.EntraObjectId is null && objectId is not null)
            {
                var db = context.HttpContext.RequestServices.GetRequiredService<DashboardDbContext>();
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EntraObjectId, objectId));
            }

            context.Principal = UserPrincipalFactory.Create(user, entraRoles, entra.Identity?.AuthenticationType ?? "AuthenticationTypes.Federation");
            ((System.Security.Claims.ClaimsIdentity)context.Principal.Identity!).AddClaim(new System.Security.Claims.Claim(Shared.Auth.DashboardClaims.Method, "Entra"));
            await context.HttpContext.RequestServices.GetRequiredService<SignInLog>().WriteAsync(Shared.Admin.SignInEventKinds.Success, "Entra", user.LoginName, user.Id,
                PendingSignIn.AddressOf(context.HttpContext), cancellationToken: context.HttpContext.RequestAborted);
        };
    }
}
