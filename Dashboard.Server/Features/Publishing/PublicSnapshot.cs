using System.Security.Cryptography;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Publishing;

/// <summary>Where the open data says it comes from: the 6-digit 地方公共団体コード and the city's name (configurable).</summary>
public sealed class PublicOptions
{
    public string MunicipalityCode { get; set; } = "022059";
    public string MunicipalityName { get; set; } = "五所川原市";

    /// <summary>The municipality's name on the English page.</summary>
    public string MunicipalityNameEnglish { get; set; } = "Goshogawara City";

    /// <summary>Requests per minute each client address may make to the anonymous pages and files.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// The public address of the app (e.g. https://dx.city.example.lg.jp) for the open data catalogue's links; when
    /// empty, <c>Notifications:Mail:AppUrl</c>, else the links are relative. Never the request's Host header: the
    /// catalogue is cached publicly.
    /// </summary>
    public string? BaseUrl { get; set; }
}

/// <summary>A started plan as the public page's chooser links it.</summary>
public sealed record PublicPlanLink(string Code, string Name, PlanStatus Status, bool IsCurrent);

/// <summary>One KPI on the public page: its rows (one per published quarter) and its public notes, if any.</summary>
public sealed record PublicKpi(BasicPolicy Policy, Initiative Initiative, Kpi Kpi, KpiDefinition Definition, IReadOnlyList<OpenDataRow> Rows, QuarterlyEntry? PublicNotes);

