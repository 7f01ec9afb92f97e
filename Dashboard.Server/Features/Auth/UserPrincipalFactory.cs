using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// Builds the signed-in person from our database: roles (merged with Entra app roles when present) and the
/// departments they report for. The database, not the token, is the source of department membership.
/// </summary>
public sealed class UserPrincipalFactory(IServiceProvider services, SessionChecks checks)
{
    // The request's context, made only when something must be read: a session check answered from what this instance
    // keeps opens none (issue 22).
    private DashboardDbContext? _db;

    private DashboardDbContext db => _db ??= services.GetRequiredService<DashboardDbContext>();

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

    /// <summary>
    /// The active user's current security stamp, and whether <paramref name="session"/> is still open; the stamp is
    /// null when the user is gone or inactive. One small query, reused for a few seconds (<see cref="SessionChecks"/>).
    /// </summary>
    public Task<(Guid? Stamp, bool SessionOpen)> StampOfAsync(int id, Guid session, CancellationToken cancellationToken = default) =>
        checks.CheckAsync(id, session, () => ReadStampAsync(id, session, cancellationToken));

    /// <summary>As <see cref="StampOfAsync"/>, read from the database now (an open circuit's check once a minute).</summary>
    public async Task<(Guid? Stamp, bool SessionOpen)> ReadStampAsync(int id, Guid session, CancellationToken cancellationToken = default)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive)
            .Select(u => new { u.SecurityStamp, Open = db.Sessions.Any(s => s.Id == session && s.UserId == id && s.EndedUtc == null) })
            .FirstOrDefaultAsync(cancellationToken);
        return (row?.SecurityStamp, row?.Open ?? false);
    }

    /// <summary>Opens a session for a sign-in; sessions older than a month are cleared on the way.</summary>
    public async Task<Guid> OpenSessionAsync(int userId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var cutoff = nowUtc.AddDays(-31);
        await db.Sessions.Where(s => s.CreatedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, CreatedUtc = nowUtc };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>Records activity the browser reported on an open session.</summary>
    public async Task SeenAsync(Guid session, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        await db.Sessions.Where(s => s.Id == session && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, nowUtc), cancellationToken);

    /// <summary>When the session last reported activity (its start when it never did).</summary>
    public async Task<DateTime?> LastSeenAsync(Guid session, CancellationToken cancellationToken = default) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == session).Select(s => (DateTime?)(s.LastSeenUtc ?? s.CreatedUtc)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Ends every open session of a person but <paramref name="keep"/> (a password changed or reset): copies of the old
    /// sign-in stop working on every instance, within Auth:SessionCheckSeconds elsewhere.
    /// </summary>
    public async Task EndOtherSessionsAsync(int userId, Guid? keep, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await db.Sessions.Where(s => s.UserId == userId && s.EndedUtc == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, nowUtc), cancellationToken);
        checks.Forget(userId);
    }

    /// <summary>Ends a session: its cookie no longer signs anyone in, on any instance.</summary>
    public async Task EndSessionAsync(int userId, Guid session, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await db.Sessions.Where(s => s.Id == session && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, nowUtc), cancellationToken);
        checks.Forget(userId, session);
    }

    /// <summary>The session id a principal carries, if any.</summary>
    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(DashboardClaims.Session), out var id) ? id : null;

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
