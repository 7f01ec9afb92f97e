using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Assessments;

namespace Dashboard.Client.Features.Assessments;

/// <summary>Initiative assessments through the server API; the status code tells the outcome, never the message text.</summary>
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

    public async Task<AssessmentSaveResult> SaveAsync(int initiative, int fiscalYear, SaveAssessmentRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/assessments/{initiative}/{fiscalYear}", request, cancellationToken);
        return await ResultAsync(response, cancellationToken);
    }

    public async Task<AssessmentSaveResult> ReplyAsync(int initiative, int fiscalYear, SaveReplyRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"api/assessments/{initiative}/{fiscalYear}/reply", request, cancellationToken);
        return await ResultAsync(response, cancellationToken);
    }

    private static async Task<AssessmentSaveResult> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var result = await ProblemReader.ReadAsync<InitiativeAssessmentDto>(Task.FromResult(response), cancellationToken);
        var none = new Dictionary<string, string[]>();
        return result.Kind switch
        {
            OutcomeKind.Saved => new(AssessmentSaveStatus.Saved, none, result.Value),
            OutcomeKind.Invalid => new(AssessmentSaveStatus.Invalid, result.Errors),
            OutcomeKind.Forbidden or OutcomeKind.SignedOut => new(AssessmentSaveStatus.Forbidden, none),
            OutcomeKind.NotFound => new(AssessmentSaveStatus.NotFound, none),
            _ => new(AssessmentSaveStatus.Conflict, none),
        };
    }
}
