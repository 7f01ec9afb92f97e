using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Admin;

namespace Dashboard.Client.Features.Admin;

/// <summary>Admin API over HTTP; ProblemDetails come back as <see cref="SaveResult"/>.</summary>
public sealed class ClientAdminService(HttpClient http) : IAdminService
{
    public async Task<AdminOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<AdminOverviewDto>("api/admin", cancellationToken)
        ?? throw new InvalidOperationException("empty answer");

    public Task<SaveResult> CreateUserAsync(SaveUserRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync("api/admin/users", request, cancellationToken), cancellationToken);

    public Task<SaveResult> UpdateUserAsync(int id, SaveUserRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PutAsJsonAsync($"api/admin/users/{id}", request, cancellationToken), cancellationToken);

    public Task<SaveResult> CreateDepartmentAsync(SaveDepartmentRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync("api/admin/departments", request, cancellationToken), cancellationToken);

    public Task<SaveResult> UpdateDepartmentAsync(string code, SaveDepartmentRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PutAsJsonAsync($"api/admin/departments/{Uri.EscapeDataString(code)}", request, cancellationToken), cancellationToken);

    private static async Task<SaveResult> SendAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        var result = await ProblemReader.ReadDoneAsync(sending, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Saved => SaveResult.Ok,
            OutcomeKind.Invalid when result.Errors.Count > 0 => new SaveResult(false, result.Errors.ToDictionary(e => e.Key, e => e.Value)),
            _ => SaveResult.Failed(result.FirstMessage ?? "保存できませんでした。"),
        };
    }
}
