using System.Text.Json.Serialization;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Dashboards;

/// <summary>One quarter's approved report of a KPI, as the dashboards read it.</summary>
/// <param name="FiscalYear">Fiscal year of the quarter.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="Value">The figure, for numeric KPIs.</param>
/// <param name="Milestone">The state, for milestones.</param>
/// <param name="IsSample">True for サンプル figures.</param>
public sealed record QuarterFigure(int FiscalYear, int Quarter, decimal? Value, MilestoneState? Milestone, bool IsSample)
{
    /// <summary>The quarter as a value.</summary>
    [JsonIgnore]
    public Fiscal.FiscalQuarter FiscalQuarter => new(FiscalYear, Quarter);
}

/// <summary>The overview: every KPI of the plan as it stood at the end of one quarter.</summary>
/// <param name="PlanName">The plan's name.</param>
/// <param name="FiscalYear">The chosen fiscal year.</param>
/// <param name="Quarter">The chosen quarter, 1-4.</param>
/// <param name="FiscalYears">The fiscal years that may be chosen (the plan period).</param>
/// <param name="ReportingFiscalYear">The fiscal year of the quarter just ended (the default choice).</param>
/// <param name="ReportingQuarter">The quarter just ended, kept inside the plan period.</param>
/// <param name="Departments">Departments that own at least one KPI, for the filter.</param>
/// <param name="Policies">基本方針 with their initiatives and KPI rows.</param>
/// <param name="IsFinalEvaluation">The plan's last quarter: 最終評価, grades against the final targets.</param>
/// <param name="Window">The quarter's collection window (its due date).</param>
/// <param name="LateCount">KPIs past the due date with no report submitted.</param>
/// <param name="PlanEnded">A quarter after the plan's period has ended: the plan must be extended (or succeeded) to take its figures.</param>
/// <param name="PlanCode">The plan the quarter belongs to.</param>
/// <param name="Plans">The started plans, oldest first: the plan chooser where there is more than one.</param>
public sealed record OverviewDto(
    string PlanName,
    int FiscalYear,
    int Quarter,
    IReadOnlyList<int> FiscalYears,
    int ReportingFiscalYear,
    int ReportingQuarter,
    IReadOnlyList<DepartmentDto> Departments,
    IReadOnlyList<OverviewPolicyDto> Policies,
    bool IsFinalEvaluation = false,
    Dashboard.Shared.Plans.CollectionWindowDto? Window = null,
    int LateCount = 0,
    bool PlanEnded = false,
    string? PlanCode = null,
    IReadOnlyList<Dashboard.Shared.Plans.PlanSummaryDto>? Plans = null)
{
    /// <summary>All KPI rows, in plan order.</summary>
    [JsonIgnore]
    public IEnumerable<KpiRowDto> Rows => Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis);
}

/// <summary>A 基本方針 on the overview.</summary>
public sealed record OverviewPolicyDto(int Number, string Title, IReadOnlyList<OverviewInitiativeDto> Initiatives);

/// <summary>A 取組施策 on the overview.</summary>
public sealed record OverviewInitiativeDto(int Number, string Title, IReadOnlyList<KpiRowDto> Kpis);

/// <summary>A KPI as it stood at the end of the chosen quarter.</summary>
/// <param name="Code">KPI code.</param>
/// <param name="Name">What is measured.</param>
/// <param name="Kind">Kind of target.</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="Unit">Unit, empty for milestones and monitor-only KPIs.</param>
/// <param name="Owners">Departments that report it.</param>
/// <param name="Latest">The latest approved report at or before the quarter (it may be an earlier quarter's).</param>
/// <param name="Expected">The value expected at the end of the quarter on the target path.</param>
/// <param name="YearTarget">The target for the quarter's fiscal year.</param>
/// <param name="Achievement">The quarter's own figure against the year target (1 = reached).</param>
/// <param name="Status">Status of the quarter's own report; 未報告 when it has none.</param>
/// <param name="PendingState">When the quarter has an entry that is not approved yet: its state.</param>
/// <param name="MilestoneDueFiscalYear">For milestones: the fiscal year it is due.</param>
/// <param name="Trend">Approved figures of up to the last eight quarters, oldest first.</param>
/// <param name="Grade">評価区分 at the quarter (the latest approved figure up to it, by the plan's grading).</param>
/// <param name="OriginalYearTarget">The plan's own (当初) target for the year, when it was revised by the quarter's end.</param>
/// <param name="TargetRevisionReason">Why it was revised.</param>
public sealed record KpiRowDto(
    string Code,
    string Name,
    KpiKind Kind,
    KpiDirection Direction,
    string Unit,
    IReadOnlyList<DepartmentDto> Owners,
    QuarterFigure? Latest,
    decimal? Expected,
    decimal? YearTarget,
    decimal? Achievement,
    KpiStatus Status,
    EntryState? PendingState,
    int? MilestoneDueFiscalYear,
    IReadOnlyList<QuarterFigure> Trend,
    KpiGrade Grade = KpiGrade.NotGradable,
    decimal? OriginalYearTarget = null,
    string? TargetRevisionReason = null)
{
    /// <summary>The year's target in force differs from the plan's own (当初): it was revised.</summary>
    [JsonIgnore]
    public bool TargetRevised => OriginalYearTarget is { } original && YearTarget != original;

    /// <summary>Nothing approved for the quarter: the overview highlights it.</summary>
    [JsonIgnore]
    public bool IsMissing => Status == KpiStatus.NotReported;
}

