using Dashboard.Server.Data;
using Dashboard.Server.Features.Notifications;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Findings;

/// <summary>
/// Findings are chased like late entries: on the same reminder points (N days before the due date, M days after), a
/// department whose finding is still 未着手 or 対応中 is told once per point; the dispatch key names the finding and
/// the point, so a restart or a second instance never sends it twice. Like the entry reminders, a server that was
/// down over several points sends only the latest, and a finding long past its last point is not chased for ever.
/// </summary>
public sealed class FindingReminders(DbOperations operations, CollectionNotices notices, IOptions<ReminderOptions> options, PlanQuarters quarters)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    /// <summary>Sends what is due today; returns how many dispatches were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var operation = operations.Begin();
        var settings = options.Value;
        var points = settings.Points();
        if (points.Count == 0)
        {
            return 0;
        }

        var today = quarters.Today;
        var earliest = today.AddDays(-(points[^1].Offset + settings.CatchUpDays));
        var open = await db.Findings.AsNoTracking()
            .Where(f => (f.State == FindingState.NotStarted || f.State == FindingState.InProgress) && f.DueOn >= earliest)
            .Select(f => new { f.Id, f.DueOn, f.Request, f.DepartmentId, Department = f.Department!.Name, f.Meeting!.Title, f.Meeting.HeldOn })
            .ToListAsync(cancellationToken);
        var made = 0;
        foreach (var finding in open)
        {
            var reached = points.LastOrDefault(p => finding.DueOn.AddDays(p.Offset) <= today);
            if (reached.Name is null)
            {
                continue;
            }

            var staff = await CollectionNotices.PeopleWithAsync(db, AppRoles.SectionStaff, cancellationToken, u => u.Departments.Any(d => d.Id == finding.DepartmentId));
            var late = reached.Offset > 0;
            var sent = await notices.DispatchAsync($"finding-reminder/{finding.Id}/{reached.Name}", NotificationKind.FindingReminder, "system", staff,
                late
                    ? $"【DX推進計画】推進本部の指摘事項の対応期限（{finding.DueOn:M/d}）を過ぎています"
                    : $"【DX推進計画】推進本部の指摘事項の対応期限（{finding.DueOn:M/d}）が近づいています",
                $"{finding.Title}（{finding.HeldOn:yyyy/M/d}）で{finding.Department}に指摘された事項が、まだ「対応済」になっていません。"
                    + $"対応期限は{finding.DueOn:yyyy/M/d}です。\n\n{(finding.Request.Length > 200 ? finding.Request[..200] + "…" : finding.Request)}\n\n対応状況と行った対応を記録してください。",
                ServerFindingService.Anchor(finding.Id), cancellationToken);
            made += sent && staff.Count > 0 ? 1 : 0;
        }

        return made;
    }
}
