using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Plans;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Entries;
using Dashboard.Server.Features.Notifications;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Review;
using Dashboard.Shared.Text;
using Dashboard.Shared.Findings;
using Microsoft.EntityFrameworkCore;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Review;

/// <summary>
/// The secretariat's side of a quarter over EF Core: the review queue and decisions, the collection window, the
/// completion board, reminders by hand, closing and reopening. Entry itself is <see cref="ServerEntryService"/>.
/// </summary>
public sealed class ServerReviewService(DbOperations operations, AuditWriter audit, CurrentUser current, TimeProvider clock, PlanQuarters quarters, CollectionNotices notices) : IReviewService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private ClaimsPrincipal User => current.Principal;

    public async Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ResolveAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return null;
        }

        var rows = await db.Entries.AsNoTracking()
            .Where(e => e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter && e.State != EntryState.Draft)
            .Join(db.Kpis.AsNoTracking().Include(k => k.Targets).Include(k => k.Owners).Where(k => k.PlanId == plan.Id), e => e.KpiId, k => k.Id, (e, k) => new { e, k })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Select(i => new { i.Id, i.Number }).ToDictionaryAsync(i => i.Id, i => i.Number, cancellationToken);

        // Who submitted (not who last touched: after a decision that is the reviewer), from the audit log.
        var keys = rows.Select(r => plan.EntryKey(r.k.Code, q)).ToList();
        var submissions = (await db.AuditLog.AsNoTracking()
                .Where(a => a.EntityType == AuditTypes.Entry && keys.Contains(a.EntityKey) && a.Field == "State" && a.NewValue == nameof(EntryState.Submitted))
                .Select(a => new { a.Id, a.EntityKey, a.Actor, a.AtUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.EntityKey).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!);
        var name = await PeopleNames.ResolveAsync(db, submissions.Values.Select(s => s.Actor).Concat(rows.Select(r => r.e.UpdatedBy)), cancellationToken);
        var items = rows
            .OrderBy(r => r.e.State == EntryState.Submitted ? 0 : 1).ThenBy(r => r.k.DisplayOrder)
            .Select(r =>
            {
                var definition = r.k.ToDto().ToDefinition();
                var status = KpiRules.Status(definition, q, new QuarterReport(r.e.Value, r.e.MilestoneState), plan.Thresholds);
                var submitted = submissions.GetValueOrDefault(plan.EntryKey(r.k.Code, q));
                return new SubmissionDto(r.k.Code, r.k.Name, initiatives[r.k.InitiativeId], r.k.Owners.Select(o => o.Name).ToList(), q.FiscalYear, q.Quarter,
                    EntryRecords.Figure(r.k, r.e), status, r.e.State, r.e.Done, r.e.Check, r.e.Act, r.e.ReviewComment, name(r.e.UpdatedBy), r.e.UpdatedUtc, r.e.Version,
                    submitted is null ? null : name(submitted.Actor), submitted?.AtUtc);
            }).ToList();
        var closed = await QuarterRecords.ClosedQuartersAsync(db, plan, cancellationToken);
        var kpiCount = await db.Kpis.Where(k => k.PlanId == plan.Id).ExpectedIn(q).CountAsync(cancellationToken);
        var approvedCount = await db.Entries.CountAsync(e => e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter && e.State == EntryState.Approved
            && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id), cancellationToken);
        return new ReviewQueueDto(q.FiscalYear, q.Quarter, closed.Contains(q), QuarterRecords.QuarterOptions(plan, closed), items, kpiCount, approvedCount,
            await QuarterRecords.WindowAsync(db, plan, q, cancellationToken), quarters.LatenessDate(plan));
    }

    public async Task<Outcome<EntryDto>> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.Refused<EntryDto>(Wording.Pick("指標または四半期が見つかりません。", "The indicator or quarter was not found."), OutcomeKind.NotFound);
        }

        var kpi = await db.Kpis.Include(k => k.Targets).Include(k => k.Owners).AsSplitQuery().FirstOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
        var entry = kpi is null ? null : await db.Entries.FirstOrDefaultAsync(e => e.KpiId == kpi.Id && e.FiscalYear == fiscalYear && e.Quarter == quarter, cancellationToken);
        if (kpi is null || entry is null)
        {
            return Outcome.Refused<EntryDto>(Wording.Pick("審査する提出が見つかりません。", "There is no submission to review."), OutcomeKind.NotFound);
        }

        if (await EntryRecords.ClosedMessageAsync(db, plan, q, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (entry.Version != request.Version)
        {
            return Outcome.Conflict<EntryDto>(EntryRecords.ToDto(plan, kpi, q, entry, false), Wording.Pick("審査中に担当課が内容を変更しました。最新の内容を確認してください。", "The department changed the entry while you were reviewing it. Please look at what is stored now."));
        }

        if (entry.State != EntryState.Submitted)
        {
            return Outcome.Refused<EntryDto>(Wording.Pick($"この実績は「{((EntryState?)entry.State).Japanese()}」のため審査できません。", $"This entry is {((EntryState?)entry.State).Named()}, so it cannot be reviewed."));
        }

        if (ReviewValidation.Comment(request.Approve, request.Comment) is { } problem)
        {
            return Outcome.Invalid<EntryDto>(new Dictionary<string, string[]> { ["Comment"] = [problem] });
        }

        // Separation of duties: nobody decides on what they submitted themselves, an admin included.
        if (string.Equals(entry.UpdatedBy, audit.Actor, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Refused<EntryDto>(Wording.Pick("ご自身が提出した実績は承認・差戻しできません。ほかの審査担当者に依頼してください。", "You cannot approve or return an entry you submitted yourself. Please ask another reviewer."));
        }

        var comment = TextPolicy.Clean(request.Comment);
        var key = plan.EntryKey(kpi.Code, q);
        var state = request.Approve ? EntryState.Approved : EntryState.Returned;
        var reason = request.Approve ? "承認" : "差戻し";
        audit.Changed(AuditTypes.Entry, key, "State", entry.State.ToString(), state.ToString(), reason);
        audit.Changed(AuditTypes.Entry, key, "ReviewComment", entry.ReviewComment, comment, reason);
        var author = entry.UpdatedBy;
        entry.State = state;
        entry.ReviewComment = comment;
        EntryRecords.Touch(entry, audit.Actor, clock);
        var saved = await EntryRecords.CommitAsync(db, plan, kpi, q, cancellationToken);
        if (!request.Approve && saved.Kind == OutcomeKind.Saved)
        {
            await notices.ReturnedAsync(plan, kpi.Code, kpi.Name, q, author, comment ?? "", saved.Value!.Version!.Value, cancellationToken);
        }

        return saved;
    }

    public async Task<Outcome<Done>> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.Refused<Done>(QuarterRecords.OutsidePlan, OutcomeKind.NotFound);
        }

        if (plan.IsEnded)
        {
            return Outcome.Refused<Done>(QuarterRecords.PlanEnded);
        }

        if (await QuarterRecords.IsClosedAsync(db, plan, q, cancellationToken))
        {
            return Outcome.Refused<Done>(Wording.Pick($"{q.ToJapaneseLabel()}はすでに締め切られています。", $"{q.ToEnglishLabel()} is already closed."));
        }

        // Entries still waiting (提出済, 差戻し) would be stranded by a close: refuse with their list unless the
        // secretariat confirms with a reason; they then stay 未承認 and the pack marks them.
        var waiting = await db.Entries.AsNoTracking()
            .Where(e => e.FiscalYear == fiscalYear && e.Quarter == quarter && (e.State == EntryState.Submitted || e.State == EntryState.Returned))
            .Join(db.Kpis.Where(k => k.PlanId == plan.Id), e => e.KpiId, k => k.Id, (e, k) => new { k.Code, k.DisplayOrder, e.State })
            .OrderBy(x => x.DisplayOrder)
            .ToListAsync(cancellationToken);
        var listed = string.Join("、", waiting.Select(w => $"{w.Code}（{((EntryState?)w.State).Japanese()}）"));
        var reason = "締切";
        if (waiting.Count > 0)
        {
            if (!request.Confirm)
            {
                return Outcome.Refused<Done>(
                    Wording.Pick(
                        $"承認されていない実績が{waiting.Count}件あります: {listed}。審査を終えてから締め切るか、理由を添えて締め切ってください。",
                        $"{waiting.Count} entries are not approved: {string.Join(", ", waiting.Select(w => $"{w.Code} ({((EntryState?)w.State).Named()})"))}. Finish reviewing them before closing, or close with a reason."),
                    errors: new Dictionary<string, string[]> { ["Waiting"] = waiting.Select(w => w.Code).ToArray() });
            }

            if (ReviewValidation.CloseReason(request.Reason) is { } problem)
            {
                return Outcome.Invalid<Done>(new Dictionary<string, string[]> { ["Reason"] = [problem] });
            }

            reason = $"締切（未承認のまま: {listed}）: {TextPolicy.Clean(request.Reason)}";
        }

        db.ClosedQuarters.Add(new ClosedQuarter { PlanId = plan.Id, FiscalYear = fiscalYear, Quarter = quarter, ClosedUtc = clock.GetUtcNow().UtcDateTime, ClosedBy = audit.Actor });
        audit.Changed(AuditTypes.Quarter, $"{plan.Code}/{q.ToEnglishLabel()}", "Closed", "False", "True", reason.Length > 1000 ? reason[..1000] : reason);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome<Done>> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.Refused<Done>(QuarterRecords.OutsidePlan, OutcomeKind.NotFound);
        }

        if (plan.IsEnded)
        {
            return Outcome.Refused<Done>(QuarterRecords.PlanEnded);
        }

        if (ReviewValidation.ReopenReason(request.Reason) is { } problem)
        {
            return Outcome.Invalid<Done>(new Dictionary<string, string[]> { ["Reason"] = [problem] });
        }

        var reason = TextPolicy.Clean(request.Reason);

        var closed = await db.ClosedQuarters.FirstOrDefaultAsync(c => c.PlanId == plan.Id && c.FiscalYear == fiscalYear && c.Quarter == quarter, cancellationToken);
        if (closed is null)
        {
            return Outcome.Refused<Done>(Wording.Pick($"{q.ToJapaneseLabel()}は締め切られていません。", $"{q.ToEnglishLabel()} is not closed."));
        }

        db.ClosedQuarters.Remove(closed);
        audit.Changed(AuditTypes.Quarter, $"{plan.Code}/{q.ToEnglishLabel()}", "Closed", "True", "False", $"再開: {reason}");

        // Only a closed quarter may be published: reopening withdraws the publication, so a figure approved while the
        // quarter is open again never reaches residents under the old publication date (decision 009).
        if (await db.PublishedQuarters.FirstOrDefaultAsync(p => p.PlanId == plan.Id && p.FiscalYear == fiscalYear && p.Quarter == quarter, cancellationToken) is { } published)
        {
            db.PublishedQuarters.Remove(published);
            audit.Changed("PublishedQuarter", $"{plan.Code}/{q.ToJapaneseLabel()}", "公表", "公表", "非公表", $"再開に伴う取り下げ: {reason}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    public async Task<CompletionBoardDto?> GetBoardAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ResolveAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return null;
        }

        var window = await QuarterRecords.WindowAsync(db, plan, q, cancellationToken);
        var closed = await QuarterRecords.ClosedQuartersAsync(db, plan, cancellationToken);
        var today = quarters.LatenessDate(plan);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id).ExpectedIn(q)
            .Select(k => new { k.Id, k.Code, k.Name, k.DisplayOrder, Initiative = db.Initiatives.Where(i => i.Id == k.InitiativeId).Select(i => i.Number).First(), Owners = k.Owners.Select(o => o.Code).ToList() })
            .ToListAsync(cancellationToken);
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id))
            .Select(e => new { e.KpiId, e.State, e.UpdatedUtc, e.UpdatedBy })
            .ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        var staff = await CollectionNotices.StaffCountsAsync(db, cancellationToken);
        var reminded = await notices.LastRemindedAsync(plan, q, cancellationToken);
        var name = await PeopleNames.ResolveAsync(db, entries.Select(e => e.UpdatedBy), cancellationToken);
        var isClosed = closed.Contains(q);
        var openThreads = await db.Threads.AsNoTracking()
            .Where(t => t.PlanId == plan.Id && t.FiscalYear == q.FiscalYear && t.Quarter == q.Quarter && t.KpiId != null && t.ResolvedUtc == null)
            .GroupBy(t => t.KpiId!.Value).Select(g => new { KpiId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.KpiId, g => g.Count, cancellationToken);
        var openFindings = await db.Findings.AsNoTracking().Where(f => f.State != FindingState.Completed)
            .Select(f => new { f.Department!.Code, f.DueOn, f.State }).ToListAsync(cancellationToken);

        var board = departments
            .Select(d => new BoardDepartmentDto(d.Code, d.Name, staff.GetValueOrDefault(d.Code),
                kpis.Where(k => k.Owners.Contains(d.Code)).OrderBy(k => k.DisplayOrder).Select(k =>
                {
                    var e = entries.FirstOrDefault(x => x.KpiId == k.Id);
                    return new BoardRowDto(k.Code, k.Name, k.Initiative, e?.State, !isClosed && today is { } t && EntryLateness.IsLate(window, e?.State, t),
                        e?.UpdatedUtc, e is null ? null : name(e.UpdatedBy), openThreads.GetValueOrDefault(k.Id));
                }).ToList(),
                reminded.TryGetValue(d.Code, out var at) ? at : null)
            {
                OpenFindings = openFindings.Count(f => f.Code == d.Code),
                OverdueFindings = openFindings.Count(f => f.Code == d.Code && f.State is FindingState.NotStarted or FindingState.InProgress && quarters.Today > f.DueOn),
            })
            .Where(d => d.Rows.Count > 0)
            .ToList();
        return new CompletionBoardDto(q.FiscalYear, q.Quarter, isClosed, window, today, QuarterRecords.QuarterOptions(plan, closed), board);
    }

    public async Task<Outcome<CollectionWindowDto>> SetWindowAsync(int fiscalYear, int quarter, SetWindowRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.Refused<CollectionWindowDto>(QuarterRecords.OutsidePlan, OutcomeKind.NotFound);
        }

        if (plan.IsEnded)
        {
            return Outcome.Refused<CollectionWindowDto>(QuarterRecords.PlanEnded);
        }

        if (CollectionWindows.Check(q, request) is { Count: > 0 } errors)
        {
            return Outcome.Invalid<CollectionWindowDto>(errors);
        }

        if (await QuarterRecords.IsClosedAsync(db, plan, q, cancellationToken))
        {
            return Outcome.Refused<CollectionWindowDto>(Wording.Pick($"{q.ToJapaneseLabel()}は締め切られているため、期間を変更できません。", $"{q.ToEnglishLabel()} is closed, so its period cannot be changed."));
        }

        var before = await QuarterRecords.WindowAsync(db, plan, q, cancellationToken);
        var stored = await db.CollectionWindows.FirstOrDefaultAsync(w => w.PlanId == plan.Id && w.FiscalYear == q.FiscalYear && w.Quarter == q.Quarter, cancellationToken);
        if (stored is null)
        {
            stored = new CollectionWindow { PlanId = plan.Id, FiscalYear = q.FiscalYear, Quarter = q.Quarter, UpdatedBy = "" };
            db.CollectionWindows.Add(stored);
        }

        var key = $"{plan.Code}/{q.ToEnglishLabel()}";
        audit.Changed(AuditTypes.CollectionWindow, key, "OpensOn", Iso(before.OpensOn), Iso(request.OpensOn!.Value), "入力期間の変更");
        audit.Changed(AuditTypes.CollectionWindow, key, "DueOn", Iso(before.DueOn), Iso(request.DueOn!.Value), "入力期間の変更");
        stored.OpensOn = request.OpensOn.Value;
        stored.DueOn = request.DueOn.Value;
        stored.UpdatedBy = audit.Actor;
        stored.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(QuarterRecords.WindowOf(q, stored));
    }

    public async Task<Outcome<RemindResult>> RemindAsync(int fiscalYear, int quarter, RemindRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return Outcome.Refused<RemindResult>(QuarterRecords.OutsidePlan, OutcomeKind.NotFound);
        }

        if (plan.IsEnded)
        {
            return Outcome.Refused<RemindResult>(QuarterRecords.PlanEnded);
        }

        var department = string.IsNullOrEmpty(request.DepartmentCode)
            ? null
            : await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == request.DepartmentCode, cancellationToken);
        if (department is null)
        {
            return Outcome.Invalid<RemindResult>(new Dictionary<string, string[]> { ["DepartmentCode"] = [Wording.Pick("督促する課を選んでください。", "Choose the department to remind.")] });
        }

        if (await QuarterRecords.IsClosedAsync(db, plan, q, cancellationToken))
        {
            return Outcome.Refused<RemindResult>(Wording.Pick($"{q.ToJapaneseLabel()}は締め切られているため、督促できません。", $"{q.ToEnglishLabel()} is closed, so no reminder can be sent."));
        }

        // One reminder per department and day: a second click (or three) would send everyone the same notice again.
        // The key names the day, so the database refuses a repeat on any instance; a confirmed repeat gets its own key.
        var day = quarters.Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var key = $"remind/{plan.Code}/{q.ToEnglishLabel()}/{department.Code}/{day}";
        var sentToday = await db.Dispatches.Where(d => d.Key == key).Select(d => (int?)d.Recipients).FirstOrDefaultAsync(cancellationToken);
        if (sentToday > 0 && !request.Again)
        {
            return Outcome.Refused<RemindResult>(Wording.Pick(
                $"{department.Name}には本日すでに督促しています。もう一度送る場合は「もう一度督促する」を押してください。",
                $"{department.Name} was already reminded today. To send it again, press Remind again."), OutcomeKind.Conflict);
        }

        var sent = await notices.RemindDepartmentAsync(plan, q, department.Code, sentToday is null ? key : $"{key}-{Guid.NewGuid():N}",
            NotificationKind.Reminder, audit.Actor, cancellationToken);
        return sent switch
        {
            { Missing.Count: 0 } => Outcome.Refused<RemindResult>(Wording.Pick(
                $"{department.Name}は{q.ToJapaneseLabel()}の実績をすべて提出済みです。督促は不要です。",
                $"{department.Name} has submitted every figure for {q.ToEnglishLabel()}. No reminder is needed.")),
            { Recipients: 0 } => Outcome.Refused<RemindResult>(Wording.Pick(
                $"{department.Name}には担当者が登録されていないため、督促を送れません。システム管理者に担当者の登録を依頼してください。",
                $"{department.Name} has no staff registered, so no reminder can be sent. Please ask the administrator to register them.")),
            _ => Outcome.Ok<RemindResult>(sent),
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
