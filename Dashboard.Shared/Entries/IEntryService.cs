using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Entries;

/// <summary>Quarterly entry for section staff, and a KPI's history. Review and closing are in <c>IReviewService</c>.</summary>
public interface IEntryService
{
    /// <summary>The person's KPIs for a quarter; null quarter means the reporting quarter (the one just ended, within the plan).</summary>
    Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>One entry for editing; NotFound when the KPI or quarter does not exist, Forbidden for another department's KPI.</summary>
    Task<Outcome<EntryDto>> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default);

    /// <summary>Saves a draft or submits.</summary>
    Task<Outcome<EntryDto>> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Saves drafts for several KPIs of one quarter: all or none.</summary>
    Task<Outcome<EntryDto>> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The history of one KPI, newest first; Forbidden for someone who may not read unapproved entries (only the owning
    /// departments, the reviewers and the admin may), NotFound for an unknown KPI.
    /// </summary>
    Task<Outcome<IReadOnlyList<EntryHistoryDto>>> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default);

    /// <summary>Takes the caller's department's submission back to 下書き (before the secretariat decides).</summary>
    Task<Outcome<EntryDto>> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default);
}
