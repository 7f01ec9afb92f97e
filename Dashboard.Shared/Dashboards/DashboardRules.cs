using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Dashboards;

/// <summary>How the dashboards read approved reports through <see cref="KpiRules"/>: rows, heatmap cells, forecasts.</summary>
public static class DashboardRules
{
    /// <summary>How many quarters the overview's small trend shows.</summary>
    public const int TrendLength = 8;

    /// <summary>
    /// The status at the end of <paramref name="quarter"/> from the KPI's approved figures (any quarters; those after
    /// it are ignored): a completed milestone stays 完了, an overdue one is 期限超過 without a report.
    /// </summary>
    public static KpiStatus StatusOf(KpiDefinition kpi, FiscalQuarter quarter, IEnumerable<QuarterFigure> approved, StatusThresholds thresholds) =>
        KpiRules.StatusAsOf(kpi, quarter, approved.Select(f => (f.FiscalQuarter, new QuarterReport(f.Value, f.Milestone))), thresholds);

    /// <summary>
    /// The KPI at the end of <paramref name="quarter"/>: the latest approved figure at or before it, the quarter's
    /// expected value and year target, and the status and achievement of the quarter's own report. The small trend
    /// begins with <paramref name="carried"/>, the figures a KPI carried over brings from the previous plan (the
    /// status, the latest figure and the grade are this plan's own).
    /// </summary>
    public static KpiRowDto Row(KpiDto kpi, IEnumerable<QuarterFigure> approved, FiscalQuarter quarter, StatusThresholds thresholds, EntryState? pending, GradeScale? grading = null, bool finalEvaluation = false,
        IEnumerable<QuarterFigure>? carried = null)
    {
        var definition = kpi.ToDefinition();
        var inForce = definition.InForceAt(quarter.EndDate);
        var revision = definition.RevisionInForce(quarter);
        var upTo = approved.Where(f => f.FiscalQuarter <= quarter).OrderBy(f => f.FiscalQuarter).ToList();
        var own = upTo.Count > 0 && upTo[^1].FiscalQuarter == quarter ? upTo[^1] : null;
        var status = StatusOf(definition, quarter, upTo, thresholds);
        return new KpiRowDto(
            kpi.Code,
            kpi.Name,
            kpi.Kind,
            kpi.Direction,
            kpi.Unit,
            kpi.Owners,
            upTo.LastOrDefault(),
            KpiRules.ExpectedAt(definition, quarter),
            inForce.TargetFor(quarter.FiscalYear),
            own?.Value is { } value ? KpiRules.AchievementOfYear(definition, quarter, value) : null,
            status,
            own is null ? pending : null,
            kpi.MilestoneDueFiscalYear,
            (carried ?? []).Where(f => f.FiscalQuarter < quarter).Concat(upTo).TakeLast(TrendLength).ToList(),
            GradeOf(definition, quarter, status, upTo, grading ?? GradeScale.Default, finalEvaluation),
            revision is null ? null : definition.OriginalTargetFor(quarter.FiscalYear),
            revision?.Reason);
    }

    /// <summary>
    /// The 評価区分 at <paramref name="quarter"/>: the latest approved figure up to it, graded by the plan's scale;
    /// at the plan's last quarter (最終評価) against the plan's final target.
    /// </summary>
    public static KpiGrade GradeOf(KpiDefinition kpi, FiscalQuarter quarter, KpiStatus status, IEnumerable<QuarterFigure> approved, GradeScale grading, bool finalEvaluation = false) =>
        KpiGrades.Grade(kpi, quarter, status, approved.Where(f => f.FiscalQuarter <= quarter && f.Value is not null).OrderBy(f => f.FiscalQuarter).LastOrDefault()?.Value, grading, finalEvaluation);

    /// <summary>
    /// How bad a status is, for the heatmap: 遅延/期限超過 worst, then 注意, 未報告, 目標なし, the good-so-far
    /// statuses, and 達成/完了 best.
    /// </summary>
    public static int Severity(KpiStatus status) => status switch
    {
        KpiStatus.Delayed or KpiStatus.Overdue => 5,
        KpiStatus.Caution => 4,
        KpiStatus.NotReported => 3,
        KpiStatus.NoTarget => 2,
        KpiStatus.OnTrack or KpiStatus.Scheduled or KpiStatus.Reported => 1,
        _ => 0,
    };

    /// <summary>The worst of <paramref name="statuses"/>; 未報告 when there are none.</summary>
    public static KpiStatus Worst(IEnumerable<KpiStatus> statuses) =>
        statuses.DefaultIfEmpty(KpiStatus.NotReported).MaxBy(Severity);

    /// <summary>Rows 未報告 this quarter that have never had an approved figure at all (the rest show an older one).</summary>
    public static int NeverReported(IEnumerable<KpiRowDto> rows) => rows.Count(r => r.IsMissing && r.Latest is null);

    /// <summary>How many rows have each status, in the order of <see cref="KpiStatus"/>, statuses with none left out.</summary>
    public static IReadOnlyList<(KpiStatus Status, int Count)> Counts(IEnumerable<KpiRowDto> rows) =>
        rows.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>The least-squares projection to <paramref name="planLast"/> from the figures given.</summary>
    public static ForecastDto Forecast(KpiDefinition kpi, IEnumerable<QuarterFigure> approved, FiscalQuarter planLast)
    {
        var points = approved.Where(f => f.Value is not null).Select(f => (f.FiscalQuarter, f.Value!.Value)).ToList();
        var result = KpiForecast.Project(kpi, points, planLast);
        return new ForecastDto(result.Refusal, result.PointsUsed, result.PointsRequired, result.ProjectedValue, result.FinalTarget, result.WillMeetFinalTarget);
    }

    /// <summary>
    /// What is due next: the first fiscal-year target from the quarter's year on, or for milestones the due year
    /// while not done. Null when nothing remains.
    /// </summary>
    public static (int FiscalYear, decimal? Value)? NextTarget(KpiDto kpi, FiscalQuarter quarter, KpiStatus status)
    {
        if (kpi.Kind == KpiKind.Milestone)
        {
            return kpi.MilestoneDueFiscalYear is { } due && status != KpiStatus.Completed ? (due, null) : null;
        }

        return kpi.Targets.OrderBy(t => t.FiscalYear).FirstOrDefault(t => t.FiscalYear >= quarter.FiscalYear) is { } next
            ? (next.FiscalYear, next.Value)
            : null;
    }
}
