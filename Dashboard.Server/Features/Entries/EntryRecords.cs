using Dashboard.Shared.Problems;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Review;
using Microsoft.EntityFrameworkCore;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Text;

namespace Dashboard.Server.Features.Entries;

/// <summary>What entry and review both read and write about a quarter's entries: the refusal in a closed quarter, the entry as the form sees it, the commit.</summary>
public static class EntryRecords
{
    /// <summary>The refusal for a write into a closed quarter, or null when it is open.</summary>
    public static async Task<Outcome<EntryDto>?> ClosedMessageAsync(DashboardDbContext db, CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken) =>
        await QuarterRecords.LockedAsync(db, plan, q, cancellationToken) is { } locked ? Outcome.Refused<EntryDto>(locked) : null;

    /// <summary>The entry as the form edits it.</summary>
    public static EntryDto ToDto(CurrentPlan plan, Kpi kpi, FiscalQuarter q, QuarterlyEntry? e, bool isClosed, CollectionWindowDto? window = null)
    {
        var dto = kpi.ToDto();
        return new EntryDto(dto, q.FiscalYear, q.Quarter, plan.Thresholds, KpiRules.ExpectedAt(dto.ToDefinition(), q),
            e?.Value, e?.MilestoneState, e?.MilestoneDate, e?.Done, e?.Check, e?.Act, e?.EvidenceUrl, e?.State, e?.ReviewComment,
            e?.Version, e?.UpdatedBy, e?.UpdatedUtc, isClosed, e?.IsSample ?? false, window ?? CollectionWindows.Default(q), plan.FirstQuarter.StartDate);
    }

    /// <summary>
    /// The quarter before's PDCA text for 「前期の記述を引用」: the same KPI's, or in a plan's first quarter the KPI it
    /// carries on (継続, 拡充, 延伸, 統合) in the plan before. Null when that quarter wrote nothing.
    /// </summary>
    public static async Task<PreviousNotes?> PreviousNotesAsync(DashboardDbContext db, CurrentPlan plan, Kpi kpi, FiscalQuarter q, CancellationToken cancellationToken)
    {
        var previous = q.Previous();
        var kpiIds = new List<int> { kpi.Id };
        if (q == plan.FirstQuarter)
        {
            kpiIds = await db.KpiSuccessions.AsNoTracking().Where(s => s.PlanId == plan.Id && s.SuccessorKpiId == kpi.Id)
                .Select(s => s.PredecessorKpiId).ToListAsync(cancellationToken);
        }

        var notes = await db.Entries.AsNoTracking()
            .Where(e => kpiIds.Contains(e.KpiId) && e.FiscalYear == previous.FiscalYear && e.Quarter == previous.Quarter)
            .OrderBy(e => e.KpiId)
            .Select(e => new PreviousNotes(e.FiscalYear, e.Quarter, e.Done, e.Check, e.Act))
            .ToListAsync(cancellationToken);

        // Two KPIs merged into one (統合) have two texts: the first that wrote anything is offered, never a blend.
        return notes.FirstOrDefault(n => n.HasText);
    }

    /// <summary>
    /// The latest approved figure before <paramref name="q"/> of each of <paramref name="kpiIds"/> that has one: the
    /// KPI's own in this plan, else the last of the figures it carries from the plan before (<see cref="CarriedFigures"/>:
    /// one predecessor, 継続・拡充・延伸).
    /// </summary>
    public static async Task<Dictionary<int, LatestFigureDto>> LastApprovedAsync(
        DashboardDbContext db, CurrentPlan plan, IReadOnlyCollection<int> kpiIds, FiscalQuarter q, CancellationToken cancellationToken)
    {
        var latest = await ApprovedFigures.LatestAsync(db, kpiIds, q, cancellationToken);
        var missing = kpiIds.Where(id => !latest.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var carried = await CarriedFigures.LoadAsync(db, plan, missing, cancellationToken);
            foreach (var id in missing)
            {
                if (carried[id].LastOrDefault() is { } c)
                {
                    latest[id] = new LatestFigureDto(c.FiscalYear, c.Quarter, c.Value, c.Milestone, c.IsSample);
                }
            }
        }

        return latest;
    }

    /// <summary>The figure as people read it: 150件, 完了, 報告あり.</summary>
    public static string Figure(Kpi kpi, QuarterlyEntry entry) => kpi.Kind switch
    {
        KpiKind.Milestone => entry.MilestoneState?.Japanese() ?? "—",
        KpiKind.MonitorOnly => string.IsNullOrEmpty(entry.Done) ? "—" : "報告あり",
        _ => KpiFormat.Value(entry.Value, kpi.Unit),
    };

    /// <summary>Marks who changed the entry, when, and gives it a new version.</summary>
    public static void Touch(QuarterlyEntry entry, string actor, TimeProvider clock)
    {
        entry.UpdatedBy = actor;
        entry.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        entry.Version = Guid.NewGuid();
    }

    /// <summary>Saves; someone else's write in between (stale version, or a first entry added twice) becomes a conflict.</summary>
    /// <summary>The message of a save that lost to another person's, at the same moment or earlier.</summary>
    public static string SavedFirst(bool simultaneous) => Wording.Pick(
        $"ほかの人が{(simultaneous ? "同時に" : "先に")}この実績を保存しました。保存されている内容と、入力した内容を見比べてください。",
        $"Someone else saved this entry {(simultaneous ? "at the same moment" : "first")}. Compare what is stored with what you typed.");

    public static async Task<Outcome<EntryDto>> CommitAsync(DashboardDbContext db, CurrentPlan plan, Kpi kpi, FiscalQuarter q, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.KpiId == kpi.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
            return Outcome.Conflict<EntryDto>(current is null ? null : ToDto(plan, kpi, q, current, false), SavedFirst(simultaneous: true));
        }

        var saved = await db.Entries.AsNoTracking().FirstAsync(e => e.KpiId == kpi.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
        return Outcome.Ok(ToDto(plan, kpi, q, saved, false, await QuarterRecords.WindowAsync(db, plan, q, cancellationToken)));
    }
}
