using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Assessments;

namespace Dashboard.Client.Features.Assessments;

/// <summary>Initiative assessments through the server API; answers read as outcomes by their problem type, never by the message text.</summary>
public sealed class ClientAssessmentService(HttpClient http) : IAssessmentService
{
    public async Task<InitiativeAssessmentDto?> GetAsync(int initiative, int fiscalYear, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/assessments/{initiative}/{fiscalYear}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<InitiativeAssessmentDto>(cancellationToken);
    }

    public Task<Outcome<InitiativeAssessmentDto>> SaveAsync(int initiative, int fiscalYear, SaveAssessmentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<InitiativeAssessmentDto>(http.PutAsJsonAsync($"api/assessments/{initiative}/{fiscalYear}", request, cancellationToken), cancellationToken);

    public Task<Outcome<InitiativeAssessmentDto>> ReplyAsync(int initiative, int fiscalYear, SaveReplyRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<InitiativeAssessmentDto>(http.PutAsJsonAsync($"api/assessments/{initiative}/{fiscalYear}/reply", request, cancellationToken), cancellationToken);
}
