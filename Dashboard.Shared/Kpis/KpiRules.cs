using Dashboard.Shared.Fiscal;

namespace Dashboard.Shared.Kpis;

/// <summary>What was reported for one KPI in one quarter, as the rules need it.</summary>
/// <param name="Value">The figure, for numeric kinds.</param>
/// <param name="Milestone">The state, for milestones.</param>
/// <param name="Reported">Whether anything was reported (monitor-only KPIs report notes, not a figure).</param>
public sealed record QuarterReport(decimal? Value, MilestoneState? Milestone = null, bool Reported = true);

/// <summary>
/// The KPI rules the committee reads: expected value, achievement and status. Pure functions over
/// <see cref="KpiDefinition"/>; the server, the pages and the Excel pack all call these.
/// </summary>
public static class KpiRules
{
    /// <summary>
    /// The value expected at the end of <paramref name="quarter"/>. The target path runs straight between the
    /// baseline (at its date) and each fiscal year's target (at 31 March), by days; a year without a target is
    /// bridged by its neighbours; after the last target the path stays there. Null before the path starts, and for
    /// milestones and monitor-only KPIs, which have no numeric path. A zero target expects zero throughout.
    /// </summary>
    public static decimal? ExpectedAt(KpiDefinition kpi, FiscalQuarter quarter)
    {
        kpi = kpi.InForceAt(quarter.EndDate);
        if (kpi.Kind == KpiKind.ZeroTarget)
        {
            return 0m;
        }

        if (!kpi.Kind.HasTargetPath())
        {
            return null;
        }

        var anchors = Anchors(kpi);
        if (anchors.Count == 0)
        {
            return null;
        }

        var at = quarter.EndDate.DayNumber;
        if (at < anchors[0].Day)
        {
            return null;
        }

        for (var i = 1; i < anchors.Count; i++)
        {
            var (fromDay, fromValue) = anchors[i - 1];
            var (toDay, toValue) = anchors[i];
            if (at <= toDay)
            {
                var share = (decimal)(at - fromDay) / (toDay - fromDay);
                return fromValue + ((toValue - fromValue) * share);
            }
        }

        return anchors[^1].Value;
    }

    private static List<(int Day, decimal Value)> Anchors(KpiDefinition kpi)
    {
        var anchors = kpi.Targets
            .Select(t => (Day: FiscalQuarter.FiscalYearEnd(t.FiscalYear).DayNumber, t.Value))
            .OrderBy(a => a.Day)
            .ToList();
        if (kpi.BaselineValue is { } baseline && kpi.BaselineDate is { } date
            && (anchors.Count == 0 || date.DayNumber < anchors[0].Day))
        {
            anchors.Insert(0, (date.DayNumber, baseline));
        }

        return anchors;
    }

    /// <summary>
    /// How far <paramref name="actual"/> has come towards <paramref name="target"/>, as a share (1 = reached). With a
    /// baseline: (actual - baseline) / (target - baseline), or for lower-is-better (baseline - actual) /
    /// (baseline - target). Without one: actual / target (target / actual when lower is better). Not clamped: an
    /// overshoot gives more than 1, a move the wrong way below 0. When the target equals the baseline (or is zero
    /// without one) there is no distance to cover: 1 when the target is met, else 0.
    /// </summary>
    public static decimal Achievement(KpiDirection direction, decimal? baseline, decimal target, decimal actual)
    {
        var met = direction == KpiDirection.HigherIsBetter ? actual >= target : actual <= target;
        if (baseline is { } b)
        {
            if (b == target)
            {
                return met ? 1m : 0m;
            }

            return direction == KpiDirection.HigherIsBetter
                ? (actual - b) / (target - b)
                : (b - actual) / (b - target);
        }

        if (direction == KpiDirection.HigherIsBetter)
        {
            return target == 0 ? (met ? 1m : 0m) : actual / target;
        }

        if (target == 0 || actual == 0)
        {
            return met ? 1m : 0m;
        }

        return target / actual;
    }

    /// <summary>
    /// Achievement of <paramref name="actual"/> against the target of <paramref name="quarter"/>'s fiscal year in
    /// force at the quarter's end; null when none is set.
    /// </summary>
    public static decimal? AchievementOfYear(KpiDefinition kpi, FiscalQuarter quarter, decimal actual) =>
        kpi.Kind.IsNumeric() && kpi.InForceAt(quarter.EndDate).TargetFor(quarter.FiscalYear) is { } target
            ? Achievement(kpi.Direction, kpi.BaselineValue, target, actual)
            : null;

