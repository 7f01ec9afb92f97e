using System.Globalization;
using Dashboard.Server.Data;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Dashboard.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>Reads plans into the Shared DTOs; a fixed number of queries whatever the number of KPIs.</summary>
public sealed partial class ServerPlanService(
    DbOperations operations, TimeProvider clock, PlanQuarters quarters, Dashboard.Server.Features.Audit.AuditWriter audit, Dashboard.Server.Features.Auth.CurrentUser current,
    IPlanWorkbookFormat workbooks) : IPlanService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    public async Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await CurrentWithKpis(db).Include(p => p.Revisions).FirstOrDefaultAsync(cancellationToken);
        return plan is null ? null : await ToDtoAsync(plan, cancellationToken);
    }

    /// <summary>The plan as the plan page shows it, with its place among the plans.</summary>
    private async Task<PlanDto> ToDtoAsync(Plan plan, CancellationToken cancellationToken)
    {
        var current = CurrentPlan.Of(plan);
        var reporting = quarters.ReportingQuarter(current);
        var latest = await LatestApprovedAsync(plan, reporting, cancellationToken);
        var closed = await QuarterRecords.ClosedQuartersAsync(db, current, cancellationToken);
        var plans = await PlansAsync(cancellationToken);
        return new PlanDto(
            plan.Code,
            plan.Name,
            plan.PeriodStart,
            plan.PeriodEnd,
            current.FiscalYears(),
            plan.IsCurrent,
            new StatusThresholds(plan.OnTrackThreshold, plan.CautionThreshold),
            Versions(plan),
            plan.Policies.OrderBy(p => p.Number).Select(p => new PolicyDto(
                p.Number,
                p.Title,
                p.Subtitle,
                p.Initiatives.OrderBy(i => i.Number).Select(i => new InitiativeDto(
                    i.Number,
                    i.Title,
                    i.Summary,
                    i.Kpis.OrderBy(k => k.DisplayOrder).Select(k => k.ToDto() with { Latest = latest.GetValueOrDefault(k.Id) }).ToList())).ToList())).ToList(),
            plan.Grading,
            plan.Status == PlanStatus.Active && !quarters.IsChased(current),
            QuarterRecords.QuarterOptions(current, closed),
            new QuarterOption(reporting.FiscalYear, reporting.Quarter, closed.Contains(reporting)),
            plan.Status,
            plans.FirstOrDefault(p => p.Code == plan.Code)?.PredecessorCode,
            plans.FirstOrDefault(p => p.PredecessorCode == plan.Code)?.Code,
            plan.PredecessorId is null ? [] : await SuccessionsAsync(plan, cancellationToken),
            plans,
            MayMaintain ? await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name, d.IsSample)).ToListAsync(cancellationToken) : null);
    }

    public async Task<Outcome<Done>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var errors = grading.Validate();
        if (errors.Count > 0)
        {
            return Outcome.Invalid<Done>(errors);
        }

        var plan = await PlanQuarters.InForce(db.Plans).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<Done>(Wording.Pick("現行の計画がありません。", "There is no current plan."));
        }

        const string Reason = "評価区分の変更";
        audit.Changed("Plan", plan.Code, "評価区分の方式", plan.GradeScheme.ToString(), grading.Scheme.ToString(), Reason);
        audit.Changed("Plan", plan.Code, "評価区分 A の達成率", Share(plan.GradeA), Share(grading.A), Reason);
        audit.Changed("Plan", plan.Code, "評価区分 B の達成率", Share(plan.GradeB), Share(grading.B), Reason);
        audit.Changed("Plan", plan.Code, "評価区分 C の達成率", Share(plan.GradeC), Share(grading.C), Reason);
        audit.Changed("Plan", plan.Code, "基準値の幅", Share(plan.GradeBaselineBand), Share(grading.BaselineBand), Reason);
        (plan.GradeScheme, plan.GradeA, plan.GradeB, plan.GradeC, plan.GradeBaselineBand) = (grading.Scheme, grading.A, grading.B, grading.C, grading.BaselineBand);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome<PlanRevisionDto>> ReviseAsync(PlanRevisionRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await PlanQuarters.InForce(db.Plans.Include(p => p.Revisions)).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Outcome.Refused<PlanRevisionDto>(Wording.Pick("現行の計画がありません。", "There is no current plan."), OutcomeKind.NotFound);
        }

        var errors = PlanRevisionRules.Validate(request, plan.PeriodStart, plan.PeriodEnd);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<PlanRevisionDto>(errors);
        }

        var before = plan.PeriodEnd;
        var after = request.ExtendToFiscalYear is { } to ? FiscalQuarter.FiscalYearEnd(to) : before;
        var name = (await PeopleNames.ResolveAsync(db, [audit.Actor], cancellationToken))(audit.Actor);
        var revision = new PlanRevision
        {
            PlanId = plan.Id,
            Date = request.Date!.Value,
            Description = TextPolicy.Clean(request.Description)!,
            Reason = TextPolicy.Clean(request.Reason),
            PeriodEndBefore = before,
            PeriodEndAfter = after,
            RecordedBy = name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
        };
        plan.Revisions.Add(revision);
        plan.PeriodEnd = after;
        var number = plan.Revisions.Count;
        var whole = await WithKpis(db, plan.Id).FirstAsync(cancellationToken);
        whole.PeriodEnd = after;
        revision.Snapshot = PlanEditions.Snapshot(whole, revision.Date);
        audit.Changed("Plan", plan.Code, "改訂", null, $"第{number}版 {revision.Date:yyyy-MM-dd} {revision.Description}", revision.Reason);
        audit.Changed("Plan", plan.Code, "計画期間の終了", Iso(before), Iso(after), revision.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(new PlanRevisionDto(revision.Date, revision.Description, number, revision.Reason, name));
    }

    public async Task<Outcome<KpiDto>> ReviseTargetAsync(string kpiCode, int fiscalYear, TargetRevisionRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await quarters.PlanAsync(cancellationToken);
        var kpi = plan is null ? null : await db.Kpis.AsSplitQuery().Include(k => k.Targets).Include(k => k.Owners)
            .FirstOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
        if (plan is null || kpi is null)
        {
            return Outcome.Refused<KpiDto>(Wording.Pick("指標が見つかりません。", "The indicator was not found."), OutcomeKind.NotFound);
        }

        var errors = PlanRevisionRules.Validate(request, kpi.ToDto().ToDefinition(), fiscalYear, plan.PeriodStart, plan.PeriodEnd, out var value);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<KpiDto>(errors);
        }

        var from = request.EffectiveFrom!.Value;
        if (kpi.Targets.Any(t => t.FiscalYear == fiscalYear && t.EffectiveFrom == from))
        {
            return Outcome.Invalid<KpiDto>(new Dictionary<string, string[]>
            {
                [nameof(request.EffectiveFrom)] = [Wording.Pick($"{JapaneseEra.FiscalYearLabel(fiscalYear)}の目標は {from:yyyy/MM/dd} 付けで既に見直されています。別の日付にしてください。", $"The FY{fiscalYear} target was already revised from {Wording.Date(from)}. Choose another date.")],
            });
        }

        // A new row: the plan's own value and every earlier revision stay as they were.
        var previous = kpi.ToDto().ToDefinition().InForceAt(from).TargetFor(fiscalYear);
        var reason = TextPolicy.Clean(request.Reason);
        var name = (await PeopleNames.ResolveAsync(db, [audit.Actor], cancellationToken))(audit.Actor);
        kpi.Targets.Add(new KpiTargetValue
        {
            KpiId = kpi.Id,
            FiscalYear = fiscalYear,
            Value = value,
            EffectiveFrom = from,
            Reason = reason,
            RecordedBy = name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Changed("KpiTarget", $"{plan.Code}/{kpi.Code}/{fiscalYear}", $"目標（{from:yyyy-MM-dd}から）",
            previous?.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture), reason);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(kpi.ToDto());
    }

    /// <summary>The plan's versions (版) in order: 策定 is 第1版.</summary>
    private static List<PlanRevisionDto> Versions(Plan plan) =>
        plan.Revisions.OrderBy(r => r.Date).ThenBy(r => r.Id)
            .Select((r, i) => new PlanRevisionDto(r.Date, r.Description, i + 1, r.Reason, r.RecordedBy, r.Snapshot is not null)).ToList();

    public async Task<PlanDto?> GetEditionAsync(string code, int number, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (plan is null || (plan.Status == PlanStatus.Draft && !MayMaintain))
        {
            return null;
        }

        var versions = Versions(plan);
        var ordered = plan.Revisions.OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();
        if (number < 1 || number > ordered.Count)
        {
            return null;
        }

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        return PlanEditions.Read(ordered[number - 1], number, versions, departments, plan.Status);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Share(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The current plan with policies, initiatives, KPIs, targets and owners: one split query, a fixed number of SQL statements.</summary>
    public static IQueryable<Plan> CurrentWithKpis(DashboardDbContext db) => WithKpis(PlanQuarters.InForce(db.Plans));

    /// <summary>The same for the plan with id <paramref name="planId"/>.</summary>
    public static IQueryable<Plan> WithKpis(DashboardDbContext db, int planId) => WithKpis(db.Plans.Where(p => p.Id == planId));

    /// <summary>The same for the started plan that covers <paramref name="quarter"/> (see <see cref="PlanQuarters.Covering"/>).</summary>
    public static IQueryable<Plan> CoveringWithKpis(DashboardDbContext db, FiscalQuarter quarter) => WithKpis(PlanQuarters.Covering(db.Plans, quarter));

    private static IQueryable<Plan> WithKpis(IQueryable<Plan> plans) => plans.AsNoTracking().AsSplitQuery()
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
