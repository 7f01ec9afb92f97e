using Dashboard.Shared.Problems;
using Dashboard.Shared.Threads;

namespace Dashboard.Client.Tests;

/// <summary>
/// For page tests about something else: the place has no threads and the caller may not write. Threads themselves
/// are proven against the server and the HTTP client in ServiceContractTests and ThreadApiTests.
/// </summary>
internal class NoThreads : IThreadService
{
    private static readonly Outcome<ThreadListDto> _empty = Outcome.Ok(new ThreadListDto([], false, []));

    public Task<Outcome<ThreadListDto>> GetKpiThreadsAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default) => Task.FromResult(_empty);

    public Task<Outcome<ThreadListDto>> GetInitiativeThreadsAsync(int initiative, CancellationToken cancellationToken = default) => Task.FromResult(_empty);

    public Task<Outcome<ThreadDto>> StartKpiThreadAsync(string kpiCode, int fiscalYear, int quarter, PostCommentRequest request, CancellationToken cancellationToken = default) => Refused();

    public Task<Outcome<ThreadDto>> StartInitiativeThreadAsync(int initiative, PostCommentRequest request, CancellationToken cancellationToken = default) => Refused();

    public Task<Outcome<ThreadDto>> ReplyAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default) => Refused();

    public virtual Task<Outcome<ThreadDto>> EditCommentAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default) => Refused();

    public Task<Outcome<ThreadDto>> DeleteCommentAsync(long id, CancellationToken cancellationToken = default) => Refused();

    public Task<Outcome<ThreadDto>> ResolveAsync(long id, ResolveThreadRequest request, CancellationToken cancellationToken = default) => Refused();

    private static Task<Outcome<ThreadDto>> Refused() => Task.FromResult(Outcome.Refused<ThreadDto>("このテストではスレッドに書けません。"));
}
