using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Features.Entries;

/// <summary>Entry over the API; problems come back as outcomes through <see cref="ProblemReader"/>.</summary>
public sealed class ClientEntryService(HttpClient http) : IEntryService
{
    public async Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        (await ProblemReader.ReadAsync<MyKpisDto>(http.GetAsync($"api/entries/mine{QuarterQuery(fiscalYear, quarter)}", cancellationToken), cancellationToken)).Value;

    public Task<Outcome<EntryDto>> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<EntryDto>(http.GetAsync($"api/entries/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", cancellationToken), cancellationToken);

    public Task<Outcome<EntryDto>> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<EntryDto>(http.PutAsJsonAsync($"api/entries/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", request, cancellationToken), cancellationToken);

    public Task<Outcome<EntryDto>> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<EntryDto>(http.PostAsJsonAsync("api/entries/bulk", request, cancellationToken), cancellationToken);

    public Task<Outcome<IReadOnlyList<EntryHistoryDto>>> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<IReadOnlyList<EntryHistoryDto>>(http.GetAsync($"api/entries/{Uri.EscapeDataString(kpiCode)}/history", cancellationToken), cancellationToken);

    public Task<Outcome<EntryDto>> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<EntryDto>(http.PostAsJsonAsync($"api/entries/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}/withdraw", request, cancellationToken), cancellationToken);

    /// <summary>?fy=2025&amp;q=4, or nothing for the reporting quarter.</summary>
    public static string QuarterQuery(int? fiscalYear, int? quarter) =>
        fiscalYear is { } fy && quarter is { } q ? $"?{QuarterAddress.Query(fy, q)}" : "";
}
