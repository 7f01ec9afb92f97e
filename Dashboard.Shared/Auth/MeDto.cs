namespace Dashboard.Shared.Auth;

/// <summary>The signed-in person as the app sees them.</summary>
/// <param name="LoginName">UPN / e-mail.</param>
/// <param name="DisplayName">Name shown in the app.</param>
/// <param name="Roles">Effective roles (ours plus Entra app roles).</param>
/// <param name="DepartmentCodes">Departments the person reports for.</param>
public sealed record MeDto(string LoginName, string DisplayName, AppRoles Roles, IReadOnlyList<string> DepartmentCodes);
