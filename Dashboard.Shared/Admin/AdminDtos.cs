using Dashboard.Shared.Auth;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Admin;

/// <summary>Everything the admin page shows.</summary>
public sealed record AdminOverviewDto(IReadOnlyList<UserDto> Users, IReadOnlyList<DepartmentDto> Departments, IReadOnlyList<AuditEntryDto> RecentChanges,
    Dashboard.Shared.Notifications.MailStatusDto? Mail = null, BackupStatusDto? Backups = null, bool LocalAccounts = false);

/// <summary>The SQLite backups the admin page shows: where they go and each generation, newest first.</summary>
/// <param name="Folder">The folder on the server.</param>
/// <param name="Keep">How many generations are kept.</param>
/// <param name="IntervalHours">Hours between scheduled backups (0: none scheduled).</param>
/// <param name="Generations">Newest first.</param>
public sealed record BackupStatusDto(string Folder, int Keep, int IntervalHours, IReadOnlyList<BackupGenerationDto> Generations);

/// <summary>One backup.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="CreatedUtc">When it was taken.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sound">Whether it passed the integrity check.</param>
/// <param name="Problem">What the check found, when it failed.</param>
public sealed record BackupGenerationDto(string Name, DateTime CreatedUtc, long Bytes, bool Sound, string? Problem);

/// <summary>A person who may sign in.</summary>
/// <param name="Id">Database id.</param>
/// <param name="LoginName">UPN / e-mail used to sign in (Entra ID) or to pick the demo user.</param>
/// <param name="DisplayName">Shown in the app and in the audit history.</param>
/// <param name="Roles">Roles given in the app (Entra app roles add to these at sign-in).</param>
/// <param name="DepartmentCodes">Departments whose KPIs the person reports.</param>
/// <param name="IsActive">Inactive people cannot sign in.</param>
/// <param name="IsDemo">Loaded from seed-data/demo-users.json.</param>
/// <param name="SignIn">How the person signs in (local password, authenticator, lock, last sign-in).</param>
/// <param name="Email">The mail address notices go to, when the login is not one (null: none kept).</param>
public sealed record UserDto(int Id, string LoginName, string DisplayName, AppRoles Roles, IReadOnlyList<string> DepartmentCodes, bool IsActive, bool IsDemo,
    UserSignInDto? SignIn = null, string? Email = null);

/// <summary>Create or change a person.</summary>
public sealed record SaveUserRequest(string LoginName, string DisplayName, AppRoles Roles, IReadOnlyList<string> DepartmentCodes, bool IsActive, string? Email = null);

/// <summary>Create or rename a department.</summary>
public sealed record SaveDepartmentRequest(string Code, string Name);

/// <summary>One recorded change: the stored values, and (when the server has them) the same in words people read.</summary>
/// <param name="AtUtc">When.</param>
/// <param name="Actor">Login name of who changed it.</param>
/// <param name="EntityType">User, Department, ...</param>
/// <param name="EntityKey">Login name or department code.</param>
/// <param name="Field">The stored field name (Departments, Roles, ...).</param>
/// <param name="OldValue">Stored value before.</param>
/// <param name="NewValue">Stored value after.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="ActorName">The actor's display name.</param>
/// <param name="FieldLabel">The field in Japanese (担当課, 役割, ...).</param>
/// <param name="OldText">The value before in words (department names, role names, 有効/無効).</param>
/// <param name="NewText">The value after in words.</param>
public sealed record AuditEntryDto(DateTime AtUtc, string Actor, string EntityType, string EntityKey, string Field, string? OldValue, string? NewValue, string? Reason,
    string? ActorName = null, string? FieldLabel = null, string? OldText = null, string? NewText = null);
