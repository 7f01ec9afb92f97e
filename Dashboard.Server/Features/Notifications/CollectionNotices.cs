using Dashboard.Server.Data;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Dashboard.Shared.Plans;
using Dashboard.Server.Features.Plans;

namespace Dashboard.Server.Features.Notifications;

/// <summary>
/// What the collection cycle tells people: reminders to departments with missing reports, a return to its author,
/// "all in" to the secretariat. Each is a <see cref="Dispatch"/> under a unique key, saved with its in-app notices
/// and, when mail is configured, its outgoing mails, in one transaction: a key already there means it was sent.
/// </summary>
public sealed class CollectionNotices(DbOperations operations, TimeProvider clock, PlanQuarters quarters, IOptions<MailOptions> mail, ILogger<CollectionNotices> log)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    /// <summary>Active section staff per department code.</summary>
    public static async Task<Dictionary<string, int>> StaffCountsAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Roles, Codes = u.Departments.Select(d => d.Code).ToList() }).ToListAsync(cancellationToken))
        .Where(u => u.Roles.HasFlag(AppRoles.SectionStaff)).SelectMany(u => u.Codes)
        .GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// The active people holding <paramref name="role"/> (and matching <paramref name="also"/>). Roles are stored as
    /// text ("SectionStaff, Planner"), so the role is checked here, not in SQL: a bitwise test on the text column
    /// matched every row.
    /// </summary>
    public static async Task<List<Person>> PeopleWithAsync(DashboardDbContext db, AppRoles role, CancellationToken cancellationToken,
        System.Linq.Expressions.Expression<Func<AppUser, bool>>? also = null)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Where(also ?? (_ => true))
            .Select(u => new { u.LoginName, u.DisplayName, u.Roles }).ToListAsync(cancellationToken);
        return users.Where(u => u.Roles.HasFlag(role)).Select(u => new Person(u.LoginName, u.DisplayName)).ToList();
    }

    /// <summary>When each department was last reminded for the quarter (by hand or by the schedule).</summary>
    public async Task<Dictionary<string, DateTime>> LastRemindedAsync(CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken)
    {
        var label = q.ToEnglishLabel();
        var manual = $"remind/{plan.Code}/{label}/";
        var scheduled = $"reminder/{plan.Code}/{label}/";
        var rows = await db.Dispatches.AsNoTracking()
            .Where(d => d.Recipients > 0 && (d.Key.StartsWith(manual) || d.Key.StartsWith(scheduled)))
            .Select(d => new { d.Key, d.CreatedUtc }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => DepartmentOf(r.Key, r.Key.StartsWith(manual, StringComparison.Ordinal)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.CreatedUtc), StringComparer.Ordinal);
    }

    // remind/{plan}/{quarter}/{dept}/{id} and reminder/{plan}/{quarter}/{point}/{dept}
    private static string DepartmentOf(string key, bool manual)
    {
        var parts = key.Split('/');
        return manual ? parts[3] : parts[4];
    }

    /// <summary>
    /// Tells the department's staff which of its KPIs are still missing (未入力, 下書き or 差戻し) for the quarter.
    /// Nothing is sent when nothing is missing or the department has no staff; a key already used sends nothing again.
    /// </summary>
    public async Task<RemindResult> RemindDepartmentAsync(CurrentPlan plan, FiscalQuarter q, string departmentCode, string key, NotificationKind kind, string sentBy,
        CancellationToken cancellationToken)
    {
        var missing = (await MissingByDepartmentAsync(plan, q, cancellationToken)).GetValueOrDefault(departmentCode) ?? [];
        if (missing.Count == 0)
        {
            return new RemindResult(0, []);
        }

        var staff = await PeopleWithAsync(db, AppRoles.SectionStaff, cancellationToken, u => u.Departments.Any(d => d.Code == departmentCode));
        var codes = missing.Select(m => m.Code).ToList();
        if (staff.Count == 0)
        {
            NotificationLog.NoStaff(log, departmentCode, q.ToEnglishLabel(), string.Join(",", codes));
            return new RemindResult(0, codes);
        }

        var window = await QuarterRecords.WindowAsync(db, plan, q, cancellationToken);
        // Once the plan has ended its quarters are not chased: a reminder sent by hand names the due date, not a count of days.
        var days = quarters.LatenessDate(plan) is { } today ? CollectionWindows.DaysLeft(window, today) : (int?)null;
        var when = days switch
        {
            null => $"提出期限（{window.DueLabel}）は過ぎています。",
            > 0 => $"提出期限（{window.DueLabel}）まであと{days}日です。",
            0 => $"提出期限は本日（{window.DueLabel}）です。",
            _ => $"提出期限（{window.DueLabel}）を{-days}日過ぎています。",
        };
        var subject = $"【DX推進計画】{q.ToJapaneseLabel()}の実績報告のお願い（{missing.Count}件）";
        var body = $"{q.ToJapaneseLabel()}の実績が、まだ提出されていません。{when}\n\n"
            + string.Join("\n", missing.Select(m => $"・{m.Code} {m.Name}（{((EntryState?)m.State).Japanese()}）"))
            + "\n\n「実績入力」から入力・提出してください。";
        var sent = await DispatchAsync(key, kind, sentBy, staff, subject, body, $"entries?{QuarterAddress.Query(q.FiscalYear, q.Quarter)}", cancellationToken);
        return new RemindResult(sent ? staff.Count : 0, codes);
    }

    /// <summary>The missing KPIs (code, name, state) per department code for the quarter.</summary>
    public async Task<Dictionary<string, List<(string Code, string Name, EntryState? State)>>> MissingByDepartmentAsync(CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id).ExpectedIn(q).OrderBy(k => k.DisplayOrder)
            .Select(k => new { k.Id, k.Code, k.Name, Owners = k.Owners.Select(o => o.Code).ToList() }).ToListAsync(cancellationToken);
        var states = await db.Entries.AsNoTracking().Where(e => e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter)
            .Select(e => new { e.KpiId, e.State }).ToDictionaryAsync(e => e.KpiId, e => (EntryState?)e.State, cancellationToken);
        var result = new Dictionary<string, List<(string, string, EntryState?)>>(StringComparer.Ordinal);
        foreach (var k in kpis)
        {
            var state = states.GetValueOrDefault(k.Id);
            if (state is EntryState.Submitted or EntryState.Approved)
            {
                continue;
            }

            foreach (var owner in k.Owners)
            {
                (result.TryGetValue(owner, out var list) ? list : result[owner] = []).Add((k.Code, k.Name, state));
            }
        }

        return result;
    }

    /// <summary>Tells the author of a returned entry why, once per return (the entry's new version is in the key).</summary>
    public async Task ReturnedAsync(CurrentPlan plan, string kpiCode, string kpiName, FiscalQuarter q, string author, string comment, Guid version, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.LoginName == author && u.IsActive)
            .Select(u => new Person(u.LoginName, u.DisplayName)).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return;
        }

        await DispatchAsync($"returned/{plan.Code}/{kpiCode}/{q.ToEnglishLabel()}/{version:N}", NotificationKind.Returned, "system", [person],
            $"【DX推進計画】{kpiCode} {q.ToJapaneseLabel()}の実績が差し戻されました",
            $"{kpiCode} {kpiName}（{q.ToJapaneseLabel()}）の実績が事務局から差し戻されました。\n\n差戻しの理由:\n{comment}\n\n内容を直して、もう一度提出してください。",
            $"entries/{Uri.EscapeDataString(kpiCode)}/{q.FiscalYear}/{q.Quarter}", cancellationToken);
    }

    /// <summary>When every KPI of the quarter is submitted or approved, tells the secretariat, once per quarter.</summary>
    public async Task AllInIfCompleteAsync(CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken)
    {
        if ((await MissingByDepartmentAsync(plan, q, cancellationToken)).Count > 0)
        {
            return;
        }

        var secretariat = await PeopleWithAsync(db, AppRoles.Planner, cancellationToken);
        await DispatchAsync($"allin/{plan.Code}/{q.ToEnglishLabel()}", NotificationKind.AllIn, "system", secretariat,
            $"【DX推進計画】{q.ToJapaneseLabel()}の実績がすべて提出されました",
            $"{q.ToJapaneseLabel()}の実績が、すべての指標で提出（または承認）されました。審査を進めてください。",
            $"review?{QuarterAddress.Query(q.FiscalYear, q.Quarter)}", cancellationToken);
    }

    /// <summary>Records the dispatch with its notices and mails; false when its key was already used (sent before).</summary>
    public async Task<bool> DispatchAsync(string key, NotificationKind kind, string sentBy, IReadOnlyCollection<Person> recipients, string subject, string body, string? link,
        CancellationToken cancellationToken, long? attachPackId = null)
    {
        if (await db.Dispatches.AnyAsync(d => d.Key == key, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var dispatch = new Dispatch { Key = key, Kind = kind, CreatedUtc = now, SentBy = sentBy, Recipients = recipients.Count };
        db.Dispatches.Add(dispatch);
        var mailOn = mail.Value.IsConfigured;
        var addresses = mailOn ? await AddressesAsync(recipients, cancellationToken) : [];
        foreach (var person in recipients)
        {
            db.Notifications.Add(new Notification { Dispatch = dispatch, Recipient = person.Login, Kind = kind, Subject = subject, Body = body, Link = link, CreatedUtc = now });
            if (addresses.TryGetValue(person.Login, out var to))
            {
                var text = $"{person.Name} 様\n\n{body}\n" + (mail.Value.AppUrl is { Length: > 0 } app && link is not null ? $"\n{app.TrimEnd('/')}/{link}\n" : "");
                db.OutgoingMails.Add(new OutgoingMail { Dispatch = dispatch, To = to, Subject = subject, Body = text, CreatedUtc = now, AttachmentPackId = attachPackId });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance recorded the same key first: it was sent there.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Where each recipient's mail goes: the address kept for them (the directory's mail attribute, or the admin's), else
    /// their login when it is an address (Entra ID's UPN, a local name@city), else nowhere (the bell only).
    /// </summary>
    private async Task<Dictionary<string, string>> AddressesAsync(IReadOnlyCollection<Person> recipients, CancellationToken cancellationToken)
    {
        var logins = recipients.Select(p => p.Login).Distinct(StringComparer.Ordinal).ToList();
        var kept = await db.Users.AsNoTracking().Where(u => logins.Contains(u.LoginName) && u.Email != null)
            .ToDictionaryAsync(u => u.LoginName, u => u.Email!, StringComparer.Ordinal, cancellationToken);
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var login in logins)
        {
            if ((kept.GetValueOrDefault(login) ?? (Dashboard.Shared.Admin.AdminValidation.IsMailAddress(login) ? login : null)) is { } to)
            {
                addresses[login] = to;
            }
        }

        return addresses;
    }

    /// <summary>A recipient.</summary>
    public sealed record Person(string Login, string Name);
}
