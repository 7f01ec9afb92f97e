using Dashboard.Shared.Text;
using Dashboard.Shared.Problems;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Publishing;
using Microsoft.EntityFrameworkCore;
using Dashboard.Server.Features.Plans;

namespace Dashboard.Server.Features.Publishing;

/// <summary>Publishing decisions over the database; every decision is audited.</summary>
public sealed class ServerPublishingService(DbOperations operations, TimeProvider clock, PlanQuarters planQuarters, AuditWriter audit) : IPublishingService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private const string EntityType = "PublishedQuarter";

    public async Task<PublishingDto?> GetAsync(CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await planQuarters.PlanAsync(cancellationToken) is not { } plan)
        {
            return null;
        }

        var closed = await QuarterRecords.ClosedQuartersAsync(db, plan, cancellationToken);
        var published = (await db.PublishedQuarters.AsNoTracking().Where(p => p.PlanId == plan.Id).ToListAsync(cancellationToken))
            .ToDictionary(p => new FiscalQuarter(p.FiscalYear, p.Quarter), p => p.PublishedUtc);
        var quarters = plan.Quarters().Reverse()
            .Select(q => new PublishingQuarterDto(q.FiscalYear, q.Quarter, closed.Contains(q), published.TryGetValue(q, out var at) ? at : null))
            .ToList();
        var notes = (await db.Entries.AsNoTracking()
                .Where(e => e.State == EntryState.Approved && (e.Done != null || e.Check != null || e.Act != null))
                .Join(db.Kpis.Where(k => k.PlanId == plan.Id), e => e.KpiId, k => k.Id, (e, k) => new { e, k.Code, k.Name, k.DisplayOrder })
                .ToListAsync(cancellationToken))
            .Where(x => published.ContainsKey(new FiscalQuarter(x.e.FiscalYear, x.e.Quarter)))
            .OrderByDescending(x => x.e.FiscalYear).ThenByDescending(x => x.e.Quarter).ThenBy(x => x.DisplayOrder)
            .Select(x => new PublishableNoteDto(x.Code, x.Name, x.e.FiscalYear, x.e.Quarter, x.e.Done, x.e.Check, x.e.Act, x.e.NotesPublic))
            .ToList();
        return new PublishingDto(quarters, notes);
    }

    public async Task<Outcome<Done>> PublishAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await planQuarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.NotFound<Done>(Wording.Pick("計画期間内の四半期を指定してください。", "Give a quarter within the plan's period."));
        }

        if (!await QuarterRecords.IsClosedAsync(db, plan, q, cancellationToken))
        {
            return Outcome.Refused<Done>(Wording.Pick($"{q.ToJapaneseLabel()}はまだ締め切られていません。締め切ってから公表してください。", $"{q.ToEnglishLabel()} is not closed yet. Close it before publishing."));
        }

        if (await db.PublishedQuarters.AnyAsync(p => p.PlanId == plan.Id && p.FiscalYear == fiscalYear && p.Quarter == quarter, cancellationToken))
        {
            return Outcome.Done();
        }

        db.PublishedQuarters.Add(new PublishedQuarter { PlanId = plan.Id, FiscalYear = fiscalYear, Quarter = quarter, PublishedUtc = clock.GetUtcNow().UtcDateTime, PublishedBy = audit.Actor });
        audit.Changed(EntityType, $"{plan.Code}/{q.ToJapaneseLabel()}", "公表", "非公表", "公表");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome<Done>> WithdrawAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await planQuarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.NotFound<Done>(Wording.Pick("計画期間内の四半期を指定してください。", "Give a quarter within the plan's period."));
        }

        var row = await db.PublishedQuarters.SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.FiscalYear == fiscalYear && p.Quarter == quarter, cancellationToken);
        if (row is not null)
        {
            db.PublishedQuarters.Remove(row);
            audit.Changed(EntityType, $"{plan.Code}/{q.ToJapaneseLabel()}", "公表", "公表", "非公表");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }

    public async Task<Outcome<Done>> SetNotesPublicAsync(string kpiCode, int fiscalYear, int quarter, bool isPublic, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await planQuarters.PlanAsync(cancellationToken);
        var entry = plan is null ? null : await db.Entries
            .Where(e => e.FiscalYear == fiscalYear && e.Quarter == quarter && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id && k.Code == kpiCode))
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is not { State: EntryState.Approved })
        {
            return Outcome.Refused<Done>(Wording.Pick("承認済みの実績の記載だけを公開できます。", "Only the notes of approved figures can be published."));
        }

        if (audit.Changed("QuarterlyEntry", plan!.EntryKey(kpiCode, new FiscalQuarter(fiscalYear, quarter)), "記載の公開", entry.NotesPublic ? "公開" : "非公開", isPublic ? "公開" : "非公開"))
        {
            entry.NotesPublic = isPublic;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }
}
