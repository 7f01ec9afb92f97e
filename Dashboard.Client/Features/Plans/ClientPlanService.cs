using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Features.Plans;

/// <summary>Reads plans through the server API.</summary>
public sealed class ClientPlanService(HttpClient http) : IPlanService
{
    public async Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/plans/current", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PlanDto>(cancellationToken);
    }
}
