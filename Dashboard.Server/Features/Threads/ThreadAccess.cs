using System.Security.Claims;
using Dashboard.Shared.Auth;

namespace Dashboard.Server.Features.Threads;

/// <summary>
/// Who may read and write a thread: the owning departments' staff, the secretariat and the admin always; the committee
/// unless the thread was started before the figure was approved (an internal thread). Nobody else: another
/// department's staff do not see a KPI's discussion.
/// </summary>
public static class ThreadAccess
{
    public static bool MayRead(AppRoles roles, IEnumerable<string> departments, IReadOnlyCollection<string> owners, bool isInternal) =>
        (roles & (AppRoles.Planner | AppRoles.Admin)) != 0
        || (roles.HasFlag(AppRoles.SectionStaff) && departments.Any(owners.Contains))
        || (roles.HasFlag(AppRoles.Committee) && !isInternal);

    public static bool MayRead(ClaimsPrincipal user, IReadOnlyCollection<string> owners, bool isInternal) =>
        MayRead(RolesOf(user), Auth.KpiAccess.DepartmentsOf(user), owners, isInternal);

    public static AppRoles RolesOf(ClaimsPrincipal user) =>
        RoleNames.All.Where(r => user.IsInRole(r.ToString())).Aggregate(AppRoles.None, (all, r) => all | r);
}
