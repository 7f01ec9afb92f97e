using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Features.Exports;

/// <summary>Scheduled meeting packs over the API.</summary>
public sealed class ClientScheduledPackService(HttpClient http) : IScheduledPackService
{
    public Task<Outcome<ScheduledPacksDto>> GetAllAsync(CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ScheduledPacksDto>(http.GetAsync("api/exports/scheduled", cancellationToken), cancellationToken);

    public Task<Outcome<ScheduledPackDto>> ScheduleAsync(SchedulePackRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ScheduledPackDto>(http.PostAsJsonAsync("api/exports/scheduled", request, cancellationToken), cancellationToken);

    public Task<Outcome<ScheduledPackDto>> CancelAsync(long id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ScheduledPackDto>(http.PostAsync($"api/exports/scheduled/{id}/cancel", null, cancellationToken), cancellationToken);

    public Task<Outcome<ScheduledPackDto>> GetAsync(long id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ScheduledPackDto>(http.GetAsync($"api/exports/scheduled/{id}", cancellationToken), cancellationToken);
}
