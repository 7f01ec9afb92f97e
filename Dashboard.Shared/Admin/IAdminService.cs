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

    /// <summary>
    /// Gives the person a local account with a new temporary password (shown once), to be changed at their next
    /// sign-in; an existing password is replaced and a lock lifted.
    /// </summary>
    Task<Outcome<TemporaryPasswordDto>> IssueTemporaryPasswordAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Lifts a lock from wrong passwords.</summary>
    Task<Outcome<Done>> UnlockAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Removes the person's authenticator and recovery codes (a lost phone): they enrol again at sign-in.</summary>
    Task<Outcome<Done>> ResetTwoFactorAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>The sign-in log, newest first (at most 500 lines; the CSV has them all).</summary>
    Task<SignInLogDto> GetSignInLogAsync(SignInLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>The figures API's tokens, newest first.</summary>
    Task<IReadOnlyList<ApiTokenDto>> GetTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>Issues a figures API token; its value is in the answer and nowhere else.</summary>
    Task<Outcome<IssuedTokenDto>> IssueTokenAsync(IssueTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token: it stops working at once.</summary>
    Task<Outcome<Done>> RevokeTokenAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Renames a department.</summary>
    Task<Outcome<Done>> UpdateDepartmentAsync(string code, SaveDepartmentRequest request, CancellationToken cancellationToken = default);
}
