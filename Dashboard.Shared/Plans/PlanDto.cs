using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Plans;

/// <summary>A plan with its policies, initiatives and KPIs, as the plan page shows it.</summary>
/// <param name="Code">Stable key, e.g. goshogawara-dx-2022.</param>
/// <param name="Name">五所川原市デジタル・トランスフォーメーション（DX）推進計画.</param>
/// <param name="PeriodStart">First day of the plan period.</param>
/// <param name="PeriodEnd">Last day of the plan period.</param>
/// <param name="FiscalYears">The fiscal years that carry targets, in order.</param>
/// <param name="IsCurrent">Whether this is the plan the city runs now.</param>
/// <param name="Thresholds">The plan's shares that separate 順調 / 注意 / 遅延.</param>
/// <param name="Revisions">策定 and 改訂 dates with what changed.</param>
/// <param name="Policies">基本方針 1-3 in order.</param>
/// <param name="Grading">The plan's 評価区分 scheme and thresholds.</param>
/// <param name="HasEnded">A quarter after the plan's period has ended: figures for it cannot be entered until the plan is extended.</param>
/// <param name="Quarters">The plan's quarters for the quarter picker, oldest first, with whether each is closed.</param>
/// <param name="Reporting">The reporting quarter (the one just ended, kept inside the plan): the picker's default.</param>
/// <param name="Status">下書き, 実施中 or 終了.</param>
/// <param name="PredecessorCode">The plan this one follows, if any.</param>
/// <param name="SuccessorCode">The plan that follows this one (a draft only for planners), if any.</param>
/// <param name="Successions">For a plan that follows another: what became of each of the previous plan's KPIs.</param>
/// <param name="Plans">Every plan the reader may open (drafts for planners only), oldest first: the plan chooser.</param>
/// <param name="Departments">Every department, for the plan editor's owner choice (planners only).</param>
public sealed record PlanDto(
    string Code,
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<int> FiscalYears,
    bool IsCurrent,
    StatusThresholds Thresholds,
    IReadOnlyList<PlanRevisionDto> Revisions,
    IReadOnlyList<PolicyDto> Policies,
    GradeScale? Grading = null,
    bool HasEnded = false,
    IReadOnlyList<QuarterOption>? Quarters = null,
    QuarterOption? Reporting = null,
    PlanStatus Status = PlanStatus.Active,
    string? PredecessorCode = null,
    string? SuccessorCode = null,
    IReadOnlyList<SuccessionDto>? Successions = null,
    IReadOnlyList<PlanSummaryDto>? Plans = null,
    IReadOnlyList<DepartmentDto>? Departments = null);

/// <summary>One version (版) of a plan: its adoption or a revision.</summary>
/// <param name="Number">第N版, counting the adoption as 1.</param>
/// <param name="Date">When it was decided.</param>
/// <param name="Description">What changed (策定, 計画期間を令和8年度まで延長 …).</param>
/// <param name="Reason">Why, for revisions recorded in the app.</param>
/// <param name="RecordedBy">Who recorded it (a name).</param>
/// <param name="Readable">The plan as this version left it can be read (versions recorded since snapshots are kept).</param>
public sealed record PlanRevisionDto(DateOnly Date, string Description, int Number = 0, string? Reason = null, string? RecordedBy = null, bool Readable = false);

/// <summary>A basic policy (基本方針).</summary>
public sealed record PolicyDto(int Number, string Title, string? Subtitle, IReadOnlyList<InitiativeDto> Initiatives);

/// <summary>An initiative (取組施策).</summary>
public sealed record InitiativeDto(int Number, string Title, string? Summary, IReadOnlyList<KpiDto> Kpis);

/// <summary>An outcome target (成果目標) as a KPI.</summary>
/// <param name="Code">Unique within the plan, e.g. P1-I01-K1.</param>
/// <param name="Name">What is measured.</param>
/// <param name="Kind">The kind of target.</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="Unit">手続, 人, %, ...; empty for milestones and monitor-only KPIs.</param>
/// <param name="BaselineValue">Starting value, when the plan gives one.</param>
/// <param name="BaselineDate">When the baseline was measured.</param>
/// <param name="Targets">Targets by fiscal year.</param>
/// <param name="MilestoneDueFiscalYear">For milestones: due by the end of this fiscal year.</param>
/// <param name="Owners">Departments that report it.</param>
/// <param name="Source">Where in the plan document the KPI comes from (成果目標(1), 取組工程表 ...).</param>
/// <param name="Latest">The latest approved quarter, if any.</param>
/// <param name="Note">How the KPI was read from the plan, where the plan is not explicit.</param>
/// <param name="TargetHistory">Every value the targets have had (当初 and 見直し後), when any was revised; else none.</param>
/// <param name="RetiredOn">廃止: the date a revision retired the KPI; quarters ending after it take no figure.</param>
public sealed record KpiDto(
    string Code,
    string Name,
    KpiKind Kind,
    KpiDirection Direction,
    string Unit,
    decimal? BaselineValue,
    DateOnly? BaselineDate,
    IReadOnlyList<KpiTarget> Targets,
    int? MilestoneDueFiscalYear,
    IReadOnlyList<DepartmentDto> Owners,
    string? Source,
    string? Note,
    LatestFigureDto? Latest = null,
    IReadOnlyList<KpiTargetVersion>? TargetHistory = null,
    DateOnly? RetiredOn = null)
{
    /// <summary>Whether a figure is expected of the KPI for <paramref name="quarter"/> (false after it was retired).</summary>
    public bool ExpectedIn(Fiscal.FiscalQuarter quarter) => KpiRetirement.Expects(RetiredOn, quarter);

    /// <summary>The parts the KPI rules read.</summary>
    public KpiDefinition ToDefinition() =>
        new(Kind, Direction, BaselineValue, BaselineDate, Targets, MilestoneDueFiscalYear, TargetHistory);

    /// <summary>The revisions (見直し後) of <paramref name="fiscalYear"/>'s target, oldest first; empty when none.</summary>
    public IReadOnlyList<KpiTargetVersion> RevisionsOf(int fiscalYear) =>
        TargetHistory?.Where(v => v.FiscalYear == fiscalYear && !v.IsOriginal).OrderBy(v => v.EffectiveFrom).ToList() ?? [];
}

/// <summary>The most recent approved quarter of a KPI.</summary>
/// <param name="FiscalYear">Fiscal year of the quarter.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="Value">The figure, for numeric KPIs.</param>
/// <param name="Milestone">The state, for milestones.</param>
/// <param name="IsSample">True for サンプル figures loaded for demonstration.</param>
/// <param name="Status">
/// The status the server read: for milestones as of the reporting quarter (完了 carries on, 期限超過 once the due year
/// has passed), for other kinds the figure's own quarter. Null: read it from the figure.
/// </param>
public sealed record LatestFigureDto(int FiscalYear, int Quarter, decimal? Value, MilestoneState? Milestone, bool IsSample, KpiStatus? Status = null)
{
    /// <summary>The quarter as a value.</summary>
    public Fiscal.FiscalQuarter FiscalQuarter => new(FiscalYear, Quarter);

    /// <summary>The report as the rules read it.</summary>
    public QuarterReport ToReport() => new(Value, Milestone);
}

/// <summary>A department (課) of the city.</summary>
/// <param name="Code">Stable key.</param>
/// <param name="Name">企画課, 会計課, ...</param>
/// <param name="IsSample">True when the assignment came from the sample in seed-data and has not been confirmed.</param>
public sealed record DepartmentDto(string Code, string Name, bool IsSample);
