using System.Net;
using System.Net.Http.Json;
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
        using var response = await sending;
        if (response.IsSuccessStatusCode)
        {
            return SaveResult.Ok;
        }

        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<Problem>(cancellationToken)
            : null;
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest when problem?.Errors is { Count: > 0 } errors => new SaveResult(false, errors),
            HttpStatusCode.Forbidden => SaveResult.Failed("この操作をする権限がありません。"),
            HttpStatusCode.Unauthorized => SaveResult.Failed("サインインの有効期限が切れました。ページを再読み込みしてサインインしてください。"),
            _ => SaveResult.Failed(problem?.Detail ?? problem?.Title ?? $"保存できませんでした（{(int)response.StatusCode}）。"),
        };
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
