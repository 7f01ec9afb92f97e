using Dashboard.Shared.Entries;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Review;

/// <summary>The secretariat's completion board for one quarter: by department, then KPI. Today is null once the plan has ended (nothing is chased).</summary>
public sealed record CompletionBoardDto(
    int FiscalYear,
    int Quarter,
    bool IsClosed,
    CollectionWindowDto Window,
    DateOnly? Today,
    IReadOnlyList<QuarterOption> Quarters,
    IReadOnlyList<BoardDepartmentDto> Departments)
{
    /// <summary>Counts over every department's rows; a KPI owned by two departments counts once.</summary>
    public BoardCounts Totals => BoardCounts.Of(Departments.SelectMany(d => d.Rows).DistinctBy(r => r.KpiCode).ToList());
}

/// <summary>One department's KPIs and when someone last reminded it.</summary>
public sealed record BoardDepartmentDto(string Code, string Name, int StaffCount, IReadOnlyList<BoardRowDto> Rows, DateTime? LastRemindedUtc)
{
    /// <summary>The committee's findings assigned to the department and not yet confirmed 完了.</summary>
    public int OpenFindings { get; init; }

    /// <summary>Of those, the ones past their due date and not reported done.</summary>
    public int OverdueFindings { get; init; }

    /// <summary>This department's counts.</summary>
    public BoardCounts Counts => BoardCounts.Of(Rows);
}

/// <summary>One KPI's state in the quarter.</summary>
/// <param name="KpiCode">I01-K1.</param>
/// <param name="KpiName">Its name.</param>
/// <param name="InitiativeNumber">施策 number.</param>
/// <param name="State">Null for 未入力.</param>
/// <param name="IsLate">Past the due date and not submitted.</param>
/// <param name="LastActivityUtc">The entry's last change.</param>
/// <param name="LastActivityBy">Who made it, by name.</param>
/// <param name="OpenThreads">Comment threads on the KPI's quarter not yet resolved.</param>
public sealed record BoardRowDto(string KpiCode, string KpiName, int InitiativeNumber, EntryState? State, bool IsLate, DateTime? LastActivityUtc, string? LastActivityBy,
    int OpenThreads = 0);

/// <summary>How many KPIs are in each state.</summary>
public sealed record BoardCounts(int Total, int Missing, int Draft, int Submitted, int Returned, int Approved, int Late)
{
    /// <summary>Counts of <paramref name="rows"/>.</summary>
    public static BoardCounts Of(IReadOnlyCollection<BoardRowDto> rows) => new(
        rows.Count,
        rows.Count(r => r.State is null),
        rows.Count(r => r.State == EntryState.Draft),
        rows.Count(r => r.State == EntryState.Submitted),
        rows.Count(r => r.State == EntryState.Returned),
        rows.Count(r => r.State == EntryState.Approved),
        rows.Count(r => r.IsLate));

    /// <summary>Everything submitted or approved.</summary>
    public bool AllIn => Total > 0 && Submitted + Approved == Total;
}

/// <summary>Remind one department's staff of its missing reports.</summary>
/// <param name="DepartmentCode">The department to remind.</param>
/// <param name="Again">Send although the department was already reminded today (the person confirmed it).</param>
public sealed record RemindRequest(string? DepartmentCode, bool Again = false);

/// <summary>What a reminder did.</summary>
/// <param name="Recipients">How many people were told.</param>
/// <param name="Missing">KPI codes still missing.</param>
public sealed record RemindResult(int Recipients, IReadOnlyList<string> Missing);
