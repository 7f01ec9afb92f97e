using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;

namespace Dashboard.Client.Features.Entries;

/// <summary>Entry and review over the API; ProblemDetails come back as <see cref="EntrySaveResult"/>.</summary>
public sealed class ClientEntryService(HttpClient http) : IEntryService
{
    public Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<MyKpisDto>($"api/entries/mine{QuarterQuery(fiscalYear, quarter)}", cancellationToken);

    public Task<EntryDto?> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<EntryDto>($"api/entries/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", cancellationToken);

    public Task<EntrySaveResult> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PutAsJsonAsync($"api/entries/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", request, cancellationToken), cancellationToken);

    public Task<EntrySaveResult> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync("api/entries/bulk", request, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<EntryHistoryDto>?> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default) =>
        await GetOrNullAsync<List<EntryHistoryDto>>($"api/entries/{Uri.EscapeDataString(kpiCode)}/history", cancellationToken);

    public Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<ReviewQueueDto>($"api/review{QuarterQuery(fiscalYear, quarter)}", cancellationToken);

    public Task<EntrySaveResult> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync($"api/review/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", request, cancellationToken), cancellationToken);

    public Task<EntrySaveResult> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync($"api/quarters/{fiscalYear}/{quarter}/close", request, cancellationToken), cancellationToken);

    public Task<EntrySaveResult> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync($"api/entries/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}/withdraw", request, cancellationToken), cancellationToken);

    public Task<EntrySaveResult> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(http.PostAsJsonAsync($"api/quarters/{fiscalYear}/{quarter}/reopen", request, cancellationToken), cancellationToken);

    private static string QuarterQuery(int? fiscalYear, int? quarter) =>
        fiscalYear is { } fy && quarter is { } q ? $"?fiscalYear={fy}&quarter={q}" : "";

    private async Task<T?> GetOrNullAsync<T>(string url, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => null,
            HttpStatusCode.Forbidden => throw new UnauthorizedAccessException(),
            _ => await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<T>(cancellationToken),
        };
    }

    private static async Task<EntrySaveResult> SendAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await sending;
        if (response.IsSuccessStatusCode)
        {
            var entry = response.Content.Headers.ContentLength is 0 ? null : await response.Content.ReadFromJsonAsync<EntryDto?>(cancellationToken);
            return entry is null ? EntrySaveResult.Completed : EntrySaveResult.Saved(entry);
        }

        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<Problem>(cancellationToken)
            : null;
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => EntrySaveResult.Invalid(problem?.Errors ?? new Dictionary<string, string[]> { [""] = [problem?.Detail ?? "入力内容を確認してください。"] }),
            HttpStatusCode.Conflict when problem?.Current is not null || problem?.Title == "ほかの人が先に保存しました" =>
                EntrySaveResult.Conflict(problem.Current, problem.Detail ?? "ほかの人が先に保存しました。"),
            HttpStatusCode.Forbidden => EntrySaveResult.Refused("この操作をする権限がありません。", EntrySaveOutcome.Forbidden),
            HttpStatusCode.NotFound => EntrySaveResult.Refused(problem?.Detail ?? "見つかりません。", EntrySaveOutcome.NotFound),
            HttpStatusCode.Unauthorized => EntrySaveResult.Refused("サインインの有効期限が切れました。入力内容を控えてから、ページを再読み込みしてください。"),
            _ => EntrySaveResult.Refused(problem?.Detail ?? $"保存できませんでした（{(int)response.StatusCode}）。入力内容はそのまま残っています。"),
        };
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors, EntryDto? Current);
}
