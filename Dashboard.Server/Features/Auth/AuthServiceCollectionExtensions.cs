using Dashboard.Client.Features.Auth;
using Dashboard.Server.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Server.Features.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Sign-in (Entra ID or local demo), the policies, and data protection keys in the database.</summary>
    public static AuthMode AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var mode = AuthMode.From(builder.Configuration, builder.Environment);
        var services = builder.Services;
        var environment = builder.Environment;

        if (mode.UsesEntra)
        {
            EntraSetup.Add(services, builder.Configuration);
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => CookieSetup.Configure(o, environment));
        }
        else
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o => CookieSetup.Configure(o, environment));
        }

        services.AddSingleton(mode);
        services.AddScoped<UserPrincipalFactory>();
        services.AddSingleton<SessionChecks>();
        services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.Section)
            .Validate(o => o.SessionCheckSeconds is >= 0 and <= 60, "Auth:SessionCheckSeconds must be 0-60.").ValidateOnStart();
        services.AddAuthorization(o => o.AddDashboardPolicies());
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitUserHandler>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingCircuitAuthentication>();
        services.AddDataProtection()
            .SetApplicationName("Dashboard")
            .PersistKeysToDbContext<DashboardDbContext>();
        return mode;
    }
}
