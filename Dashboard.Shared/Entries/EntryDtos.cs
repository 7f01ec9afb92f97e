using Dashboard.Shared.Problems;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Entries;

/// <summary>The KPIs a person reports for one quarter.</summary>
/// <param name="FiscalYear">Quarter shown.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="IsClosed">Whether the secretariat has closed the quarter.</param>
/// <param name="Quarters">Quarters of the plan a person may pick, oldest first.</param>
/// <param name="Rows">One per KPI the person's departments own.</param>
/// <param name="Window">When entry opens and when the figures are due.</param>
/// <param name="Today">The server's date (Japan), against which lateness is judged; null once the plan has ended (nothing is chased).</param>
/// <param name="Behind">
/// Earlier quarters of the plan, past their due date and not closed, in which some of these KPIs are not submitted yet,
/// latest first: a plan started late (a 第2期 plan begun in December) owes its first quarters too.
/// </param>
public sealed record MyKpisDto(int FiscalYear, int Quarter, bool IsClosed, IReadOnlyList<QuarterOption> Quarters, IReadOnlyList<MyKpiRowDto> Rows,
    CollectionWindowDto? Window = null, DateOnly? Today = null, IReadOnlyList<QuarterBehindDto>? Behind = null)
{
    /// <summary>Whether a row's report is past the due date and not submitted.</summary>
    public bool IsLate(MyKpiRowDto row) => Window is { } w && Today is { } t && !IsClosed && EntryLateness.IsLate(w, row.State, t);
}

/// <summary>An earlier quarter still owed: how many of the person's KPIs are not submitted for it.</summary>
public sealed record QuarterBehindDto(int FiscalYear, int Quarter, int NotSubmitted);

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
/// <param name="Window">The quarter's collection window (due date).</param>
/// <param name="PlanStart">The first day of the plan: no milestone is completed before it.</param>
/// <param name="Today">The server's date (Japan) for the due line; null once the plan has ended (nothing is chased).</param>
/// <param name="PlanEnded">The quarter's plan has ended (its successor started): read only, whether or not the quarter was closed.</param>
/// <param name="Previous">The quarter before's PDCA text, offered for quoting; null when it wrote none.</param>
/// <param name="LastApproved">
/// The latest approved figure before this quarter, shown beside the field (a cumulative count goes on from it): the
/// KPI's own, or before this plan's first figure the one KPI it carries on from in the plan before. Null when none.
/// </param>
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
    bool IsSample,
    CollectionWindowDto? Window = null,
    DateOnly? PlanStart = null,
    DateOnly? Today = null,
    bool PlanEnded = false,
    PreviousNotes? Previous = null,
    LatestFigureDto? LastApproved = null);

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

/// <summary>Take a submission back to 下書き before the secretariat decides.</summary>
/// <param name="Version">The version the person saw.</param>
public sealed record WithdrawRequest(Guid Version);

/// <summary>One step in a KPI's history.</summary>
/// <param name="AtUtc">When.</param>
/// <param name="Actor">Who, by name.</param>
/// <param name="Quarter">令和7年度 第4四半期 (for readers of the API); pages show <paramref name="FiscalYear"/> and <paramref name="QuarterNumber"/> in their language.</param>
/// <param name="Field">Which field changed.</param>
/// <param name="OldValue">Before.</param>
/// <param name="NewValue">After.</param>
/// <param name="Reason">提出, 承認, 差戻し, 取り下げ, or a person's reason.</param>
/// <param name="FiscalYear">The quarter's fiscal year.</param>
/// <param name="QuarterNumber">1-4.</param>
public sealed record EntryHistoryDto(DateTime AtUtc, string Actor, string Quarter, string Field, string? OldValue, string? NewValue, string? Reason,
    int? FiscalYear = null, int? QuarterNumber = null);