/// <summary>Initiatives × quarters, each cell the worst status among the initiative's KPIs.</summary>
/// <param name="Quarters">The columns: plan quarters up to the reporting quarter, as "FY2025 Q3" labels' parts.</param>
/// <param name="Initiatives">The rows.</param>
/// <param name="PlanCode">The plan shown (the one covering the quarter asked for; the current plan by default).</param>
/// <param name="PlanName">Its name.</param>
/// <param name="Plans">The started plans, oldest first: the plan chooser where there is more than one.</param>
public sealed record HeatmapDto(IReadOnlyList<QuarterRef> Quarters, IReadOnlyList<HeatmapInitiativeDto> Initiatives, string? PlanCode = null, string? PlanName = null,
    IReadOnlyList<Dashboard.Shared.Plans.PlanSummaryDto>? Plans = null);

/// <summary>A quarter named by its numbers.</summary>
public sealed record QuarterRef(int FiscalYear, int Quarter)
{
    /// <summary>The quarter as a value.</summary>
    [JsonIgnore]
    public Fiscal.FiscalQuarter FiscalQuarter => new(FiscalYear, Quarter);
}

/// <summary>One initiative's row of the heatmap, with its KPIs' rows.</summary>
/// <param name="PolicyNumber">基本方針 number.</param>
/// <param name="Number">取組施策 number.</param>
/// <param name="Title">取組施策 title.</param>
/// <param name="Cells">The aggregated status per quarter, in the order of <see cref="HeatmapDto.Quarters"/>.</param>
/// <param name="Kpis">The KPIs' own rows.</param>
public sealed record HeatmapInitiativeDto(int PolicyNumber, int Number, string Title, IReadOnlyList<KpiStatus> Cells, IReadOnlyList<HeatmapKpiDto> Kpis);

/// <summary>One KPI's row of the heatmap.</summary>
/// <param name="Code">KPI code.</param>
/// <param name="Name">KPI name.</param>
/// <param name="Cells">The status per quarter, in the order of <see cref="HeatmapDto.Quarters"/>.</param>
/// <param name="RetiredFrom">廃止: the first column the KPI no longer takes a figure for (its cells from there are not statuses); null when not retired.</param>
public sealed record HeatmapKpiDto(string Code, string Name, IReadOnlyList<KpiStatus> Cells, int? RetiredFrom = null);

/// <summary>A KPI with every quarter of the plan up to the chosen one, its target path and forecast.</summary>
/// <param name="Kpi">The KPI with targets and owners.</param>
/// <param name="PolicyNumber">基本方針 number.</param>
/// <param name="InitiativeNumber">取組施策 number.</param>
/// <param name="InitiativeTitle">取組施策 title.</param>
/// <param name="FiscalYear">The chosen fiscal year (the last quarter shown).</param>
/// <param name="Quarter">The chosen quarter.</param>
/// <param name="PlanFirst">The plan's first quarter.</param>
/// <param name="PlanLast">The plan's last quarter.</param>
/// <param name="Quarters">Every plan quarter up to the chosen one, oldest first.</param>
/// <param name="ExpectedPath">The expected value at the end of every plan quarter (null where no path applies).</param>
/// <param name="Forecast">The projection to the plan's last quarter from the quarters shown.</param>
/// <param name="Lineage">The KPI's place across plans: where it came from and where it goes on, with the previous plan's figures.</param>
public sealed record KpiDetailDto(
    KpiDto Kpi,
    int PolicyNumber,
    int InitiativeNumber,
    string InitiativeTitle,
    int FiscalYear,
    int Quarter,
    QuarterRef PlanFirst,
    QuarterRef PlanLast,
    IReadOnlyList<KpiQuarterDto> Quarters,
    IReadOnlyList<ExpectedPointDto> ExpectedPath,
    ForecastDto Forecast,
    KpiLineageDto? Lineage = null);

