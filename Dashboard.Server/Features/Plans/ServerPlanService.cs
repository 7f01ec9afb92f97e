using System.Globalization;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Entries;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>Reads plans into the Shared DTOs; a fixed number of queries whatever the number of KPIs.</summary>
public sealed class ServerPlanService(DashboardDbContext db, TimeProvider clock, Dashboard.Server.Features.Audit.AuditWriter audit) : IPlanService
{
    public async Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var plan = await CurrentWithKpis(db).Include(p => p.Revisions).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var current = CurrentPlan.Of(plan);
        var reporting = current.ReportingQuarter(clock.Today());
        var latest = await LatestApprovedAsync(plan, reporting, cancellationToken);
        return new PlanDto(
            plan.Code,
            plan.Name,
            plan.PeriodStart,
            plan.PeriodEnd,
            current.FiscalYears(),
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
                    i.Kpis.OrderBy(k => k.DisplayOrder).Select(k => k.ToDto() with { Latest = latest.GetValueOrDefault(k.Id) }).ToList())).ToList())).ToList(),
            plan.Grading);
    }

    public async Task<IReadOnlyDictionary<string, string[]>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var errors = grading.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        var plan = await db.Plans.FirstOrDefaultAsync(p => p.IsCurrent, cancellationToken);
        if (plan is null)
        {
            return new Dictionary<string, string[]> { [""] = ["現行の計画がありません。"] };
        }

        const string Reason = "評価区分の変更";
        audit.Changed("Plan", plan.Code, "評価区分の方式", plan.GradeScheme.ToString(), grading.Scheme.ToString(), Reason);
        audit.Changed("Plan", plan.Code, "評価区分 A の達成率", Share(plan.GradeA), Share(grading.A), Reason);
        audit.Changed("Plan", plan.Code, "評価区分 B の達成率", Share(plan.GradeB), Share(grading.B), Reason);
        audit.Changed("Plan", plan.Code, "評価区分 C の達成率", Share(plan.GradeC), Share(grading.C), Reason);
        audit.Changed("Plan", plan.Code, "基準値の幅", Share(plan.GradeBaselineBand), Share(grading.BaselineBand), Reason);
        (plan.GradeScheme, plan.GradeA, plan.GradeB, plan.GradeC, plan.GradeBaselineBand) = (grading.Scheme, grading.A, grading.B, grading.C, grading.BaselineBand);
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, string[]>();
    }

    private static string Share(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The current plan with policies, initiatives, KPIs, targets and owners: one split query, a fixed number of SQL statements.</summary>
    public static IQueryable<Plan> CurrentWithKpis(DashboardDbContext db) => db.Plans.AsNoTracking().AsSplitQuery()
        .Where(p => p.IsCurrent)
        .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
        .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners);

    /// <summary>
    /// Each KPI's most recent approved quarter, in one query, with the status as of the reporting quarter (a
    /// milestone completed earlier stays 完了; one not done after its due year is 期限超過).
    /// </summary>
    private async Task<Dictionary<int, LatestFigureDto>> LatestApprovedAsync(Plan plan, FiscalQuarter reporting, CancellationToken cancellationToken)
    {
        var approved = await db.Entries.AsNoTracking()
            .Where(e => e.State == EntryState.Approved && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id))
            .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample })
            .ToListAsync(cancellationToken);
        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Id);
        var thresholds = new StatusThresholds(plan.OnTrackThreshold, plan.CautionThreshold);
        return approved
            .Where(e => kpis.ContainsKey(e.KpiId))
            .GroupBy(e => e.KpiId)
            .ToDictionary(g => g.Key, g =>
            {
                var last = g.OrderByDescending(e => e.FiscalYear * 4 + e.Quarter).First();
                var reports = g.Select(e => (new FiscalQuarter(e.FiscalYear, e.Quarter), new QuarterReport(e.Value, e.MilestoneState)));
                var asOf = new FiscalQuarter(last.FiscalYear, last.Quarter) > reporting ? new FiscalQuarter(last.FiscalYear, last.Quarter) : reporting;
                var definition = kpis[g.Key].ToDto().ToDefinition();
                var status = definition.Kind == KpiKind.Milestone
                    ? KpiRules.StatusAsOf(definition, asOf, reports, thresholds)
                    : KpiRules.Status(definition, new FiscalQuarter(last.FiscalYear, last.Quarter), new QuarterReport(last.Value, last.MilestoneState), thresholds);
                return new LatestFigureDto(last.FiscalYear, last.Quarter, last.Value, last.MilestoneState, last.IsSample, status);
            });
    }
}
