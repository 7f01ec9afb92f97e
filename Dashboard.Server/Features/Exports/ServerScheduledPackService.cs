using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Exports;

/// <summary>Scheduling meeting packs over EF Core (decision 024); <see cref="ScheduledPackRound"/> builds and sends them.</summary>
public sealed class ServerScheduledPackService(DbOperations operations, AuditWriter audit, CurrentUser current, TimeProvider clock, PlanQuarters quarters)
    : IScheduledPackService
{
    private const string AuditType = "ScheduledPack";

    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private ClaimsPrincipal User => current.Principal;

    private bool MaySchedule => User.IsInRole(RoleNames.Planner) || User.IsInRole(RoleNames.Admin);

    public async Task<Outcome<ScheduledPacksDto>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (!MaySchedule)
        {
            return Outcome.Forbidden<ScheduledPacksDto>(Refusal);
        }

        var packs = await db.ScheduledPacks.AsNoTracking().OrderByDescending(p => p.SendOn).ThenByDescending(p => p.Id).ToListAsync(cancellationToken);
        var names = await PeopleNames.ResolveAsync(db, packs.Select(p => p.CreatedBy), cancellationToken);
        var closed = await db.ClosedQuarters.AsNoTracking().Where(c => db.Plans.Any(p => p.Id == c.PlanId && p.Status != PlanStatus.Draft))
            .OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Quarter)
            .Select(c => new ClosedQuarterDto(c.FiscalYear, c.Quarter)).ToListAsync(cancellationToken);
        return Outcome.Ok(new ScheduledPacksDto(packs.Select(p => ToDto(p, names)).ToList(), closed.Distinct().ToList(), quarters.Today));
    }

    public async Task<Outcome<ScheduledPackDto>> ScheduleAsync(SchedulePackRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (!MaySchedule)
        {
            return Outcome.Forbidden<ScheduledPackDto>(Refusal);
        }

        if (request.Check(quarters.Today) is { Count: > 0 } errors)
        {
            return Outcome.Invalid<ScheduledPackDto>(errors);
        }

        var reviewed = await quarters.ExactAsync(request.FiscalYear!.Value, request.Quarter!.Value, cancellationToken);
        if (reviewed.Value is not var (plan, q))
        {
            return Outcome.Invalid<ScheduledPackDto>(nameof(request.Quarter), reviewed.Message ?? QuarterRecords.OutsidePlan);
        }

        if (!await QuarterRecords.IsClosedAsync(db, plan, q, cancellationToken))
        {
            return Outcome.Invalid<ScheduledPackDto>(nameof(request.Quarter),
                Wording.Pick($"{q.ToJapaneseLabel()}はまだ締められていません。会議資料は、事務局が四半期を締めて実績が確定してから送ります（審査の画面で締めてください）。", $"{q.ToEnglishLabel()} is not closed yet. The pack is sent once the secretariat has closed the quarter and its figures are final (close it on the review page)."));
        }

        var pack = new ScheduledPack
        {
            PlanId = plan.Id,
            Title = TextPolicy.Clean(request.Title) is { Length: > 0 } title ? title : "推進本部会議",
            FiscalYear = q.FiscalYear,
            Quarter = q.Quarter,
            SendOn = request.SendOn!.Value,
            Attach = request.Attach,
            State = ScheduledPackState.Scheduled,
            CreatedBy = audit.Actor,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ScheduledPacks.Add(pack);
        await db.SaveChangesAsync(cancellationToken);
        audit.Changed(AuditType, Key(pack.Id), "Scheduled", null, $"{pack.Title} {q.ToJapaneseLabel()} {pack.SendOn:yyyy-MM-dd}{(pack.Attach ? " 添付あり" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(ToDto(pack, await PeopleNames.ResolveAsync(db, [pack.CreatedBy], cancellationToken)));
    }

    public async Task<Outcome<ScheduledPackDto>> CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (!MaySchedule)
        {
            return Outcome.Forbidden<ScheduledPackDto>(Refusal);
        }

        var pack = await db.ScheduledPacks.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pack is null)
        {
            return Outcome.NotFound<ScheduledPackDto>(Wording.Pick("予約が見つかりません。", "The scheduled pack was not found."));
        }

        // Cancelled only while still scheduled: the round claims the same row in one update, so a pack is either sent or called off.
        var called = await db.ScheduledPacks.Where(p => p.Id == id && p.State == ScheduledPackState.Scheduled && p.BuiltUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.State, ScheduledPackState.Cancelled), cancellationToken);
        if (called == 0)
        {
            return Outcome.Refused<ScheduledPackDto>(Wording.Pick("この会議資料はすでに作成・送付されたため、取り消せません。", "This pack has already been made and sent, so it cannot be cancelled."));
        }

        audit.Changed(AuditType, Key(id), "State", nameof(ScheduledPackState.Scheduled), nameof(ScheduledPackState.Cancelled));
        await db.SaveChangesAsync(cancellationToken);
        await db.Entry(pack).ReloadAsync(cancellationToken);
        return Outcome.Ok(ToDto(pack, await PeopleNames.ResolveAsync(db, [pack.CreatedBy], cancellationToken)));
    }

    public async Task<Outcome<ScheduledPackDto>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var pack = await db.ScheduledPacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.State != ScheduledPackState.Cancelled, cancellationToken);
        return pack is null
            ? Outcome.NotFound<ScheduledPackDto>(Wording.Pick("この会議資料は見つかりません（取り消された可能性があります）。", "This pack was not found (it may have been cancelled)."))
            : Outcome.Ok(ToDto(pack, await PeopleNames.ResolveAsync(db, [pack.CreatedBy], cancellationToken)));
    }

    /// <summary>The workbook as it was sent; null when it is not built yet (or was called off).</summary>
    public async Task<ExportFile?> FileAsync(long id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var pack = await db.ScheduledPacks.AsNoTracking().Where(p => p.Id == id && p.Content != null)
            .Select(p => new { p.FileName, p.Content }).FirstOrDefaultAsync(cancellationToken);
        return pack is null ? null : new ExportFile(pack.FileName!, pack.Content!);
    }

    private static string Refusal => Wording.Pick(
        "会議資料の送付を予約できるのは、事務局（企画・DX推進担当）とシステム管理者です。",
        "Only the secretariat (planning and DX) and the administrator schedule meeting packs.");

    private static ScheduledPackDto ToDto(ScheduledPack p, Func<string, string> names) =>
        new(p.Id, p.Title, p.FiscalYear, p.Quarter, p.SendOn, p.Attach, p.State, names(p.CreatedBy), p.BuiltUtc, p.SentUtc, p.Recipients, p.FileName);

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
