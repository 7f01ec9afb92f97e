using Dashboard.Server.Data;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>Each KPI's latest approved figure, in one query, for any number of KPIs.</summary>
public static class ApprovedFigures
{
    /// <summary>
    /// The latest approved figure of each of <paramref name="kpiIds"/> that has one, before <paramref name="before"/>
    /// when given; the status is not read here.
    /// </summary>
    public static async Task<Dictionary<int, LatestFigureDto>> LatestAsync(
        DashboardDbContext db, IReadOnlyCollection<int> kpiIds, FiscalQuarter? before, CancellationToken cancellationToken)
    {
        var approved = db.Entries.AsNoTracking().Where(e => kpiIds.Contains(e.KpiId) && e.State == EntryState.Approved);
        if (before is { } q)
        {
            approved = approved.Where(e => e.FiscalYear < q.FiscalYear || (e.FiscalYear == q.FiscalYear && e.Quarter < q.Quarter));
        }

        return (await approved.Select(e => new { e.KpiId, e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample }).ToListAsync(cancellationToken))
            .GroupBy(e => e.KpiId)
            .Select(g => g.MaxBy(e => (e.FiscalYear * 4) + e.Quarter)!)
            .ToDictionary(e => e.KpiId, e => new LatestFigureDto(e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample));
    }
}
