using Dashboard.Server.Data;
using Dashboard.Server.Features.Entries;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>Reads plans into the Shared DTOs; a fixed number of queries whatever the number of KPIs.</summary>
public sealed class ServerPlanService(DashboardDbContext db) : IPlanService
{
    public async Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default)
    {
        var plan = await CurrentWithKpis(db).Include(p => p.Revisions).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var latest = await LatestApprovedAsync(plan.Id, cancellationToken);
        return new PlanDto(
            plan.Code,
            plan.Name,
            plan.PeriodStart,
            plan.PeriodEnd,
            CurrentPlan.Of(plan).FiscalYears(),
            plan.IsCurrent,
            new StatusThresholds(plan.OnTrackThreshold, plan.CautionThreshold),
            plan.Revisions.OrderBy(r => r.Date).Select(r => new PlanRevisionDto(r.Date, r.Description)).ToList(),
            plan.Policies.OrderBy(p => p.Number).Select(p => new PolicyDto(
                p.Number,
                p.Title,
                p.Subtitle,
                p.Initiatives.OrderBy(i => i.Number).Select(i => new InitiativeDto(
                    i.Number,
                    i.Title,
                    i.Summary,
                    i.Kpis.OrderBy(k => k.DisplayOrder).Select(k => k.ToDto() with { Latest = latest.GetValueOrDefault(k.Id) }).ToList())).ToList())).ToList());
    }

    /// <summary>The current plan with policies, initiatives, KPIs, targets and owners: one split query, a fixed number of SQL statements.</summary>
    public static IQueryable<Plan> CurrentWithKpis(DashboardDbContext db) => db.Plans.AsNoTracking().AsSplitQuery()
        .Where(p => p.IsCurrent)
        .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
        .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners);

    /// <summary>Each KPI's most recent approved quarter, in one query.</summary>
    private async Task<Dictionary<int, LatestFigureDto>> LatestApprovedAsync(int planId, CancellationToken cancellationToken)
    {
        var approved = await db.Entries.AsNoTracking()
            .Where(e => e.State == EntryState.Approved && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == planId))
            .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample })
            .ToListAsync(cancellationToken);
        return approved
            .GroupBy(e => e.KpiId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.FiscalYear * 4 + e.Quarter)
                .Select(e => new LatestFigureDto(e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample)).First());
    }
}