/// <summary>
/// Everything the public page and the open data show, read only from published quarters: approved figures in them,
/// no drafts, submissions or returns, no notes unless marked public, no names of people.
/// </summary>
/// <remarks>
/// The page shows the current plan; the open data also keeps the rows of the plans before it (their published
/// quarters stay published), each KPI with the KPI IDs it came from and went on as.
/// </remarks>
public sealed record PublicSnapshot(
    Plan? Plan, IReadOnlyList<(FiscalQuarter Quarter, DateTime PublishedUtc)> Published, IReadOnlyList<PublicKpi> Kpis, DateTime LastModifiedUtc,
    IReadOnlyList<OpenDataRow>? EarlierRows = null)
{
    /// <summary>Every open data row: earlier plans' first, then the current plan's.</summary>
    public IEnumerable<OpenDataRow> Rows => (EarlierRows ?? []).Concat(Kpis.SelectMany(k => k.Rows));

    /// <summary>The quarter the page shows: the latest published.</summary>
    public FiscalQuarter? Latest => Published.Count == 0 ? null : Published[^1].Quarter;

    /// <summary>A strong validator of the published content (the CSV's hash), for ETag.</summary>
    public string Version { get; } = Convert.ToHexString(SHA256.HashData(OpenDataColumns.Csv((EarlierRows ?? []).Concat(Kpis.SelectMany(k => k.Rows)))))[..32]
        + (Kpis.Any(k => k.PublicNotes is not null) ? "-" + string.Join(".", Kpis.Where(k => k.PublicNotes is not null).Select(k => k.PublicNotes!.Id)) : "");

    /// <summary>The started plans (実施中 and 終了, never a draft), oldest first: the public page's plan chooser.</summary>
    public IReadOnlyList<PublicPlanLink> Plans { get; init; } = [];

    public static Task<PublicSnapshot> LoadAsync(DashboardDbContext db, PublicOptions options, CancellationToken cancellationToken) =>
        LoadAsync(db, options, null, cancellationToken);

    /// <summary>The snapshot of the plan named by <paramref name="planCode"/> (a started plan), or the plan in force when none is named.</summary>
    public static async Task<PublicSnapshot> LoadAsync(DashboardDbContext db, PublicOptions options, string? planCode, CancellationToken cancellationToken)
    {
        var plans = await PlanQuarters.Started(db.Plans.AsNoTracking()).OrderBy(p => p.PeriodStart)
            .Select(p => new PublicPlanLink(p.Code, p.Name, p.Status, p.IsCurrent)).ToListAsync(cancellationToken);
        var plan = planCode is null
            ? await ServerPlanService.CurrentWithKpis(db).FirstOrDefaultAsync(cancellationToken)
            : await PlanQuarters.Started(db.Plans).Where(p => p.Code == planCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } chosenId
                ? await ServerPlanService.WithKpis(db, chosenId).FirstAsync(cancellationToken)
                : null;
        if (plan is null)
        {
            return new PublicSnapshot(null, [], [], DateTime.UnixEpoch) { Plans = plans };
        }

        var links = await LinksAsync(db, cancellationToken);
        var (published, approved, kpis) = await PlanRowsAsync(db, options, plan, links, cancellationToken);

        // The plans before the current one (ended): their published rows stay in the open data.
        var earlierRows = new List<OpenDataRow>();
        var earlierIds = await PlanQuarters.Started(db.Plans.AsNoTracking())
            .Where(p => p.Id != plan.Id && p.PeriodStart < plan.PeriodStart)
            .OrderBy(p => p.PeriodStart).Select(p => p.Id).ToListAsync(cancellationToken);
        var modified = published.Select(p => p.PublishedUtc).Concat(approved.Select(e => e.UpdatedUtc)).DefaultIfEmpty(DateTime.UnixEpoch).Max();
        foreach (var id in earlierIds)
        {
            var earlier = await ServerPlanService.WithKpis(db, id).FirstAsync(cancellationToken);
            var (earlierPublished, earlierApproved, earlierKpis) = await PlanRowsAsync(db, options, earlier, links, cancellationToken);
            earlierRows.AddRange(earlierKpis.SelectMany(k => k.Rows));
            modified = earlierPublished.Select(p => p.PublishedUtc).Concat(earlierApproved.Select(e => e.UpdatedUtc)).Append(modified).Max();
        }

        return new PublicSnapshot(plan, published, kpis, modified, earlierRows) { Plans = plans };
    }

    /// <summary>How KPIs go on across plans: (previous KPI id, its code, next KPI id or null, its code, disposition) of started plans.</summary>
    private sealed record Link(int PreviousId, string PreviousCode, int? NextId, string? NextCode, Dashboard.Shared.Plans.KpiDisposition Disposition);

    private static async Task<List<Link>> LinksAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        await db.KpiSuccessions.AsNoTracking().Where(s => PlanQuarters.Started(db.Plans).Any(p => p.Id == s.PlanId))
            .Select(s => new Link(s.PredecessorKpiId, s.PredecessorKpi!.Code, s.SuccessorKpiId, s.SuccessorKpi!.Code, s.Disposition))
            .ToListAsync(cancellationToken);

    /// <summary>One plan's published quarters, approved entries in them and rows per KPI.</summary>
    private static async Task<(List<(FiscalQuarter Quarter, DateTime PublishedUtc)> Published, List<QuarterlyEntry> Approved, List<PublicKpi> Kpis)> PlanRowsAsync(
        DashboardDbContext db, PublicOptions options, Plan plan, List<Link> links, CancellationToken cancellationToken)
    {
        var current = CurrentPlan.Of(plan);
        var edition = Math.Max(1, await db.Set<PlanRevision>().CountAsync(r => r.PlanId == plan.Id, cancellationToken));
        var published = (await db.PublishedQuarters.AsNoTracking().Where(p => p.PlanId == plan.Id).ToListAsync(cancellationToken))
            .Select(p => (Quarter: new FiscalQuarter(p.FiscalYear, p.Quarter), p.PublishedUtc))
            .Where(p => current.Contains(p.Quarter)).OrderBy(p => p.Quarter).ToList();
        var publishedSet = published.Select(p => p.Quarter).ToHashSet();
        var approved = published.Count == 0 ? [] : (await db.Entries.AsNoTracking()
                .Where(e => e.State == EntryState.Approved && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id))
                .ToListAsync(cancellationToken))
            .Where(e => publishedSet.Contains(new FiscalQuarter(e.FiscalYear, e.Quarter)))
            .ToList();
        var reports = approved.ToLookup(e => e.KpiId, e => (new FiscalQuarter(e.FiscalYear, e.Quarter), new QuarterReport(e.Value, e.MilestoneState)));
        var latest = published.Count == 0 ? (FiscalQuarter?)null : published[^1].Quarter;

        var kpis = new List<PublicKpi>();
        foreach (var policy in plan.Policies.OrderBy(p => p.Number))
        {
            foreach (var initiative in policy.Initiatives.OrderBy(i => i.Number))
            {
                foreach (var kpi in initiative.Kpis.OrderBy(k => k.DisplayOrder))
                {
                    var definition = kpi.ToDto().ToDefinition();
                    var from = links.Where(l => l.NextId == kpi.Id).OrderBy(l => l.PreviousCode, StringComparer.Ordinal).ToList();
                    var to = links.FirstOrDefault(l => l.PreviousId == kpi.Id);
                    var rows = published.Select(p => Row(options, plan, edition, policy, initiative, kpi, definition, current, p.Quarter, p.PublishedUtc, reports[kpi.Id]) with
                    {
                        PreviousKpiId = from.Count == 0 ? null : string.Join("、", from.Select(l => l.PreviousCode)),
                        PreviousDisposition = from.Count == 0 ? null : string.Join("、", from.Select(l => l.Disposition.Japanese()).Distinct()),
                        NextKpiId = to?.NextCode,
                        NextDisposition = to?.Disposition.Japanese(),
                    }).ToList();
                    var notes = latest is { } l ? approved.SingleOrDefault(e => e.KpiId == kpi.Id && e.NotesPublic && e.FiscalYear == l.FiscalYear && e.Quarter == l.Quarter) : null;
                    kpis.Add(new PublicKpi(policy, initiative, kpi, definition, rows, notes));
                }
            }
        }

        return (published, approved, kpis);
    }

    private static OpenDataRow Row(PublicOptions options, Plan plan, int edition, BasicPolicy policy, Initiative initiative, Kpi kpi, KpiDefinition definition,
        CurrentPlan current, FiscalQuarter q, DateTime publishedUtc, IEnumerable<(FiscalQuarter, QuarterReport)> reports)
    {
        var standing = KpiGrades.Standing(definition, q, reports, current.Thresholds, current.Grading, current.LastQuarter);
        var target = definition.InForceAt(q.EndDate).TargetFor(q.FiscalYear);
        var revision = definition.RevisionInForce(q);
        var actual = kpi.Kind.IsNumeric() ? standing.Latest?.Report.Value : null;
        decimal? achievement = kpi.Kind.IsNumeric() && kpi.Kind != KpiKind.ZeroTarget && target is { } t && actual is { } a
            ? Math.Round(KpiRules.Achievement(kpi.Direction, kpi.BaselineValue, t, a), 4)
            : null;
        return new OpenDataRow(
            options.MunicipalityCode, options.MunicipalityName, plan.Name, policy.Number, policy.Title, initiative.Number, initiative.Title,
            kpi.Code, kpi.Name, kpi.Unit, kpi.Direction.Japanese(), kpi.BaselineValue, kpi.BaselineDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            q.FiscalYear, q.Quarter, target, actual, achievement, standing.Status.Japanese(), standing.Grade.Japanese(),
            string.Join("、", kpi.Owners.Select(o => o.Name)), JapanTime.Format(publishedUtc, "yyyy-MM-dd"),
            plan.Code, edition, target is null ? "" : revision is null ? "当初" : "見直し後",
            revision?.EffectiveFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), revision?.Reason);
    }
}
