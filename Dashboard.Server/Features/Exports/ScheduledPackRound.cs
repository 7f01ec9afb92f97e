using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Notifications;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// On each background round, every pack whose day has come is built (once: the first instance to set its build time
/// keeps it) and sent to each active committee member under the dispatch key <c>scheduled-pack/{id}</c>, which a
/// restart or a second instance finds and does not send again. A pack whose quarter was reopened after it was scheduled
/// waits until the quarter is closed again: the committee gets confirmed figures or nothing.
/// </summary>
public sealed class ScheduledPackRound(DbOperations operations, CollectionNotices notices, TimeProvider clock, PlanQuarters quarters, ILogger<ScheduledPackRound> log)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    /// <summary>Builds and sends what is due today; returns how many packs were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var operation = operations.Begin();
        var today = quarters.Today;
        var due = await db.ScheduledPacks.AsNoTracking().Where(p => p.State == ScheduledPackState.Scheduled && p.SendOn <= today)
            .Select(p => new { p.Id, p.FiscalYear, p.Quarter, p.BuiltUtc, p.Title, p.Attach, p.CreatedBy }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var pack in due)
        {
            if ((await quarters.ExactAsync(pack.FiscalYear, pack.Quarter, cancellationToken)).Value is not var (plan, q)
                || !await QuarterRecords.IsClosedAsync(db, plan, q, cancellationToken))
            {
                continue;
            }

            if (pack.BuiltUtc is null)
            {
                var names = await PeopleNames.ResolveAsync(db, [pack.CreatedBy], cancellationToken);
                var data = await PackData.LoadAsync(db, plan, q, $"{names(pack.CreatedBy)}（会議資料の予約送付）", clock.GetUtcNow().UtcDateTime, cancellationToken);
                var content = await Task.Run(() => PackBuilder.Build(data), cancellationToken);
                await db.ScheduledPacks.Where(p => p.Id == pack.Id && p.BuiltUtc == null && p.State == ScheduledPackState.Scheduled)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(p => p.Content, content)
                        .SetProperty(p => p.FileName, Dashboard.Shared.Exports.PackNaming.FileName(q))
                        .SetProperty(p => p.BuiltUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
            }

            // Only the state is read again (not the workbook): the pack may have been called off meanwhile.
            if (await db.ScheduledPacks.Where(p => p.Id == pack.Id).Select(p => p.State).SingleAsync(cancellationToken) != ScheduledPackState.Scheduled)
            {
                continue;
            }

            var built = pack;

            var committee = await CollectionNotices.PeopleWithAsync(db, AppRoles.Committee, cancellationToken);
            var made = await notices.DispatchAsync($"scheduled-pack/{built.Id}", NotificationKind.MeetingPack, built.CreatedBy, committee,
                $"【DX推進計画】{built.Title}の資料（{q.ToJapaneseLabel()}）",
                $"{built.Title}の資料（{q.ToJapaneseLabel()}のPDCA資料）ができました。次のリンクから開いてダウンロードしてください（サインインが必要です）。"
                    + (built.Attach ? "\nこのメールにも添付しています。" : ""),
                $"packs/{built.Id}", cancellationToken, built.Attach ? built.Id : null);
            await db.ScheduledPacks.Where(p => p.Id == built.Id && p.State == ScheduledPackState.Scheduled).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.State, ScheduledPackState.Sent)
                .SetProperty(p => p.SentUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(p => p.Recipients, committee.Count), cancellationToken);
            if (made)
            {
                sent++;
                NotificationLog.PackSent(log, built.Id, committee.Count);
            }
        }

        return sent;
    }
}
