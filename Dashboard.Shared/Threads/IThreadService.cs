using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Threads;

/// <summary>
/// Comment threads on a KPI's quarter and on an initiative (decision 022). The owning department, the secretariat,
/// the committee and the admin read and write; a thread started before the figure was approved stays with the owning
/// department, the secretariat and the admin.
/// </summary>
public interface IThreadService
{
    /// <summary>The KPI quarter's threads the caller may see.</summary>
    Task<Outcome<ThreadListDto>> GetKpiThreadsAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default);

    /// <summary>The initiative's threads the caller may see.</summary>
    Task<Outcome<ThreadListDto>> GetInitiativeThreadsAsync(int initiative, CancellationToken cancellationToken = default);

    /// <summary>Starts a thread on a KPI's quarter; mentioned people and departments are told.</summary>
    Task<Outcome<ThreadDto>> StartKpiThreadAsync(string kpiCode, int fiscalYear, int quarter, PostCommentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a thread on an initiative.</summary>
    Task<Outcome<ThreadDto>> StartInitiativeThreadAsync(int initiative, PostCommentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Answers a thread; the thread's earlier writers and those mentioned are told.</summary>
    Task<Outcome<ThreadDto>> ReplyAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes one's own comment; the earlier text stays in the history.</summary>
    Task<Outcome<ThreadDto>> EditCommentAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes one's own comment; the history keeps that it was there.</summary>
    Task<Outcome<ThreadDto>> DeleteCommentAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Resolves or reopens a thread.</summary>
    Task<Outcome<ThreadDto>> ResolveAsync(long id, ResolveThreadRequest request, CancellationToken cancellationToken = default);
}
