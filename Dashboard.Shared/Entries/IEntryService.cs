namespace Dashboard.Shared.Entries;

/// <summary>Quarterly entry for section staff, review for the secretariat, history for everyone.</summary>
public interface IEntryService
{
    /// <summary>The person's KPIs for a quarter; null quarter means the reporting quarter (the one just ended, within the plan).</summary>
    Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>One entry for editing; null when the KPI or quarter does not exist.</summary>
    Task<EntryDto?> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default);

    /// <summary>Saves a draft or submits.</summary>
    Task<EntrySaveResult> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Saves drafts for several KPIs of one quarter: all or none.</summary>
    Task<EntrySaveResult> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The history of one KPI, newest first; null for someone who may not read unapproved entries (only the owning
    /// departments, the reviewers and the admin may) or for an unknown KPI.
    /// </summary>
    Task<IReadOnlyList<EntryHistoryDto>?> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default);

    /// <summary>The quarter's submissions for the secretariat.</summary>
    Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>Approves or returns a submission.</summary>
    Task<EntrySaveResult> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Closes a quarter: its entries can no longer change. Refused while entries wait, unless confirmed with a reason.</summary>
    Task<EntrySaveResult> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default);

    /// <summary>Takes the caller's department's submission back to 下書き (before the secretariat decides).</summary>
    Task<EntrySaveResult> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reopens a closed quarter (admin only), with a reason.</summary>
    Task<EntrySaveResult> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default);
}
