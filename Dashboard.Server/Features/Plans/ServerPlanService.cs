using Dashboard.Server.Data;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>Reads plans straight into the Shared DTOs; a fixed number of queries whatever the number of KPIs.</summary>
public sealed class ServerPlanService(DashboardDbContext db) : IPlanService
{
    public async Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.IsCurrent)
            .Select(p => new PlanDto(
                p.Code,
                p.Name,
                p.PeriodStart,
                p.PeriodEnd,
                Array.Empty<int>(),
                p.IsCurrent,
                new StatusThresholds(p.OnTrackThreshold, p.CautionThreshold),
                p.Revisions.OrderBy(r => r.Date).Select(r => new PlanRevisionDto(r.Date, r.Description)).ToList(),
                p.Policies.OrderBy(x => x.Number).Select(x => new PolicyDto(
                    x.Number,
                    x.Title,
                    x.Subtitle,
                    x.Initiatives.OrderBy(i => i.Number).Select(i => new InitiativeDto(
                        i.Number,
                        i.Title,
                        i.Summary,
                        i.Kpis.OrderBy(k => k.DisplayOrder).Select(k => new KpiDto(
                            k.Code,
                            k.Name,
                            k.Kind,
                            k.Direction,
                            k.Unit,
                            k.BaselineValue,
                            k.BaselineDate,
                            k.Targets.OrderBy(t => t.FiscalYear).Select(t => new KpiTarget(t.FiscalYear, t.Value)).ToList(),
                            k.MilestoneDueFiscalYear,
                            k.Owners.OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name, d.IsSample)).ToList(),
                            k.Source,
                            k.Note,
                            db.Entries
                                .Where(e => e.KpiId == k.Id && e.State == EntryState.Approved)
                                .OrderByDescending(e => e.FiscalYear).ThenByDescending(e => e.Quarter)
                                .Select(e => new LatestFigureDto(e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample))
                                .FirstOrDefault())).ToList())).ToList())).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

        if (plan is null)
        {
            return null;
        }

        var first = FiscalQuarter.FiscalYearOf(plan.PeriodStart);
        var last = FiscalQuarter.FiscalYearOf(plan.PeriodEnd);
        return plan with { FiscalYears = Enumerable.Range(first, last - first + 1).ToList() };
    }
}
