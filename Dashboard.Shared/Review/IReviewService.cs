using Dashboard.Shared.Entries;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Review;

/// <summary>The secretariat's side of a quarter: review, the collection window, the completion board, closing.</summary>
public interface IReviewService
{
    /// <summary>The quarter's submissions; null quarter means the reporting quarter.</summary>
    Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>Approves or returns a submission.</summary>
    Task<Outcome<EntryDto>> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Closes a quarter: its entries can no longer change. Refused while entries wait, unless confirmed with a reason.</summary>
    Task<Outcome<Done>> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reopens a closed quarter (admin only), with a reason.</summary>
    Task<Outcome<Done>> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default);

    /// <summary>Who has reported what, by department; null quarter means the reporting quarter.</summary>
    Task<CompletionBoardDto?> GetBoardAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>Changes a quarter's collection window (planner), audited.</summary>
    Task<Outcome<CollectionWindowDto>> SetWindowAsync(int fiscalYear, int quarter, SetWindowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reminds one department's staff of its missing reports, in the app and by mail.</summary>
    Task<Outcome<RemindResult>> RemindAsync(int fiscalYear, int quarter, RemindRequest request, CancellationToken cancellationToken = default);
}
