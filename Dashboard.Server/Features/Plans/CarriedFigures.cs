using Dashboard.Server.Data;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>
/// The one rule for a KPI's series across plans: a KPI that goes on from exactly one KPI of the previous plan (継続,
/// 拡充, 延伸) carries that KPI's approved figures from before this plan's start. The KPI page draws them with this
/// plan's as one series, and its forecast and the pack's are fitted through both.
/// </summary>
public static class CarriedFigures
{
    /// <summary>The earlier approved figures of <paramref name="kpiIds"/> (KPIs of <paramref name="plan"/>), oldest first, by KPI id.</summary>
    public static async Task<ILookup<int, QuarterFigure>> LoadAsync(DashboardDbContext db, CurrentPlan plan, IReadOnlyCollection<int> kpiIds, CancellationToken cancellationToken)
    {
        var successions = await db.KpiSuccessions.AsNoTracking()
            .Where(s => s.SuccessorKpiId != null && kpiIds.Contains(s.SuccessorKpiId.Value))
            .Select(s => new { Successor = s.SuccessorKpiId!.Value, s.PredecessorKpiId, s.Disposition })
            .ToListAsync(cancellationToken);
        // Two KPIs merged into one are not one series.
        var from = successions.Where(s => s.Disposition.CarriesOver()).GroupBy(s => s.Successor).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Single().PredecessorKpiId, g => g.Key);
        if (from.Count == 0)
        {
            return Array.Empty<(int, QuarterFigure)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var predecessors = from.Keys.ToList();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => predecessors.Contains(e.KpiId) && e.State == EntryState.Approved)
            .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample })
            .ToListAsync(cancellationToken);
        return entries
            .Select(e => (Kpi: from[e.KpiId], Figure: new QuarterFigure(e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample)))
            .Where(x => !plan.Contains(x.Figure.FiscalQuarter))
            .OrderBy(x => x.Figure.FiscalQuarter.Ordinal)
            .ToLookup(x => x.Kpi, x => x.Figure);
    }
}
