using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Admin;

namespace Dashboard.Client.Features.Admin;

/// <summary>Admin API over HTTP; answers come back as outcomes.</summary>
public sealed class ClientAdminService(HttpClient http) : IAdminService
{
    public async Task<AdminOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<AdminOverviewDto>("api/admin", cancellationToken)
        ?? throw new InvalidOperationException("empty answer");

    public Task<Outcome<Done>> CreateUserAsync(SaveUserRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsJsonAsync("api/admin/users", request, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> UpdateUserAsync(int id, SaveUserRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PutAsJsonAsync($"api/admin/users/{id}", request, cancellationToken), cancellationToken);

    public Task<Outcome<TemporaryPasswordDto>> IssueTemporaryPasswordAsync(int id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<TemporaryPasswordDto>(http.PostAsync($"api/admin/users/{id}/temporary-password", null, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> UnlockAsync(int id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsync($"api/admin/users/{id}/unlock", null, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> ResetTwoFactorAsync(int id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsync($"api/admin/users/{id}/reset-two-factor", null, cancellationToken), cancellationToken);

    public async Task<SignInLogDto> GetSignInLogAsync(SignInLogQuery query, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<SignInLogDto>("api/admin/signin-log" + SignInLogAddress.Query(query), cancellationToken)
        ?? throw new InvalidOperationException("empty answer");

    public async Task<IReadOnlyList<ApiTokenDto>> GetTokensAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<ApiTokenDto>>("api/admin/tokens", cancellationToken) ?? [];

    public Task<Outcome<IssuedTokenDto>> IssueTokenAsync(IssueTokenRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<IssuedTokenDto>(http.PostAsJsonAsync("api/admin/tokens", request, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> RevokeTokenAsync(int id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsync($"api/admin/tokens/{id}/revoke", null, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> CreateDepartmentAsync(SaveDepartmentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsJsonAsync("api/admin/departments", request, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> UpdateDepartmentAsync(string code, SaveDepartmentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PutAsJsonAsync($"api/admin/departments/{Uri.EscapeDataString(code)}", request, cancellationToken), cancellationToken);
}
