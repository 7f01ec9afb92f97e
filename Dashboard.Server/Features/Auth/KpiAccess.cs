using System.Security.Claims;
using Dashboard.Shared.Auth;

namespace Dashboard.Server.Features.Auth;

/// <summary>Department scoping: section staff enter figures only for KPIs their departments own; admins for any.</summary>
public static class KpiAccess
{
    public static bool MayEnter(ClaimsPrincipal user, IEnumerable<string> ownerDepartmentCodes) =>
        user.IsInRole(RoleNames.Admin)
        || (user.IsInRole(RoleNames.SectionStaff) && ownerDepartmentCodes.Intersect(DepartmentsOf(user)).Any());

    public static IReadOnlyList<string> DepartmentsOf(ClaimsPrincipal user) =>
        user.FindAll(DashboardClaims.Department).Select(c => c.Value).ToList();
}

/// <summary>
/// Marks an endpoint whose handler also checks the caller's departments against the KPI's owners (403 when they do
/// not match). The authorization matrix test reads it.
/// </summary>
public sealed class DepartmentScopedAttribute : Attribute;
