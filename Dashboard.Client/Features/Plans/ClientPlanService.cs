using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
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
        var result = await ProblemReader.ReadDoneAsync(http.PutAsJsonAsync("api/plans/current/grading", grading, cancellationToken), cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Saved => new Dictionary<string, string[]>(),
            OutcomeKind.Invalid => result.Errors,
            _ => new Dictionary<string, string[]> { [""] = [result.Message ?? "保存できませんでした。"] },
        };
    }
}
