using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Features.Findings;

/// <summary>The committee's findings over the API.</summary>
public sealed class ClientFindingService(HttpClient http) : IFindingService
{
    public Task<Outcome<FindingsDto>> GetAsync(CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<FindingsDto>(http.GetAsync("api/findings/", cancellationToken), cancellationToken);

    public Task<Outcome<MeetingDto>> RecordMeetingAsync(RecordMeetingRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<MeetingDto>(http.PostAsJsonAsync("api/findings/meetings", request, cancellationToken), cancellationToken);

    public Task<Outcome<FindingDto>> RespondAsync(long id, RespondFindingRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<FindingDto>(http.PutAsJsonAsync($"api/findings/{id}/response", request, cancellationToken), cancellationToken);

    public Task<Outcome<FindingDto>> ConfirmAsync(long id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<FindingDto>(http.PostAsync($"api/findings/{id}/confirm", null, cancellationToken), cancellationToken);
}
