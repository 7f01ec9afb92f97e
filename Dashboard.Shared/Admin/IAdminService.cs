namespace Dashboard.Shared.Admin;

/// <summary>Users, roles and departments. Every change is recorded in the audit history.</summary>
public interface IAdminService
{
    /// <summary>Users, departments and the latest changes.</summary>
    Task<AdminOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a person.</summary>
    Task<SaveResult> CreateUserAsync(SaveUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a person.</summary>
    Task<SaveResult> UpdateUserAsync(int id, SaveUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a department.</summary>
    Task<SaveResult> CreateDepartmentAsync(SaveDepartmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames a department.</summary>
    Task<SaveResult> UpdateDepartmentAsync(string code, SaveDepartmentRequest request, CancellationToken cancellationToken = default);
}
