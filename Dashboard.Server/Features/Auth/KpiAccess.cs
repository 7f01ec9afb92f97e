using System.Security.Claims;
using Dashboard.Server.Data;
using Microsoft.EntityFrameworkCore;
using Dashboard.Shared.Auth;

namespace Dashboard.Server.Features.Auth;

/// <summary>Department scoping: section staff enter figures only for KPIs their departments own; admins for any.</summary>
public static class KpiAccess
{
    public static bool MayEnter(ClaimsPrincipal user, IEnumerable<string> ownerDepartmentCodes) =>
        user.IsInRole(RoleNames.Admin)
        || (user.IsInRole(RoleNames.SectionStaff) && ownerDepartmentCodes.Intersect(DepartmentsOf(user)).Any());

    /// <summary>Drafts, submissions, returns and their history: the owning departments, the reviewers and the admin.</summary>
    public static bool MayReadUnapproved(ClaimsPrincipal user, IEnumerable<string> ownerDepartmentCodes) =>
        user.IsInRole(RoleNames.Planner) || MayEnter(user, ownerDepartmentCodes);

    public static IReadOnlyList<string> DepartmentsOf(ClaimsPrincipal user) =>
        user.FindAll(DashboardClaims.Department).Select(c => c.Value).ToList();

    /// <summary>The plan's KPIs <paramref name="user"/> may enter (all for an admin), with targets and owners, in display order.</summary>
    public static IQueryable<Kpi> EnterableBy(this IQueryable<Kpi> kpis, ClaimsPrincipal user, int planId)
    {
        var departments = DepartmentsOf(user);
        var isAdmin = user.IsInRole(RoleNames.Admin);
        return kpis.AsNoTracking().AsSplitQuery().Include(k => k.Targets).Include(k => k.Owners)
            .Where(k => k.PlanId == planId && (isAdmin || k.Owners.Any(o => departments.Contains(o.Code))))
            .OrderBy(k => k.DisplayOrder);
    }
}

/// <summary>
/// Marks an endpoint whose handler also checks the caller's departments against the KPI's owners (403 when they do
/// not match). The authorization matrix test reads it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class DepartmentScopedAttribute : Attribute;

/// <summary>
/// Marks an endpoint whose handler checks the caller against the place's audience: the owning department's staff, the
/// reviewers, the committee and the admin (403 for another department's staff). The authorization matrix test reads it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class AudienceScopedAttribute : Attribute;
