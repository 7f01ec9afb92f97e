using Dashboard.Server.Data;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>The current plan's identity, period and thresholds: what entry and review need of it.</summary>
public sealed record CurrentPlan(int Id, string Code, FiscalQuarter FirstQuarter, FiscalQuarter LastQuarter, StatusThresholds Thresholds)
{
    /// <summary>The plan's 評価区分 scheme and thresholds (A-D at 100/80/60% unless the plan says otherwise).</summary>
    public GradeScale Grading { get; init; } = GradeScale.Default;

    /// <summary>The plan's first day as stored (a plan may start mid-quarter in principle).</summary>
    public DateOnly PeriodStart { get; init; } = FirstQuarter.StartDate;

    /// <summary>The plan's last day as stored.</summary>
    public DateOnly PeriodEnd { get; init; } = LastQuarter.EndDate;

    /// <summary>下書き, 実施中 or 終了: an ended plan is read-only.</summary>
    public PlanStatus Status { get; init; } = PlanStatus.Active;

    /// <summary>The plan has ended (a successor started): nothing in it changes any more.</summary>
    public bool IsEnded => Status == PlanStatus.Ended;

    /// <summary>Loads the first of <paramref name="plans"/> (see <see cref="PlanQuarters"/>); features ask <see cref="PlanQuarters"/>, not this.</summary>
    internal static async Task<CurrentPlan?> LoadAsync(IQueryable<Plan> plans, CancellationToken cancellationToken)
    {
        var plan = await plans.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.PeriodStart, p.PeriodEnd, p.OnTrackThreshold, p.CautionThreshold, p.GradeScheme, p.GradeA, p.GradeB, p.GradeC, p.GradeBaselineBand, p.Status })
            .FirstOrDefaultAsync(cancellationToken);
        return plan is null
            ? null
            : new CurrentPlan(plan.Id, plan.Code, FiscalQuarter.FromDate(plan.PeriodStart), FiscalQuarter.FromDate(plan.PeriodEnd),
                new StatusThresholds(plan.OnTrackThreshold, plan.CautionThreshold))
            {
                Grading = new GradeScale(plan.GradeScheme, plan.GradeA, plan.GradeB, plan.GradeC, plan.GradeBaselineBand),
                PeriodStart = plan.PeriodStart,
                PeriodEnd = plan.PeriodEnd,
                Status = plan.Status,
            };
    }

    /// <summary>The same from a loaded plan entity.</summary>
    public static CurrentPlan Of(Plan plan) => new(plan.Id, plan.Code, FiscalQuarter.FromDate(plan.PeriodStart),
        FiscalQuarter.FromDate(plan.PeriodEnd), new StatusThresholds(plan.OnTrackThreshold, plan.CautionThreshold))
    {
        Grading = plan.Grading,
        PeriodStart = plan.PeriodStart,
        PeriodEnd = plan.PeriodEnd,
        Status = plan.Status,
    };

    public bool Contains(FiscalQuarter quarter) => quarter >= FirstQuarter && quarter <= LastQuarter;

    /// <summary>The quarter when the numbers name one inside the plan period; null otherwise (bad input included).</summary>
    public FiscalQuarter? QuarterOf(int fiscalYear, int quarter) =>
        quarter is >= 1 and <= 4 && fiscalYear is >= 1900 and <= 2999 && Contains(new FiscalQuarter(fiscalYear, quarter))
            ? new FiscalQuarter(fiscalYear, quarter)
            : null;

    /// <summary>The quarter just ended, kept inside the plan period (after the plan ends, its last quarter).</summary>
    public FiscalQuarter ReportingQuarter(DateOnly today)
    {
        var ended = FiscalQuarter.LastEndedOn(today);
        return ended > LastQuarter ? LastQuarter : ended < FirstQuarter ? FirstQuarter : ended;
    }

    /// <summary>Whether a quarter after the plan's last one has ended by <paramref name="today"/>: the city has figures the plan cannot take.</summary>
    public bool HasEndedBy(DateOnly today) => FiscalQuarter.LastEndedOn(today) > LastQuarter;

    /// <summary>The quarter a page asked for, or the reporting quarter when it asked for none; null outside the plan.</summary>
    public FiscalQuarter? RequestedQuarter(int? fiscalYear, int? quarter, DateOnly today) =>
        fiscalYear is { } fy && quarter is { } q ? QuarterOf(fy, q) : ReportingQuarter(today);

    public IEnumerable<FiscalQuarter> Quarters() => QuartersUpTo(LastQuarter);

    /// <summary>The plan's quarters from its first up to <paramref name="last"/>.</summary>
    public IEnumerable<FiscalQuarter> QuartersUpTo(FiscalQuarter last)
    {
        for (var q = FirstQuarter; q <= last; q = q.Next())
        {
            yield return q;
        }
    }

    /// <summary>The fiscal years the plan period touches, in order.</summary>
    public List<int> FiscalYears() =>
        Enumerable.Range(FirstQuarter.FiscalYear, LastQuarter.FiscalYear - FirstQuarter.FiscalYear + 1).ToList();

    /// <summary>The audit key of an entry: plan, KPI and quarter, so codes reused by a later plan stay apart.</summary>
    public string EntryKey(string kpiCode, FiscalQuarter quarter) => $"{Code}/{kpiCode}/{quarter.ToEnglishLabel().Replace(" ", "", StringComparison.Ordinal)}";
}
