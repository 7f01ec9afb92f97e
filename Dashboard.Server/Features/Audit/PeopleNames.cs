using Dashboard.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Audit;

/// <summary>Audit rows and entries record login names; people read display names. One query for a page's worth.</summary>
public static class PeopleNames
{
    /// <summary>Login name to display name for <paramref name="logins"/>; logins of nobody we know map to themselves.</summary>
    public static async Task<Func<string, string>> ResolveAsync(DashboardDbContext db, IEnumerable<string> logins, CancellationToken cancellationToken)
    {
        var wanted = logins.Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.LoginName))
            .Select(u => new { u.LoginName, u.DisplayName }).ToDictionaryAsync(u => u.LoginName, u => u.DisplayName, cancellationToken);
        return login => names.GetValueOrDefault(login, login);
    }
}
