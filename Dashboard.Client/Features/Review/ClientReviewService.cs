using System.Net.Http.Json;
using Dashboard.Client.Features.Entries;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Review;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Features.Review;

/// <summary>The secretariat's side over the API.</summary>
public sealed class ClientReviewService(HttpClient http) : IReviewService
{
    public async Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        (await ProblemReader.ReadAsync<ReviewQueueDto>(http.GetAsync($"api/review{ClientEntryService.QuarterQuery(fiscalYear, quarter)}", cancellationToken), cancellationToken)).Value;

    public Task<Outcome<EntryDto>> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<EntryDto>(http.PostAsJsonAsync($"api/review/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", request, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsJsonAsync($"api/quarters/{fiscalYear}/{quarter}/close", request, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsJsonAsync($"api/quarters/{fiscalYear}/{quarter}/reopen", request, cancellationToken), cancellationToken);

    public async Task<CompletionBoardDto?> GetBoardAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        (await ProblemReader.ReadAsync<CompletionBoardDto>(http.GetAsync($"api/review/board{ClientEntryService.QuarterQuery(fiscalYear, quarter)}", cancellationToken), cancellationToken)).Value;

    public Task<Outcome<CollectionWindowDto>> SetWindowAsync(int fiscalYear, int quarter, SetWindowRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<CollectionWindowDto>(http.PutAsJsonAsync($"api/quarters/{fiscalYear}/{quarter}/window", request, cancellationToken), cancellationToken);

    public Task<Outcome<RemindResult>> RemindAsync(int fiscalYear, int quarter, RemindRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<RemindResult>(http.PostAsJsonAsync($"api/quarters/{fiscalYear}/{quarter}/remind", request, cancellationToken), cancellationToken);
}