/// <summary>A KPI across plans (第1期 → 第2期).</summary>
/// <param name="Previous">The previous plan's KPIs this one carries on (one when continued, several when merged).</param>
/// <param name="Next">What became of this KPI in the plan that follows, once that plan has started.</param>
/// <param name="EarlierFigures">
/// The approved figures of the previous plan's KPI when it goes on as this one (継続, 拡充, 延伸): the chart draws them
/// with this plan's as one series.
/// </param>
/// <param name="Boundary">This plan's first quarter, where the chart marks the change of plan; null without earlier figures.</param>
public sealed record KpiLineageDto(
    IReadOnlyList<KpiLinkDto> Previous,
    IReadOnlyList<KpiLinkDto> Next,
    IReadOnlyList<QuarterFigure> EarlierFigures,
    QuarterRef? Boundary);

/// <summary>A KPI in another plan, with how the two are linked.</summary>
/// <param name="PlanCode">計画コード.</param>
/// <param name="PlanName">計画名.</param>
/// <param name="KpiCode">The KPI's code there (KPI_ID).</param>
/// <param name="KpiName">Its name there.</param>
/// <param name="Disposition">継続, 拡充, 統合, 完了, 廃止 or 延伸.</param>
/// <param name="At">A quarter of that plan to open the KPI at (its last for a previous plan, its first for the next), null when there is no KPI to open.</param>
public sealed record KpiLinkDto(string PlanCode, string PlanName, string? KpiCode, string KpiName, Plans.KpiDisposition Disposition, QuarterRef? At);

/// <summary>One quarter of a KPI: the approved figure, the rules' reading of it and the PDCA notes.</summary>
/// <param name="FiscalYear">Fiscal year.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="Figure">The approved report, if any.</param>
/// <param name="Expected">The expected value at the quarter's end.</param>
/// <param name="Achievement">The figure against the year target.</param>
/// <param name="Status">The quarter's status.</param>
/// <param name="PendingState">An entry that is not approved yet, if any.</param>
/// <param name="Done">Do: what was done (approved reports only).</param>
/// <param name="Check">Check: what the check showed.</param>
/// <param name="Act">Act: what changes next.</param>
/// <param name="Grade">評価区分 at the quarter (the latest approved figure up to it, by the plan's grading).</param>
public sealed record KpiQuarterDto(
    int FiscalYear,
    int Quarter,
    QuarterFigure? Figure,
    decimal? Expected,
    decimal? Achievement,
    KpiStatus Status,
    EntryState? PendingState,
    string? Done,
    string? Check,
    string? Act,
    KpiGrade Grade = KpiGrade.NotGradable);

/// <summary>The expected value at the end of one quarter.</summary>
public sealed record ExpectedPointDto(int FiscalYear, int Quarter, decimal? Value);

/// <summary>A least-squares projection to the plan's last quarter, or why there is none.</summary>
/// <param name="Refusal">Why no projection was made; null when one was.</param>
/// <param name="PointsUsed">Reported quarters used.</param>
/// <param name="PointsRequired">The minimum.</param>
/// <param name="ProjectedValue">Value projected at the plan's last quarter.</param>
/// <param name="FinalTarget">The plan's last target.</param>
/// <param name="WillMeetFinalTarget">Whether the projection meets it.</param>
public sealed record ForecastDto(
    ForecastRefusal? Refusal,
    int PointsUsed,
    int PointsRequired,
    decimal? ProjectedValue,
    decimal? FinalTarget,
    bool? WillMeetFinalTarget);

/// <summary>What one department owns and what it has to report.</summary>
/// <param name="Department">The department.</param>
/// <param name="Departments">All departments that own KPIs, to switch between.</param>
/// <param name="FiscalYears">The fiscal years that may be chosen (the plan period).</param>
/// <param name="FiscalYear">The chosen fiscal year.</param>
/// <param name="Quarter">The chosen quarter.</param>
/// <param name="Kpis">The department's KPIs.</param>
/// <param name="PlanFirst">The plan's first quarter.</param>
/// <param name="PlanLast">The plan's last quarter.</param>
public sealed record DepartmentViewDto(
    DepartmentDto Department,
    IReadOnlyList<DepartmentDto> Departments,
    IReadOnlyList<int> FiscalYears,
    int FiscalYear,
    int Quarter,
    IReadOnlyList<DepartmentKpiDto> Kpis,
    QuarterRef? PlanFirst = null,
    QuarterRef? PlanLast = null);

/// <summary>A KPI on the department view: its row and what is due next.</summary>
/// <param name="InitiativeNumber">取組施策 number.</param>
/// <param name="InitiativeTitle">取組施策 title.</param>
/// <param name="Row">The KPI at the chosen quarter.</param>
/// <param name="NextTargetFiscalYear">The fiscal year of the next target not yet past (for milestones: the due year).</param>
/// <param name="NextTargetValue">That target's value (null for milestones).</param>
public sealed record DepartmentKpiDto(int InitiativeNumber, string InitiativeTitle, KpiRowDto Row, int? NextTargetFiscalYear, decimal? NextTargetValue);
