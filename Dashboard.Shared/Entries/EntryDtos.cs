using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Entries;

/// <summary>The KPIs a person reports for one quarter.</summary>
/// <param name="FiscalYear">Quarter shown.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="IsClosed">Whether the secretariat has closed the quarter.</param>
/// <param name="Quarters">Quarters of the plan a person may pick, oldest first.</param>
/// <param name="Rows">One per KPI the person's departments own.</param>
public sealed record MyKpisDto(int FiscalYear, int Quarter, bool IsClosed, IReadOnlyList<QuarterOption> Quarters, IReadOnlyList<MyKpiRowDto> Rows);

/// <summary>A quarter in a picker.</summary>
public sealed record QuarterOption(int FiscalYear, int Quarter, bool IsClosed);

/// <summary>One KPI in the person's list for the quarter.</summary>
/// <param name="Kpi">The KPI with its targets.</param>
/// <param name="Expected">Value expected at the quarter's end, for numeric kinds.</param>
/// <param name="PreviousValue">Last quarter's figure (any state), as text for people.</param>
/// <param name="State">Null when nothing is entered (未入力).</param>
/// <param name="ReviewComment">The secretariat's comment when returned.</param>
public sealed record MyKpiRowDto(KpiDto Kpi, decimal? Expected, string? PreviousValue, EntryState? State, string? ReviewComment);

/// <summary>An entry as the form edits it.</summary>
/// <param name="Kpi">The KPI with its targets and owners.</param>
/// <param name="FiscalYear">Quarter.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="Thresholds">The plan's status thresholds.</param>
/// <param name="Expected">Value expected at the quarter's end.</param>
/// <param name="Value">The stored figure.</param>
/// <param name="Milestone">The stored milestone state.</param>
/// <param name="MilestoneDate">When the milestone was completed.</param>
/// <param name="Done">実施内容.</param>
/// <param name="Check">評価・課題.</param>
/// <param name="Act">改善策.</param>
/// <param name="EvidenceUrl">Optional link to evidence.</param>
/// <param name="State">Null when nothing is stored yet.</param>
/// <param name="ReviewComment">The secretariat's comment when returned.</param>
/// <param name="Version">The version the form edits; a save with another version is a conflict.</param>
/// <param name="UpdatedBy">Who saved last.</param>
/// <param name="UpdatedUtc">When.</param>
/// <param name="IsClosed">Quarter closed: read only.</param>
/// <param name="IsSample">サンプル data.</param>
public sealed record EntryDto(
    KpiDto Kpi,
    int FiscalYear,
    int Quarter,
    StatusThresholds Thresholds,
    decimal? Expected,
    decimal? Value,
    MilestoneState? Milestone,
    DateOnly? MilestoneDate,
    string? Done,
    string? Check,
    string? Act,
    string? EvidenceUrl,
    EntryState? State,
    string? ReviewComment,
    Guid? Version,
    string? UpdatedBy,
    DateTime? UpdatedUtc,
    bool IsClosed,
    bool IsSample);

/// <summary>Save a draft, or submit. The figure travels as typed, so the server reads it with the same rules.</summary>
/// <param name="Value">The figure as typed (full-width digits allowed); empty for milestones and monitor-only KPIs.</param>
/// <param name="Milestone">Milestone state.</param>
/// <param name="MilestoneDate">Date the milestone was completed.</param>
/// <param name="Done">実施内容.</param>
/// <param name="Check">評価・課題.</param>
/// <param name="Act">改善策.</param>
/// <param name="EvidenceUrl">http(s) link.</param>
/// <param name="Version">The version the form was loaded with; null for a new entry.</param>
/// <param name="Submit">Submit for review instead of saving a draft.</param>
/// <param name="ConfirmUnlikely">The person confirmed a figure far outside the plan's range (see <see cref="EntryValidation.IsUnlikely"/>).</param>
public sealed record SaveEntryRequest(
    string? Value,
    MilestoneState? Milestone,
    DateOnly? MilestoneDate,
    string? Done,
    string? Check,
    string? Act,
    string? EvidenceUrl,
    Guid? Version,
    bool Submit,
    bool ConfirmUnlikely = false);

/// <summary>Drafts for several KPIs of one quarter, saved together or not at all.</summary>
public sealed record BulkSaveRequest(int FiscalYear, int Quarter, IReadOnlyList<BulkEntryItem> Items);

/// <summary>One KPI's draft in a bulk save.</summary>
public sealed record BulkEntryItem(string KpiCode, SaveEntryRequest Entry);

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

/// <summary>Take a submission back to 下書き before the secretariat decides.</summary>
/// <param name="Version">The version the person saw.</param>
public sealed record WithdrawRequest(Guid Version);

/// <summary>Reopen a closed quarter: admin only, with a reason.</summary>
public sealed record ReopenQuarterRequest(string? Reason);

/// <summary>The review page: the quarter's submissions and whether it is closed.</summary>
public sealed record ReviewQueueDto(int FiscalYear, int Quarter, bool IsClosed, IReadOnlyList<QuarterOption> Quarters, IReadOnlyList<SubmissionDto> Items, int KpiCount = 0, int ApprovedCount = 0)
{
    /// <summary>KPIs with no approved figure for the quarter (未報告, 下書き, 提出済 or 差戻し).</summary>
    public int NotApprovedCount => KpiCount - ApprovedCount;
}

/// <summary>One step in a KPI's history.</summary>
public sealed record EntryHistoryDto(DateTime AtUtc, string Actor, string Quarter, string Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>What a save did: stored, refused with field errors, or conflicted with someone else's version.</summary>
public sealed record EntrySaveResult(EntrySaveOutcome Outcome, EntryDto? Entry, IReadOnlyDictionary<string, string[]> Errors, string? Message)
{
    /// <summary>Done, with no entry to return (closing or reopening a quarter).</summary>
    public static EntrySaveResult Completed { get; } = new(EntrySaveOutcome.Saved, null, new Dictionary<string, string[]>(), null);

    /// <summary>Stored.</summary>
    public static EntrySaveResult Saved(EntryDto entry) => new(EntrySaveOutcome.Saved, entry, new Dictionary<string, string[]>(), null);

    /// <summary>Field errors; nothing stored.</summary>
    public static EntrySaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(EntrySaveOutcome.Invalid, null, errors, null);

    /// <summary>Someone saved first; <paramref name="current"/> is what they stored.</summary>
    public static EntrySaveResult Conflict(EntryDto? current, string message) => new(EntrySaveOutcome.Conflict, current, new Dictionary<string, string[]>(), message);

    /// <summary>Refused as a whole (closed quarter, approved entry, not found).</summary>
    public static EntrySaveResult Refused(string message, EntrySaveOutcome outcome = EntrySaveOutcome.Refused) => new(outcome, null, new Dictionary<string, string[]>(), message);
}

/// <summary>How a save ended.</summary>
public enum EntrySaveOutcome
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>Field errors.</summary>
    Invalid,

    /// <summary>Stale version.</summary>
    Conflict,

    /// <summary>Closed quarter or locked entry.</summary>
    Refused,

    /// <summary>No such KPI or quarter.</summary>
    NotFound,

    /// <summary>Not one of the person's departments.</summary>
    Forbidden,
}
