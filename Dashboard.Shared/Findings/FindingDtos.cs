using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Findings;

/// <summary>Where a committee finding stands: the department moves it to 対応済, the planner confirms 完了.</summary>
public enum FindingState
{
    /// <summary>未着手.</summary>
    NotStarted,

    /// <summary>対応中.</summary>
    InProgress,

    /// <summary>対応済: the department says it is done; the planner has not confirmed yet.</summary>
    Addressed,

    /// <summary>完了: the planner confirmed it.</summary>
    Completed,
}

/// <summary>Japanese names of <see cref="FindingState"/>, for the pack and the mails.</summary>
public static class FindingStateLabels
{
    /// <summary>未着手 / 対応中 / 対応済 / 完了.</summary>
    public static string Japanese(this FindingState state) => state switch
    {
        FindingState.NotStarted => "未着手",
        FindingState.InProgress => "対応中",
        FindingState.Addressed => "対応済",
        _ => "完了",
    };
}

/// <summary>The findings the caller may see, newest meeting first, and what the planner needs to record a meeting.</summary>
/// <param name="Meetings">Each 推進本部 meeting with its findings (for staff, their departments' findings only).</param>
/// <param name="MayRecord">The caller may record meetings and confirm findings (planner, admin).</param>
/// <param name="Choices">What a finding may be about and assigned to; empty unless <paramref name="MayRecord"/>.</param>
/// <param name="Today">The server's date (Japan), against which due dates are judged.</param>
public sealed record FindingsDto(IReadOnlyList<MeetingDto> Meetings, bool MayRecord, FindingChoicesDto Choices, DateOnly Today)
{
    /// <summary>Every finding, in meeting order.</summary>
    public IEnumerable<FindingDto> All => Meetings.SelectMany(m => m.Findings);
}

/// <summary>A 推進本部 meeting.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">第3回 DX推進本部会議.</param>
/// <param name="HeldOn">When it met.</param>
/// <param name="FiscalYear">The quarter it reviewed.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="RecordedBy">Who recorded it (display name).</param>
/// <param name="Findings">What it asked for.</param>
public sealed record MeetingDto(long Id, string Title, DateOnly HeldOn, int FiscalYear, int Quarter, string RecordedBy, IReadOnlyList<FindingDto> Findings);

/// <summary>One thing the committee asked for, and what became of it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="MeetingId">The meeting that asked.</param>
/// <param name="InitiativeNumber">The initiative it is about.</param>
/// <param name="InitiativeTitle">Its title.</param>
/// <param name="KpiCode">The KPI it is about, when it names one.</param>
/// <param name="KpiName">Its name.</param>
/// <param name="DepartmentCode">The department that answers for it.</param>
/// <param name="DepartmentName">Its name.</param>
/// <param name="DueOn">By when.</param>
/// <param name="Request">What the committee asked for.</param>
/// <param name="State">未着手 / 対応中 / 対応済 / 完了.</param>
/// <param name="Response">What the department did.</param>
/// <param name="RespondedBy">Who wrote the response (display name).</param>
/// <param name="RespondedUtc">When.</param>
/// <param name="ConfirmedBy">The planner who confirmed 完了 (display name).</param>
/// <param name="ConfirmedUtc">When.</param>
/// <param name="MayRespond">The caller may record the department's 対応状況.</param>
/// <param name="MayConfirm">The caller may confirm 完了 (planner, admin; the finding is 対応済).</param>
public sealed record FindingDto(
    long Id,
    long MeetingId,
    int InitiativeNumber,
    string InitiativeTitle,
    string? KpiCode,
    string? KpiName,
    string DepartmentCode,
    string DepartmentName,
    DateOnly DueOn,
    string Request,
    FindingState State,
    string? Response,
    string? RespondedBy,
    DateTime? RespondedUtc,
    string? ConfirmedBy,
    DateTime? ConfirmedUtc,
    bool MayRespond,
    bool MayConfirm)
{
    /// <summary>Not yet confirmed 完了.</summary>
    public bool IsOpen => State != FindingState.Completed;

    /// <summary>Past its due date and the department has not reported it done.</summary>
    public bool IsOverdueOn(DateOnly today) => State is FindingState.NotStarted or FindingState.InProgress && today > DueOn;
}

/// <summary>What a finding may name: the plan's initiatives with their KPIs, the departments, the quarters a meeting may review.</summary>
public sealed record FindingChoicesDto(IReadOnlyList<FindingInitiativeDto> Initiatives, IReadOnlyList<FindingDepartmentDto> Departments, IReadOnlyList<QuarterOption> Quarters)
{
    /// <summary>Nothing to choose (for those who do not record meetings).</summary>
    public static FindingChoicesDto None { get; } = new([], [], []);
}

/// <summary>An initiative and its KPIs.</summary>
public sealed record FindingInitiativeDto(int Number, string Title, IReadOnlyList<FindingKpiDto> Kpis, IReadOnlyList<string> Owners);

/// <summary>A KPI a finding may name.</summary>
public sealed record FindingKpiDto(string Code, string Name, IReadOnlyList<string> Owners);

/// <summary>A department a finding may be assigned to.</summary>
public sealed record FindingDepartmentDto(string Code, string Name);

/// <summary>Records a meeting and what it asked for.</summary>
/// <param name="Title">The meeting's name (optional: 推進本部会議 when empty).</param>
/// <param name="HeldOn">When it met.</param>
/// <param name="FiscalYear">The quarter it reviewed.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="Findings">At least one.</param>
public sealed record RecordMeetingRequest(string? Title, DateOnly? HeldOn, int? FiscalYear, int? Quarter, IReadOnlyList<NewFindingRequest>? Findings);

/// <summary>One finding of a meeting being recorded.</summary>
/// <param name="InitiativeNumber">The initiative it is about.</param>
/// <param name="KpiCode">The KPI, optional; it must belong to the initiative.</param>
/// <param name="DepartmentCode">The department that answers for it.</param>
/// <param name="DueOn">By when; not before the meeting.</param>
/// <param name="Request">What the committee asked for.</param>
public sealed record NewFindingRequest(int? InitiativeNumber, string? KpiCode, string? DepartmentCode, DateOnly? DueOn, string? Request);

/// <summary>The department's 対応状況 and what it did.</summary>
/// <param name="State">未着手, 対応中 or 対応済 (完了 is the planner's).</param>
/// <param name="Response">What the department did; required for 対応済.</param>
public sealed record RespondFindingRequest(FindingState State, string? Response);
