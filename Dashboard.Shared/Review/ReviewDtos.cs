using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Review;

/// <summary>A submission waiting for the secretariat, or already decided.</summary>
public sealed record SubmissionDto(
    string KpiCode,
    string KpiName,
    int InitiativeNumber,
    IReadOnlyList<string> Departments,
    int FiscalYear,
    int Quarter,
    string Figure,
    KpiStatus Status,
    EntryState State,
    string? Done,
    string? Check,
    string? Act,
    string? ReviewComment,
    string UpdatedBy,
    DateTime UpdatedUtc,
    Guid Version,
    string? SubmittedBy = null,
    DateTime? SubmittedUtc = null);

/// <summary>Approve, or return with a comment the department sees.</summary>
public sealed record ReviewDecisionRequest(bool Approve, string? Comment, Guid Version);

/// <summary>
/// Close a quarter. While an entry is 提出済 or 差戻し the close is refused with their list, unless the secretariat
/// confirms with a reason; those entries then stay 未承認 and the pack says 未承認のまま締切.
/// </summary>
/// <param name="Confirm">Close although entries are still waiting.</param>
/// <param name="Reason">Why, required with <paramref name="Confirm"/> when entries are waiting; audited.</param>
public sealed record CloseQuarterRequest(bool Confirm = false, string? Reason = null);

/// <summary>Reopen a closed quarter: admin only, with a reason.</summary>
public sealed record ReopenQuarterRequest(string? Reason);

/// <summary>The review page: the quarter's submissions and whether it is closed.</summary>
/// <param name="FiscalYear">Quarter shown.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="IsClosed">Whether the secretariat has closed it.</param>
/// <param name="Quarters">The plan's quarters for the picker.</param>
/// <param name="Items">Submissions, waiting ones first.</param>
/// <param name="KpiCount">KPIs in the plan.</param>
/// <param name="ApprovedCount">Of them, approved for the quarter.</param>
/// <param name="Window">The quarter's collection window.</param>
/// <param name="Today">The server's date (Japan) for the due line; null once the plan has ended (nothing is chased).</param>
public sealed record ReviewQueueDto(int FiscalYear, int Quarter, bool IsClosed, IReadOnlyList<QuarterOption> Quarters, IReadOnlyList<SubmissionDto> Items, int KpiCount = 0, int ApprovedCount = 0,
    CollectionWindowDto? Window = null, DateOnly? Today = null)
{
    /// <summary>KPIs with no approved figure for the quarter (未報告, 下書き, 提出済 or 差戻し).</summary>
    public int NotApprovedCount => KpiCount - ApprovedCount;
}
