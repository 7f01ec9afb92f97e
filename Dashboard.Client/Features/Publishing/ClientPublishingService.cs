using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Publishing;

namespace Dashboard.Client.Features.Publishing;

/// <summary>Publishing through the server API; a refusal comes back as the server's Japanese detail.</summary>
public sealed class ClientPublishingService(HttpClient http) : IPublishingService
{
    public async Task<PublishingDto?> GetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/publishing", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PublishingDto>(cancellationToken);
    }

    public async Task<Outcome<Done>> PublishAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        return await ProblemAsync(http.PostAsync($"api/publishing/{fiscalYear}/{quarter}", null, cancellationToken), cancellationToken);
    }

    public async Task<Outcome<Done>> WithdrawAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        return await ProblemAsync(http.DeleteAsync($"api/publishing/{fiscalYear}/{quarter}", cancellationToken), cancellationToken);
    }

    public async Task<Outcome<Done>> SetNotesPublicAsync(string kpiCode, int fiscalYear, int quarter, bool isPublic, CancellationToken cancellationToken = default)
    {
        return await ProblemAsync(http.PutAsJsonAsync($"api/publishing/notes/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", new NoteVisibilityRequest(isPublic), cancellationToken), cancellationToken);
    }

    private static Task<Outcome<Done>> ProblemAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken) =>
        ProblemReader.ReadAsync<Done>(sending, cancellationToken);
}
