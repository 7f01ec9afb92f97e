using Dashboard.Server.Data;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Review;
using Microsoft.EntityFrameworkCore;
using Dashboard.Shared.Plans;
using Dashboard.Server.Features.Plans;

namespace Dashboard.Server.Features.Exports;

/// <summary>Everything the pack shows, read in a fixed number of queries.</summary>
public sealed record PackData(Plan Plan, CurrentPlan Current, FiscalQuarter Quarter, IReadOnlyList<QuarterlyEntry> Entries, string ExportedBy, DateTime ExportedUtc)
{
    private readonly Dictionary<(int KpiId, int Year, int Quarter), QuarterlyEntry> _byKey =
        Entries.ToDictionary(e => (e.KpiId, e.FiscalYear, e.Quarter));

    /// <summary>Reads <paramref name="current"/>'s plan and entries; <paramref name="quarter"/> must lie in its period.</summary>
    public static async Task<PackData> LoadAsync(DashboardDbContext db, CurrentPlan current, FiscalQuarter quarter, string exportedBy, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners)
            .SingleAsync(p => p.Id == current.Id, cancellationToken);
        var entries = await db.Entries.AsNoTracking()
            .Where(e => db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == current.Id))
            .ToListAsync(cancellationToken);
        var closed = await db.ClosedQuarters.AsNoTracking().Where(c => c.PlanId == current.Id)
            .Select(c => new { c.FiscalYear, c.Quarter }).ToListAsync(cancellationToken);
        return new PackData(plan, current, quarter, entries, exportedBy, nowUtc)
        {
            Closed = closed.Select(c => new FiscalQuarter(c.FiscalYear, c.Quarter)).ToHashSet(),
            Assessments = await Dashboard.Server.Features.Assessments.ServerAssessmentService.ForYearAsync(db, current.Id, quarter.FiscalYear, cancellationToken),
            Window = await QuarterRecords.WindowAsync(db, current, quarter, cancellationToken),
            PreviousFindings = await PackFinding.LoadAsync(db, current, quarter, cancellationToken),
            Carried = await CarriedFigures.LoadAsync(db, current, plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Select(k => k.Id).ToList(), cancellationToken),
        };
    }

    /// <summary>「前回の指摘と対応」: what the committee asked at the last meeting before this quarter, and anything older still open.</summary>
    public IReadOnlyList<PackFinding> PreviousFindings { get; init; } = [];

    /// <summary>The KPIs of the pack's quarter: a KPI retired before the quarter ended is no longer reported on.</summary>
    public IEnumerable<(BasicPolicy Policy, Initiative Initiative, Kpi Kpi)> Kpis() =>
        from p in Plan.Policies.OrderBy(p => p.Number)
        from i in p.Initiatives.OrderBy(i => i.Number)
        from k in i.Kpis.OrderBy(k => k.DisplayOrder)
        where Dashboard.Shared.Plans.KpiRetirement.Expects(k.RetiredOn, Quarter)
        select (p, i, k);

    private readonly ILookup<int, (FiscalQuarter Quarter, QuarterReport Report)> _approved = Entries
        .Where(e => e.State == EntryState.Approved)
        .ToLookup(e => e.KpiId, e => (new FiscalQuarter(e.FiscalYear, e.Quarter), new QuarterReport(e.Value, e.MilestoneState)));

    /// <summary>The approved figures each KPI carries from the previous plan (see <see cref="CarriedFigures"/>), by KPI id.</summary>
    public ILookup<int, Dashboard.Shared.Dashboards.QuarterFigure> Carried { get; init; } = Array.Empty<(int, Dashboard.Shared.Dashboards.QuarterFigure)>().ToLookup(x => x.Item1, x => x.Item2);

    /// <summary>The initiatives' assessments for the pack's fiscal year, by initiative id.</summary>
    public IReadOnlyDictionary<int, InitiativeAssessment> Assessments { get; init; } = new Dictionary<int, InitiativeAssessment>();

    /// <summary>The quarter's collection window (its due date).</summary>
    public CollectionWindowDto Window { get; init; } = CollectionWindows.Default(Quarter);

    /// <summary>KPIs whose report for the pack's quarter is past the due date and not submitted, as of the export.</summary>
    public int LateCount(IEnumerable<Kpi> kpis)
    {
        var today = DateOnly.FromDateTime(JapanTime.FromUtc(ExportedUtc));
        return kpis.Count(k => EntryLateness.IsLate(Window, EntryOf(k, Quarter)?.State, today));
    }

    /// <summary>Quarters the secretariat has closed.</summary>
    public IReadOnlySet<FiscalQuarter> Closed { get; init; } = new HashSet<FiscalQuarter>();

    public QuarterlyEntry? EntryOf(Kpi kpi, FiscalQuarter q) => _byKey.GetValueOrDefault((kpi.Id, q.FiscalYear, q.Quarter));

    /// <summary>The KPI's approved reports, any quarter (the rules read those up to the quarter they are asked about).</summary>
    public IEnumerable<(FiscalQuarter Quarter, QuarterReport Report)> ApprovedOf(Kpi kpi) => _approved[kpi.Id];
}
