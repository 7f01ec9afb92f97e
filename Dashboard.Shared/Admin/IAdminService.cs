using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Admin;

/// <summary>Users, roles and departments. Every change is recorded in the audit history.</summary>
public interface IAdminService
{
    /// <summary>Users, departments and the latest changes.</summary>
    Task<AdminOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a person.</summary>
    Task<Outcome<Done>> CreateUserAsync(SaveUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a person.</summary>
    Task<Outcome<Done>> UpdateUserAsync(int id, SaveUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a department.</summary>
    Task<Outcome<Done>> CreateDepartmentAsync(SaveDepartmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames a department.</summary>
    Task<Outcome<Done>> UpdateDepartmentAsync(string code, SaveDepartmentRequest request, CancellationToken cancellationToken = default);
}
