using Dashboard.Server.Data;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Dashboards;

/// <summary>
/// Computes the dashboards from the plan and its entries. Each view costs the plan's split query plus one entries
/// query, whatever the number of KPIs; the rules run in memory through <see cref="DashboardRules"/>.
/// </summary>
public sealed class ServerDashboardService(DbOperations operations, PlanQuarters planQuarters, DashboardViewCache cache) : IDashboardService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    public async Task<OverviewDto?> GetOverviewAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        (await OverviewAsync(fiscalYear, quarter, cancellationToken))?.Value;

    public async Task<HeatmapDto?> GetHeatmapAsync(int? fiscalYear = null, int? quarter = null, CancellationToken cancellationToken = default) =>
        (await HeatmapAsync(fiscalYear, quarter, cancellationToken))?.Value;

    public async Task<KpiDetailDto?> GetKpiDetailAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        (await KpiDetailAsync(code, fiscalYear, quarter, cancellationToken))?.Value;

    public async Task<DepartmentViewDto?> GetDepartmentAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        (await DepartmentAsync(code, fiscalYear, quarter, cancellationToken))?.Value;

    // The same views with their cached JSON, for the API (DashboardEndpoints).
    internal Task<CachedView<OverviewDto>?> OverviewAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken) =>
        CachedAsync($"overview:{fiscalYear}:{quarter}", () => ComputeOverviewAsync(fiscalYear, quarter, cancellationToken), cancellationToken);

    internal Task<CachedView<HeatmapDto>?> HeatmapAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken) =>
        CachedAsync($"heatmap:{fiscalYear}:{quarter}", () => ComputeHeatmapAsync(fiscalYear, quarter, cancellationToken), cancellationToken);

    internal Task<CachedView<KpiDetailDto>?> KpiDetailAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken) =>
        CachedAsync($"kpi:{code}:{fiscalYear}:{quarter}", () => ComputeKpiDetailAsync(code, fiscalYear, quarter, cancellationToken), cancellationToken);

    internal Task<CachedView<DepartmentViewDto>?> DepartmentAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken) =>
        CachedAsync($"department:{code}:{fiscalYear}:{quarter}", () => ComputeDepartmentAsync(code, fiscalYear, quarter, cancellationToken), cancellationToken);

    /// <summary>
    /// The view from the cache when the data has not changed; the day is part of the key because the reporting quarter
    /// (and so the default view) moves with the date.
    /// </summary>
    private async Task<CachedView<T>?> CachedAsync<T>(string key, Func<Task<T?>> compute, CancellationToken cancellationToken)
        where T : class
    {
        using var operation = operations.Begin();
        return await cache.VersionAsync(() => db, cancellationToken) is { } version
            ? await cache.GetOrComputeAsync(version, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{planQuarters.Today:yyyy-MM-dd}:{key}"), compute)
            : null;
    }

    private async Task<OverviewDto?> ComputeOverviewAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(fiscalYear, quarter, cancellationToken) is not { } data || planQuarters.Resolve(data.Current, fiscalYear, quarter).Value is not var (_, q))
        {
            return null;
        }

        var reporting = planQuarters.ReportingQuarter(data.Current);
        var lateness = planQuarters.LatenessDate(data.Current);
        var window = await QuarterRecords.WindowAsync(db, data.Current, q, cancellationToken);
        var kpis = data.Plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Where(k => KpiRetirement.Expects(k.RetiredOn, q)).ToList();
        return new OverviewDto(
            data.Plan.Name,
            q.FiscalYear,
            q.Quarter,
            data.Current.FiscalYears(),
            reporting.FiscalYear,
            reporting.Quarter,
            data.Departments(),
            data.Plan.Policies.OrderBy(p => p.Number).Select(p => new OverviewPolicyDto(
                p.Number,
                p.Title,
                p.Initiatives.OrderBy(i => i.Number).Select(i => new OverviewInitiativeDto(
                    i.Number,
                    i.Title,
                    i.Kpis.OrderBy(k => k.DisplayOrder).Where(k => KpiRetirement.Expects(k.RetiredOn, q)).Select(k => data.Row(k, q)).ToList())).ToList())).ToList(),
            q == data.Current.LastQuarter,
            window,
            lateness is { } today ? kpis.Count(k => EntryLateness.IsLate(window, data.State(k, q), today)) : 0,
            data.Plan.Status == PlanStatus.Active && !planQuarters.IsChased(data.Current),
            data.Plan.Code,
            await planQuarters.StartedPlansAsync(cancellationToken));
    }

    private async Task<HeatmapDto?> ComputeHeatmapAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(fiscalYear, quarter, cancellationToken) is not { } data)
        {
            return null;
        }

        // The plan's quarters up to its reporting quarter (an ended plan: all of them).
        var quarters = data.Current.QuartersUpTo(planQuarters.ReportingQuarter(data.Current)).ToList();
        var rows = data.Plan.Policies.OrderBy(p => p.Number)
            .SelectMany(p => p.Initiatives.OrderBy(i => i.Number).Select(i =>
            {
                var kpis = i.Kpis.OrderBy(k => k.DisplayOrder)
                    .Select(k => new HeatmapKpiDto(k.Code, k.Name, quarters.Select(q => data.Status(k, q)).ToList(),
                        k.RetiredOn is null ? null : quarters.FindIndex(q => !KpiRetirement.Expects(k.RetiredOn, q)) is var c and >= 0 ? c : null))
                    .ToList();

                // A KPI retired before a quarter ended does not colour its initiative for that quarter.
                var cells = quarters.Select((_, c) => DashboardRules.Worst(kpis.Where(k => k.RetiredFrom is not { } r || c < r).Select(k => k.Cells[c]))).ToList();
                return new HeatmapInitiativeDto(p.Number, i.Number, i.Title, cells, kpis);
            }))
            .ToList();
        return new HeatmapDto(quarters.Select(q => new QuarterRef(q.FiscalYear, q.Quarter)).ToList(), rows, data.Plan.Code, data.Plan.Name,
            await planQuarters.StartedPlansAsync(cancellationToken));
    }

    private async Task<KpiDetailDto?> ComputeKpiDetailAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken)
    {
        // Only this KPI, its initiative and policy numbers: the cost does not grow with the plan.
        if ((await planQuarters.ResolveAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, asOf)
            || await db.Kpis.AsNoTracking().AsSplitQuery().Include(k => k.Targets).Include(k => k.Owners)
                .SingleOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == code, cancellationToken) is not { } kpi)
        {
            return null;
        }

        var place = await db.Initiatives.AsNoTracking().Where(i => i.Id == kpi.InitiativeId)
            .Select(i => new { i.Number, i.Title, Policy = db.Policies.Where(p => p.Id == i.PolicyId).Select(p => p.Number).First() })
            .SingleAsync(cancellationToken);
        var entries = await db.Entries.AsNoTracking().Where(e => e.KpiId == kpi.Id)
            .Select(e => new { e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample, e.State, e.Done, e.Check, e.Act })
            .ToListAsync(cancellationToken);
        var dto = kpi.ToDto();
        var definition = dto.ToDefinition();
        var approved = entries.Where(e => e.State == EntryState.Approved)
            .ToDictionary(e => new FiscalQuarter(e.FiscalYear, e.Quarter).Ordinal);
        var pending = entries.Where(e => e.State != EntryState.Approved)
            .ToDictionary(e => new FiscalQuarter(e.FiscalYear, e.Quarter).Ordinal, e => e.State);

        var figures = approved.Values.Select(e => new QuarterFigure(e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample)).ToList();
        var quarters = new List<KpiQuarterDto>();
        foreach (var at in plan.QuartersUpTo(asOf))
        {
            var entry = approved.GetValueOrDefault(at.Ordinal);
            var figure = figures.FirstOrDefault(f => f.FiscalQuarter == at);
            var status = DashboardRules.StatusOf(definition, at, figures, plan.Thresholds);
            quarters.Add(new KpiQuarterDto(
                at.FiscalYear,
                at.Quarter,
                figure,
                KpiRules.ExpectedAt(definition, at),
                figure?.Value is { } v ? KpiRules.AchievementOfYear(definition, at, v) : null,
                status,
                entry is null && pending.TryGetValue(at.Ordinal, out var state) ? state : null,
                entry?.Done,
                entry?.Check,
                entry?.Act,
                DashboardRules.GradeOf(definition, at, status, figures, plan.Grading, finalEvaluation: at == plan.LastQuarter)));
        }

        var lineage = await LineageAsync(kpi, plan, cancellationToken);
        return new KpiDetailDto(
            dto,
            place.Policy,
            place.Number,
            place.Title,
            asOf.FiscalYear,
            asOf.Quarter,
            new QuarterRef(plan.FirstQuarter.FiscalYear, plan.FirstQuarter.Quarter),
            new QuarterRef(plan.LastQuarter.FiscalYear, plan.LastQuarter.Quarter),
            quarters,
            plan.Quarters().Select(at => new ExpectedPointDto(at.FiscalYear, at.Quarter, KpiRules.ExpectedAt(definition, at))).ToList(),
            // Fitted through the figures a carried-over KPI brings from the previous plan too: one series, as drawn.
            DashboardRules.Forecast(definition, (lineage?.EarlierFigures ?? []).Concat(quarters.Select(x => x.Figure).OfType<QuarterFigure>()), plan.LastQuarter),
            lineage);
    }

    /// <summary>The KPI's links to the plans before and after it; the previous KPI's approved figures when it goes on as this one.</summary>
    private async Task<KpiLineageDto?> LineageAsync(Kpi kpi, CurrentPlan plan, CancellationToken cancellationToken)
    {
        var previous = await db.KpiSuccessions.AsNoTracking().Where(s => s.SuccessorKpiId == kpi.Id)
            .Select(s => new { s.PredecessorKpiId, s.PredecessorKpi!.Code, s.PredecessorKpi.Name, s.Disposition, Plan = s.PredecessorKpi.Plan!.Code, PlanName = s.PredecessorKpi.Plan.Name, s.PredecessorKpi.Plan.PeriodEnd })
            .ToListAsync(cancellationToken);
        var next = await db.KpiSuccessions.AsNoTracking().Where(s => s.PredecessorKpiId == kpi.Id && s.Plan!.Status != PlanStatus.Draft)
            .Select(s => new { Code = (string?)s.SuccessorKpi!.Code, Name = (string?)s.SuccessorKpi.Name, s.Disposition, Plan = s.Plan!.Code, PlanName = s.Plan.Name, s.Plan.PeriodStart })
            .ToListAsync(cancellationToken);
        if (previous.Count == 0 && next.Count == 0)
        {
            return null;
        }

        var earlier = (await CarriedFigures.LoadAsync(db, plan, [kpi.Id], cancellationToken))[kpi.Id].ToList();
        return new KpiLineageDto(
            previous.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => new KpiLinkDto(p.Plan, p.PlanName, p.Code, p.Name, p.Disposition, Ref(FiscalQuarter.FromDate(p.PeriodEnd)))).ToList(),
            next.Select(n => new KpiLinkDto(n.Plan, n.PlanName, n.Code, n.Name ?? kpi.Name, n.Disposition, n.Code is null ? null : Ref(FiscalQuarter.FromDate(n.PeriodStart)))).ToList(),
            earlier,
            earlier.Count > 0 ? Ref(plan.FirstQuarter) : null);
    }

    private static QuarterRef Ref(FiscalQuarter q) => new(q.FiscalYear, q.Quarter);

    private async Task<DepartmentViewDto?> ComputeDepartmentAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(fiscalYear, quarter, cancellationToken) is not { } data || planQuarters.Resolve(data.Current, fiscalYear, quarter).Value is not var (_, q))
        {
            return null;
        }

        var departments = data.Departments();
        if ((code.Length == 0 ? departments.FirstOrDefault() : departments.FirstOrDefault(d => d.Code == code)) is not { } department)
        {
            return null;
        }

        var kpis = data.Plan.Policies.OrderBy(p => p.Number)
            .SelectMany(p => p.Initiatives.OrderBy(i => i.Number))
            .SelectMany(i => i.Kpis.OrderBy(k => k.DisplayOrder).Where(k => k.Owners.Any(o => o.Code == department.Code) && KpiRetirement.Expects(k.RetiredOn, q)).Select(k =>
            {
                var row = data.Row(k, q);
                var next = DashboardRules.NextTarget(data.Dtos[k.Id], q, row.Status);
                return new DepartmentKpiDto(i.Number, i.Title, row, next?.FiscalYear, next?.Value);
            }))
            .ToList();
        return new DepartmentViewDto(department, departments, data.Current.FiscalYears(), q.FiscalYear, q.Quarter, kpis,
            new QuarterRef(data.Current.FirstQuarter.FiscalYear, data.Current.FirstQuarter.Quarter), new QuarterRef(data.Current.LastQuarter.FiscalYear, data.Current.LastQuarter.Quarter));
    }

    /// <summary>The plan the quarter belongs to (the current plan when none is named), with its entries.</summary>
    private async Task<PlanData?> LoadAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken)
    {
        var plan = fiscalYear is { } fy && quarter is { } q
            ? q is >= 1 and <= 4 && fy is >= 1900 and <= 2999 ? await ServerPlanService.CoveringWithKpis(db, new FiscalQuarter(fy, q)).FirstOrDefaultAsync(cancellationToken) : null
            : await ServerPlanService.CurrentWithKpis(db).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var entries = await db.Entries.AsNoTracking()
            .Where(e => db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id))
            .Select(e => new EntryRow(e.KpiId, e.FiscalYear, e.Quarter, e.Value, e.MilestoneState, e.IsSample, e.State))
            .ToListAsync(cancellationToken);
        var kpiIds = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Select(k => k.Id).ToList();
        return new PlanData(plan, entries) { Carried = await CarriedFigures.LoadAsync(db, CurrentPlan.Of(plan), kpiIds, cancellationToken) };
    }

    private sealed record EntryRow(int KpiId, int FiscalYear, int Quarter, decimal? Value, MilestoneState? Milestone, bool IsSample, EntryState State);

    /// <summary>The loaded plan and its entries, indexed for the views.</summary>
    private sealed class PlanData
    {
        private readonly ILookup<int, QuarterFigure> _approved;
        private readonly Dictionary<(int KpiId, int Ordinal), EntryState> _pending;
        private readonly Dictionary<int, KpiDefinition> _definitions;

        public PlanData(Plan plan, List<EntryRow> entries)
        {
            Plan = plan;
            Current = CurrentPlan.Of(plan);
            _approved = entries.Where(e => e.State == EntryState.Approved)
                .ToLookup(e => e.KpiId, e => new QuarterFigure(e.FiscalYear, e.Quarter, e.Value, e.Milestone, e.IsSample));
            _pending = entries.Where(e => e.State != EntryState.Approved)
                .ToDictionary(e => (e.KpiId, new FiscalQuarter(e.FiscalYear, e.Quarter).Ordinal), e => e.State);
            Dtos = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Id, k => k.ToDto());

            // The heatmap reads every KPI at every quarter: build the definitions once.
            _definitions = Dtos.ToDictionary(d => d.Key, d => d.Value.ToDefinition());
        }

        public Plan Plan { get; }

        public CurrentPlan Current { get; }

        public Dictionary<int, KpiDto> Dtos { get; }

        /// <summary>The figures each KPI carries from the previous plan (its trend starts with them).</summary>
        public ILookup<int, QuarterFigure> Carried { get; init; } = Array.Empty<(int, QuarterFigure)>().ToLookup(x => x.Item1, x => x.Item2);

        public List<DepartmentDto> Departments() => Dtos.Values.SelectMany(k => k.Owners).DistinctBy(d => d.Code).OrderBy(d => d.Code).ToList();

        public KpiRowDto Row(Kpi kpi, FiscalQuarter q) =>
            DashboardRules.Row(Dtos[kpi.Id], _approved[kpi.Id], q, Current.Thresholds, _pending.TryGetValue((kpi.Id, q.Ordinal), out var s) ? s : null, Current.Grading,
                finalEvaluation: q == Current.LastQuarter, carried: Carried[kpi.Id]);

        /// <summary>The KPI's entry state for the quarter (approved or not), null when nothing is entered.</summary>
        public EntryState? State(Kpi kpi, FiscalQuarter q) =>
            _pending.TryGetValue((kpi.Id, q.Ordinal), out var s) ? s
            : _approved[kpi.Id].Any(f => f.FiscalYear == q.FiscalYear && f.Quarter == q.Quarter) ? EntryState.Approved
            : null;

        public KpiStatus Status(Kpi kpi, FiscalQuarter q) =>
            DashboardRules.StatusOf(_definitions[kpi.Id], q, _approved[kpi.Id], Current.Thresholds);
    }
}
