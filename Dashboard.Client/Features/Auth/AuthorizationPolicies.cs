using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Client.Features.Auth;

/// <summary>Registers <see cref="Policies"/> as ASP.NET Core policies; used by both the server and WebAssembly.</summary>
public static class AuthorizationPolicies
{
    public static AuthorizationOptions AddDashboardPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in Policies.Roles)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(RoleNames.Split(roles).Select(r => r.ToString())));
        }

        return options;
    }
}
