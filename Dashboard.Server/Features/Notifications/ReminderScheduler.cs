using Dashboard.Server.Data;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Notifications;
using Microsoft.Extensions.Options;
using Dashboard.Server.Features.Plans;

namespace Dashboard.Server.Features.Notifications;

/// <summary>
/// The automatic reminders. On each round, for every open quarter of the current plan whose window has opened (none once the plan has ended), the
/// latest reminder point that has come (N days before the due date, M days after) is sent to each department with
/// missing reports, once: the dispatch key names the quarter, the point and the department. A server that was down
/// over a point catches up when it starts; when it missed several, only the latest is sent (an old "3 days left" after
/// the due date would mislead).
/// </summary>
public sealed class ReminderScheduler(DbOperations operations, CollectionNotices notices, IOptions<ReminderOptions> options, PlanQuarters quarters, ILogger<ReminderScheduler> log)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    /// <summary>Sends what is due today; returns how many dispatches were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var operation = operations.Begin();
        var settings = options.Value;
        var points = settings.Points();
        // An ended plan's quarters are history: its last quarter is not chased for ever.
        if (points.Count == 0 || await quarters.PlanAsync(cancellationToken) is not { } plan || quarters.LatenessDate(plan) is not { } today)
        {
            return 0;
        }

        var windows = await QuarterRecords.WindowsAsync(db, plan, cancellationToken);
        var closed = await QuarterRecords.ClosedQuartersAsync(db, plan, cancellationToken);
        var last = points[^1].Offset;
        var made = 0;
        foreach (var (q, window) in windows)
        {
            if (closed.Contains(q) || window.OpensOn > today || today > window.DueOn.AddDays(last + settings.CatchUpDays))
            {
                continue;
            }

            var reached = points.LastOrDefault(p => window.DueOn.AddDays(p.Offset) <= today);
            if (reached.Name is null)
            {
                continue;
            }

            var kind = reached.Offset < 0 ? NotificationKind.DueSoon : NotificationKind.Overdue;
            foreach (var department in (await notices.MissingByDepartmentAsync(plan, q, cancellationToken)).Keys)
            {
                var key = $"reminder/{plan.Code}/{q.ToEnglishLabel()}/{reached.Name}/{department}";
                var result = await notices.RemindDepartmentAsync(plan, q, department, key, kind, "system", cancellationToken);
                if (result.Recipients > 0)
                {
                    made++;
                    NotificationLog.Reminded(log, key, result.Recipients);
                }
            }
        }

        return made;
    }
}

/// <summary>The background round: reminders (late entries, then open findings), scheduled meeting packs, then the mail outbox, every <see cref="ReminderOptions.PollSeconds"/> on the app's clock.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MailPump>().ProbeAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await RoundAsync(stoppingToken);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round; an error is logged and the next round tries again.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (options.Value.Enabled)
            {
                await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RunOnceAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<Findings.FindingReminders>().RunOnceAsync(cancellationToken);
            }

            // Scheduled meeting packs are the planner's explicit request: sent whether or not reminders are on.
            await scope.ServiceProvider.GetRequiredService<Exports.ScheduledPackRound>().RunOnceAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<MailPump>().SendPendingAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            NotificationLog.RoundFailed(log, ex);
        }
    }
}
