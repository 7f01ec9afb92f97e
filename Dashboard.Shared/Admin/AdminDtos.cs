using Dashboard.Shared.Auth;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Admin;

/// <summary>Everything the admin page shows.</summary>
public sealed record AdminOverviewDto(IReadOnlyList<UserDto> Users, IReadOnlyList<DepartmentDto> Departments, IReadOnlyList<AuditEntryDto> RecentChanges);

/// <summary>A person who may sign in.</summary>
/// <param name="Id">Database id.</param>
/// <param name="LoginName">UPN / e-mail used to sign in (Entra ID) or to pick the demo user.</param>
/// <param name="DisplayName">Shown in the app and in the audit history.</param>
/// <param name="Roles">Roles given in the app (Entra app roles add to these at sign-in).</param>
/// <param name="DepartmentCodes">Departments whose KPIs the person reports.</param>
/// <param name="IsActive">Inactive people cannot sign in.</param>
/// <param name="IsDemo">Loaded from seed-data/demo-users.json.</param>
public sealed record UserDto(int Id, string LoginName, string DisplayName, AppRoles Roles, IReadOnlyList<string> DepartmentCodes, bool IsActive, bool IsDemo);

/// <summary>Create or change a person.</summary>
public sealed record SaveUserRequest(string LoginName, string DisplayName, AppRoles Roles, IReadOnlyList<string> DepartmentCodes, bool IsActive);

/// <summary>Create or rename a department.</summary>
public sealed record SaveDepartmentRequest(string Code, string Name);

/// <summary>One recorded change.</summary>
public sealed record AuditEntryDto(DateTime AtUtc, string Actor, string EntityType, string EntityKey, string Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>The outcome of a save: errors by field, or a message for the whole form (conflict, not found).</summary>
public sealed record SaveResult(bool Succeeded, IReadOnlyDictionary<string, string[]> Errors, string? Message = null)
{
    /// <summary>Saved.</summary>
    public static SaveResult Ok { get; } = new(true, new Dictionary<string, string[]>());

    /// <summary>Refused with a message.</summary>
    public static SaveResult Failed(string message) => new(false, new Dictionary<string, string[]>(), message);
}
