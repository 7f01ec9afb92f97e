using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Findings;

/// <summary>
/// The committee's findings (指摘事項) tracked to closure (decision 023): the planner records a 推進本部 meeting and
/// what it asked of which department by when; the department records its 対応状況; the planner confirms 完了.
/// </summary>
public interface IFindingService
{
    /// <summary>The meetings and findings the caller may see: everything for the planner, admin and committee; a department's own for its staff.</summary>
    Task<Outcome<FindingsDto>> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a meeting with its findings; each department is told.</summary>
    Task<Outcome<MeetingDto>> RecordMeetingAsync(RecordMeetingRequest request, CancellationToken cancellationToken = default);

    /// <summary>The department's 対応状況; 対応済 tells the planners.</summary>
    Task<Outcome<FindingDto>> RespondAsync(long id, RespondFindingRequest request, CancellationToken cancellationToken = default);

    /// <summary>The planner confirms a 対応済 finding 完了.</summary>
    Task<Outcome<FindingDto>> ConfirmAsync(long id, CancellationToken cancellationToken = default);
}
