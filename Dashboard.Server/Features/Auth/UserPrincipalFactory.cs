using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// Builds the signed-in person from our database: roles (merged with Entra app roles when present) and the
/// departments they report for. The database, not the token, is the source of department membership.
/// </summary>
public sealed class UserPrincipalFactory(DashboardDbContext db)
{
    public const string AuthenticationType = "Dashboard";

    public async Task<AppUser?> FindAsync(string? objectId, string? loginName, CancellationToken cancellationToken = default)
    {
        var users = db.Users.Include(u => u.Departments).Where(u => u.IsActive);
        if (!string.IsNullOrEmpty(objectId) && await users.FirstOrDefaultAsync(u => u.EntraObjectId == objectId, cancellationToken) is { } byId)
        {
            return byId;
        }

        if (string.IsNullOrEmpty(loginName))
        {
            return null;
        }

        var login = loginName.Trim().ToLowerInvariant();
        return await users.FirstOrDefaultAsync(u => u.LoginName == login, cancellationToken);
    }

    /// <summary>The active user's current security stamp; null when the user is gone or inactive. One small query.</summary>
    public async Task<Guid?> StampOfAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => (Guid?)u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);

    public async Task<AppUser?> FindByIdAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == id && u.IsActive, cancellationToken);

    /// <summary>The claims of <paramref name="user"/>; <paramref name="entraRoles"/> are added to the database roles.</summary>
    public static ClaimsPrincipal Create(AppUser user, AppRoles entraRoles, string authenticationType = AuthenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Upn, user.LoginName),
            new(DashboardClaims.SecurityStamp, user.SecurityStamp.ToString()),
        };
        claims.AddRange(RoleNames.Split(user.Roles | entraRoles).Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        claims.AddRange(RoleNames.Split(entraRoles).Select(r => new Claim(DashboardClaims.EntraRole, r.ToString())));
        claims.AddRange(user.Departments.OrderBy(d => d.Code).Select(d => new Claim(DashboardClaims.Department, d.Code)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Our roles among Entra app role values (their value names are ours: SectionStaff, Committee, Planner, Admin).</summary>
    public static AppRoles RolesFromEntra(IEnumerable<string> values) =>
        values.Aggregate(AppRoles.None, (roles, value) =>
            Enum.TryParse<AppRoles>(value, ignoreCase: true, out var role) && RoleNames.All.Contains(role) ? roles | role : roles);
}