    /// <summary>Achievement of <paramref name="actual"/> against the value expected at the end of <paramref name="quarter"/>.</summary>
    public static decimal? AchievementOfQuarter(KpiDefinition kpi, FiscalQuarter quarter, decimal actual) =>
        kpi.Kind.IsNumeric() && ExpectedAt(kpi, quarter) is { } expected
            ? Achievement(kpi.Direction, kpi.BaselineValue, expected, actual)
            : null;

    /// <summary>
    /// The status at the end of <paramref name="quarter"/> from every approved report up to it, so that what was
    /// true before still counts: a milestone completed in an earlier quarter stays 完了; a milestone not completed
    /// once its due fiscal year has ended is 期限超過 whether or not the quarter was reported; every other case is the
    /// quarter's own report read by <see cref="Status"/> (未報告 when there is none; the row then shows the last
    /// approved figure with its quarter, see <see cref="LatestUpTo"/>).
    /// </summary>
    public static KpiStatus StatusAsOf(KpiDefinition kpi, FiscalQuarter quarter, IEnumerable<(FiscalQuarter Quarter, QuarterReport Report)> approved, StatusThresholds thresholds)
    {
        var upTo = approved.Where(r => r.Quarter <= quarter).ToList();
        if (kpi.Kind == KpiKind.Milestone)
        {
            if (upTo.Any(r => r.Report.Milestone == MilestoneState.Done))
            {
                return KpiStatus.Completed;
            }

            if (kpi.MilestoneDueFiscalYear is { } due && quarter.FiscalYear > due)
            {
                return KpiStatus.Overdue;
            }
        }

        var own = upTo.Where(r => r.Quarter == quarter).Select(r => r.Report).LastOrDefault();
        return Status(kpi, quarter, own, thresholds);
    }

    /// <summary>The latest approved report at or before <paramref name="quarter"/>, with its quarter; null when none.</summary>
    public static (FiscalQuarter Quarter, QuarterReport Report)? LatestUpTo(IEnumerable<(FiscalQuarter Quarter, QuarterReport Report)> approved, FiscalQuarter quarter) =>
        approved.Where(r => r.Quarter <= quarter && r.Report.Reported).OrderBy(r => r.Quarter).Select(r => ((FiscalQuarter, QuarterReport)?)r).LastOrDefault();

    /// <summary>
    /// The status for <paramref name="quarter"/>. Nothing reported: 未報告. Milestones: 完了, 予定どおり until the due
    /// fiscal year has ended, then 期限超過. Monitor-only: 報告済. Zero target: 達成 at zero, 遅延 above. Other kinds:
    /// 達成 when the year's target is met; otherwise by achievement of the quarter's expected value against
    /// <paramref name="thresholds"/>: 順調, 注意, 遅延; 目標なし when no path applies yet.
    /// </summary>
    public static KpiStatus Status(KpiDefinition kpi, FiscalQuarter quarter, QuarterReport? report, StatusThresholds thresholds)
    {
        kpi = kpi.InForceAt(quarter.EndDate);
        if (report is null || !report.Reported)
        {
            return KpiStatus.NotReported;
        }

        switch (kpi.Kind)
        {
            case KpiKind.MonitorOnly:
                return KpiStatus.Reported;
            case KpiKind.Milestone:
                return report.Milestone switch
                {
                    null => KpiStatus.NotReported,
                    MilestoneState.Done => KpiStatus.Completed,
                    _ when kpi.MilestoneDueFiscalYear is { } due && quarter.FiscalYear > due => KpiStatus.Overdue,
                    _ => KpiStatus.Scheduled,
                };
        }

        if (report.Value is not { } actual)
        {
            return KpiStatus.NotReported;
        }

        if (kpi.Kind == KpiKind.ZeroTarget)
        {
            return actual <= 0 ? KpiStatus.Achieved : KpiStatus.Delayed;
        }

        if (AchievementOfYear(kpi, quarter, actual) >= 1m)
        {
            return KpiStatus.Achieved;
        }

        return AchievementOfQuarter(kpi, quarter, actual) switch
        {
            null => KpiStatus.NoTarget,
            var a when a >= thresholds.OnTrack => KpiStatus.OnTrack,
            var a when a >= thresholds.Caution => KpiStatus.Caution,
            _ => KpiStatus.Delayed,
        };
    }
}
