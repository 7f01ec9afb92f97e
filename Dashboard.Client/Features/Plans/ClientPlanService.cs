using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Kpis;
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

    public async Task<IReadOnlyDictionary<string, string[]>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("api/plans/current/grading", grading, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new Dictionary<string, string[]>();
        }

        var problem = response.StatusCode == HttpStatusCode.BadRequest ? await response.Content.ReadFromJsonAsync<ValidationErrors>(cancellationToken) : null;
        return problem?.Errors ?? new Dictionary<string, string[]> { [""] = [$"保存できませんでした（{(int)response.StatusCode}）。"] };
    }

    private sealed record ValidationErrors(Dictionary<string, string[]>? Errors);
}
