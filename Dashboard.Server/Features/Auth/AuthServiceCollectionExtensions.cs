using Dashboard.Client.Features.Auth;
using Dashboard.Server.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

        PendingSignIn.AddScheme(services.AddAuthentication(), environment);
        var idle = TimeSpan.FromMinutes(Math.Clamp(builder.Configuration.GetValue($"{SignInOptions.Section}:IdleMinutes", 30), 1, 24 * 60));
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.ExpireTimeSpan = idle);
        AddLocalAccounts(services, builder.Configuration);

        services.AddSingleton(mode);
        services.AddScoped<UserPrincipalFactory>();
        services.AddSingleton<SessionChecks>();
        services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.Section)
            .Validate(o => o.SessionCheckSeconds is >= 0 and <= 60, "Auth:SessionCheckSeconds must be 0-60.").ValidateOnStart();
        services.AddAuthorization(o => o.AddDashboardPolicies());
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitUserHandler>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingCircuitAuthentication>();
        services.AddDataProtection()
            .SetApplicationName("Dashboard")
            .PersistKeysToDbContext<DashboardDbContext>();
        return mode;
    }

    /// <summary>The directory's settings, refused at start with the one line that says what is wrong.</summary>
    private sealed class LdapSettingsValidation : IValidateOptions<SignInOptions>
    {
        public ValidateOptionsResult Validate(string? name, SignInOptions options) =>
            LdapDirectory.Problem(options.Ldap) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    /// <summary>Identity's user manager over our tables, with the city's password and lockout policy (decision 020).</summary>
    private static void AddLocalAccounts(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section)
            .Validate(o => o.Password.MinimumLength is >= 8 and <= 128, "SignIn:Password:MinimumLength must be 8-128.")
            .Validate(o => o.Password.RememberLast is >= 0 and <= 24, "SignIn:Password:RememberLast must be 0-24.")
            .Validate(o => o.Lockout.MaxFailures is >= 1 and <= 100, "SignIn:Lockout:MaxFailures must be 1-100.")
            .Validate(o => o.Lockout.Minutes is >= 1 and <= 7 * 24 * 60, "SignIn:Lockout:Minutes must be 1-10080.")
            .Validate(o => o.LogRetentionDays >= 1, "SignIn:LogRetentionDays must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInOptions>, LdapSettingsValidation>();
        var settings = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        services.AddIdentityCore<LocalAccount>(o =>
            {
                o.User.AllowedUserNameCharacters = "";
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = settings.Password.MinimumLength;
                o.Password.RequireDigit = settings.Password.RequireDigit;
                o.Password.RequireLowercase = settings.Password.RequireLowercase;
                o.Password.RequireUppercase = settings.Password.RequireUppercase;
                o.Password.RequireNonAlphanumeric = settings.Password.RequireSymbol;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.Lockout.MaxFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.Lockout.Minutes);
            })
            .AddErrorDescriber<JapaneseIdentityErrors>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddTokenProvider<AuthenticatorTokenProvider<LocalAccount>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<IUserStore<LocalAccount>>(sp => new UserOnlyStore<LocalAccount, DashboardDbContext, int>(sp.GetRequiredService<DashboardDbContext>()));
        services.AddScoped<LocalAccounts>();
        services.AddSingleton<SignInLog>();
        services.AddSingleton<LdapDirectory>();
    }
}
