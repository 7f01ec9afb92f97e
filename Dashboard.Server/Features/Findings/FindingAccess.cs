using System.Security.Claims;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Auth;

namespace Dashboard.Server.Features.Findings;

/// <summary>
/// Who sees and changes findings: the planner (secretariat) and the admin everything; the committee reads every
/// finding (they asked for them); a department's staff read and answer their department's.
/// </summary>
public static class FindingAccess
{
    /// <summary>Records meetings and confirms 完了.</summary>
    public static bool MayRecord(ClaimsPrincipal user) => user.IsInRole(RoleNames.Planner) || user.IsInRole(RoleNames.Admin);

    /// <summary>Reads every finding.</summary>
    public static bool MayReadAll(ClaimsPrincipal user) => MayRecord(user) || user.IsInRole(RoleNames.Committee);

    /// <summary>Records the department's 対応状況.</summary>
    public static bool MayRespond(ClaimsPrincipal user, string departmentCode) =>
        MayRecord(user) || (user.IsInRole(RoleNames.SectionStaff) && KpiAccess.DepartmentsOf(user).Contains(departmentCode));

    /// <summary>Reads a finding of <paramref name="departmentCode"/>.</summary>
    public static bool MayRead(ClaimsPrincipal user, string departmentCode) => MayReadAll(user) || MayRespond(user, departmentCode);
}
