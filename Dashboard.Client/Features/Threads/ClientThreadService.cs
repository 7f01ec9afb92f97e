using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Threads;

namespace Dashboard.Client.Features.Threads;

/// <summary>Comment threads over the API.</summary>
public sealed class ClientThreadService(HttpClient http) : IThreadService
{
    public Task<Outcome<ThreadListDto>> GetKpiThreadsAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadListDto>(http.GetAsync($"api/threads/kpis/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", cancellationToken), cancellationToken);

    public Task<Outcome<ThreadListDto>> GetInitiativeThreadsAsync(int initiative, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadListDto>(http.GetAsync($"api/threads/initiatives/{initiative}", cancellationToken), cancellationToken);

    public Task<Outcome<ThreadDto>> StartKpiThreadAsync(string kpiCode, int fiscalYear, int quarter, PostCommentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadDto>(http.PostAsJsonAsync($"api/threads/kpis/{Uri.EscapeDataString(kpiCode)}/{fiscalYear}/{quarter}", request, cancellationToken), cancellationToken);

    public Task<Outcome<ThreadDto>> StartInitiativeThreadAsync(int initiative, PostCommentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadDto>(http.PostAsJsonAsync($"api/threads/initiatives/{initiative}", request, cancellationToken), cancellationToken);

    public Task<Outcome<ThreadDto>> ReplyAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadDto>(http.PostAsJsonAsync($"api/threads/{id}/comments", request, cancellationToken), cancellationToken);

    public Task<Outcome<ThreadDto>> EditCommentAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadDto>(http.PutAsJsonAsync($"api/threads/comments/{id}", request, cancellationToken), cancellationToken);

    public Task<Outcome<ThreadDto>> DeleteCommentAsync(long id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadDto>(http.DeleteAsync($"api/threads/comments/{id}", cancellationToken), cancellationToken);

    public Task<Outcome<ThreadDto>> ResolveAsync(long id, ResolveThreadRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<ThreadDto>(http.PostAsJsonAsync($"api/threads/{id}/resolve", request, cancellationToken), cancellationToken);
}
