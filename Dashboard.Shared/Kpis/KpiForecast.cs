using Dashboard.Shared.Fiscal;

namespace Dashboard.Shared.Kpis;

/// <summary>Why no forecast was made.</summary>
public enum ForecastRefusal
{
    /// <summary>Fewer reported quarters than the minimum.</summary>
    TooFewPoints,

    /// <summary>Milestones and monitor-only KPIs have no figure to project.</summary>
    NotNumeric,

    /// <summary>A zero target is judged quarter by quarter; a trend line says nothing about the next incident.</summary>
    ZeroTarget,

    /// <summary>The plan has already ended at the last reported quarter.</summary>
    PlanEnded,
}

/// <summary>A projection of the KPI to the plan's last quarter.</summary>
/// <param name="Refusal">Why no projection was made; null when one was.</param>
/// <param name="PointsUsed">How many reported quarters went into the fit.</param>
/// <param name="PointsRequired">The minimum the fit asks for.</param>
/// <param name="TargetQuarter">The plan's last quarter, the one projected to.</param>
/// <param name="ProjectedValue">The fitted value at <paramref name="TargetQuarter"/>.</param>
/// <param name="SlopePerQuarter">The fitted change per quarter.</param>
/// <param name="FinalTarget">The plan's last target, when it has one.</param>
/// <param name="WillMeetFinalTarget">Whether the projection meets <paramref name="FinalTarget"/>.</param>
public sealed record ForecastResult(
    ForecastRefusal? Refusal,
    int PointsUsed,
    int PointsRequired,
    FiscalQuarter TargetQuarter,
    decimal? ProjectedValue = null,
    decimal? SlopePerQuarter = null,
    decimal? FinalTarget = null,
    bool? WillMeetFinalTarget = null)
{
    /// <summary>Whether a projection was made.</summary>
    public bool IsAvailable => Refusal is null;
}

/// <summary>Least-squares projection of reported quarters to the plan's end.</summary>
public static class KpiForecast
{
    /// <summary>The default minimum of reported quarters before a trend is drawn.</summary>
    public const int DefaultMinimumPoints = 3;

    /// <summary>
    /// Fits a straight line through the reported quarters (x = the quarter's running number, so missing quarters
    /// leave gaps rather than squeezing the line) and reads it at <paramref name="planLastQuarter"/>. Percentages are
    /// kept within 0-100 and other figures at or above zero. Refuses below <paramref name="minimumPoints"/> points.
    /// </summary>
    public static ForecastResult Project(
        KpiDefinition kpi,
        IReadOnlyList<(FiscalQuarter Quarter, decimal Value)> reported,
        FiscalQuarter planLastQuarter,
        int minimumPoints = DefaultMinimumPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPoints, 2);
        if (reported.Select(p => p.Quarter).Distinct().Count() != reported.Count)
        {
            throw new ArgumentException("Each quarter may be reported once.", nameof(reported));
        }

        var points = reported.Count;
        if (!kpi.Kind.IsNumeric())
        {
            return new ForecastResult(ForecastRefusal.NotNumeric, 0, minimumPoints, planLastQuarter);
        }

        if (kpi.Kind == KpiKind.ZeroTarget)
        {
            return new ForecastResult(ForecastRefusal.ZeroTarget, 0, minimumPoints, planLastQuarter);
        }

        if (points < minimumPoints)
        {
            return new ForecastResult(ForecastRefusal.TooFewPoints, points, minimumPoints, planLastQuarter);
        }

        if (reported.Max(p => p.Quarter) >= planLastQuarter)
        {
            return new ForecastResult(ForecastRefusal.PlanEnded, points, minimumPoints, planLastQuarter);
        }

        var xs = reported.Select(p => (double)p.Quarter.Ordinal).ToArray();
        var ys = reported.Select(p => (double)p.Value).ToArray();
        var meanX = xs.Average();
        var meanY = ys.Average();
        var sxx = xs.Sum(x => (x - meanX) * (x - meanX));
        var sxy = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum();
        var slope = sxy / sxx;
        var projected = meanY + (slope * (planLastQuarter.Ordinal - meanX));
        projected = kpi.Kind == KpiKind.Percentage ? Math.Clamp(projected, 0, 100) : Math.Max(projected, 0);

        var value = Math.Round((decimal)projected, 4);
        var final = kpi.FinalTarget?.Value;
        bool? willMeet = final is { } f
            ? (kpi.Direction == KpiDirection.HigherIsBetter ? value >= f : value <= f)
            : null;
        return new ForecastResult(null, points, minimumPoints, planLastQuarter, value, Math.Round((decimal)slope, 4), final, willMeet);
    }
}
