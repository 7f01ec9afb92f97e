using System.Globalization;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Entries;

/// <summary>
/// Quarterly entry over EF Core. Every write checks, in this order: the KPI exists, the caller's departments own it,
/// the quarter is in the plan, the quarter is open, the caller edits the version that is stored, the entry is not
/// approved, the values pass <see cref="EntryValidation"/>. Changes and their audit rows are saved together.
/// </summary>
public sealed class ServerEntryService(DashboardDbContext db, AuditWriter audit, CurrentUser current, TimeProvider clock) : IEntryService
{
    private ClaimsPrincipal User => current.Principal;

    public async Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan)
        {
            return null;
        }

        if (plan.RequestedQuarter(fiscalYear, quarter, Today) is not { } q)
        {
            return null;
        }

        var kpis = await db.Kpis.EnterableBy(User, plan.Id).ToListAsync(cancellationToken);
        var ids = kpis.Select(k => k.Id).ToList();
        var previous = q.Previous();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => ids.Contains(e.KpiId)
                && ((e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter) || (e.FiscalYear == previous.FiscalYear && e.Quarter == previous.Quarter)))
            .ToListAsync(cancellationToken);
        var closed = await ClosedQuartersAsync(plan, cancellationToken);

        var rows = kpis.Select(k =>
        {
            var dto = k.ToDto();
            var current = entries.FirstOrDefault(e => e.KpiId == k.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter);
            var last = entries.FirstOrDefault(e => e.KpiId == k.Id && e.FiscalYear == previous.FiscalYear && e.Quarter == previous.Quarter);
            return new MyKpiRowDto(dto, KpiRules.ExpectedAt(dto.ToDefinition(), q), last is null ? null : Figure(k, last), current?.State, current?.ReviewComment);
        }).ToList();
        return new MyKpisDto(q.FiscalYear, q.Quarter, closed.Contains(q), QuarterOptions(plan, closed), rows);
    }

    public async Task<EntryDto?> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var (plan, kpi, q, failure) = await ResolveAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is not null)
        {
            return failure.Outcome == EntrySaveOutcome.Forbidden ? throw new UnauthorizedAccessException() : null;
        }

        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.KpiId == kpi!.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
        return ToDto(plan!, kpi!, q, entry, await IsClosedAsync(plan!, q, cancellationToken));
    }

    public async Task<EntrySaveResult> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var (plan, kpi, q, entry, failure) = await OpenForWriteAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        return Apply(plan!, kpi!, q, entry, request, "") ?? await CommitAsync(plan!, kpi!, q, cancellationToken);
    }

    /// <summary>The KPI, quarter and tracked entry a write changes; a failure when the KPI is not the caller's or the quarter is closed.</summary>
    private async Task<(CurrentPlan? Plan, Kpi? Kpi, FiscalQuarter Quarter, QuarterlyEntry? Entry, EntrySaveResult? Failure)> OpenForWriteAsync(
        string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken)
    {
        var (plan, kpi, q, failure) = await ResolveAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is null && await ClosedMessageAsync(plan!, q, cancellationToken) is { } closed)
        {
            failure = closed;
        }

        if (failure is not null)
        {
            return (plan, kpi, q, null, failure);
        }

        var entry = await db.Entries.FirstOrDefaultAsync(e => e.KpiId == kpi!.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
        return (plan, kpi, q, entry, null);
    }

    public async Task<EntrySaveResult> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var items = request.Items ?? [];
        if (items.Count == 0 || items.Count > 500)
        {
            return EntrySaveResult.Invalid(new Dictionary<string, string[]> { ["Items"] = ["保存する指標を1件以上、500件以内で指定してください。"] });
        }

        if (items.Any(i => i?.Entry is null || string.IsNullOrEmpty(i.KpiCode)))
        {
            return EntrySaveResult.Invalid(new Dictionary<string, string[]> { ["Items"] = ["指標コードと入力内容のない項目があります。"] });
        }

        if (items.Select(i => i.KpiCode).Distinct().Count() != items.Count)
        {
            return EntrySaveResult.Invalid(new Dictionary<string, string[]> { ["Items"] = ["同じ指標が2回指定されています。"] });
        }

        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } currentPlan)
        {
            return NotFound;
        }

        var kpis = await KpisByCodeAsync(currentPlan, items.Select(i => i.KpiCode).ToList(), cancellationToken);
        var resolved = new List<(CurrentPlan Plan, Kpi Kpi, FiscalQuarter Quarter)>();
        foreach (var item in items)
        {
            var (kpi, q, failure) = Resolve(currentPlan, kpis, item.KpiCode, request.FiscalYear, request.Quarter);
            if (failure is not null)
            {
                // One KPI of another department refuses the whole request, so nothing is saved.
                return failure;
            }

            resolved.Add((currentPlan, kpi!, q));
        }

        var first = resolved[0];
        if (await ClosedMessageAsync(first.Plan, first.Quarter, cancellationToken) is { } closed)
        {
            return closed;
        }

        var ids = resolved.Select(r => r.Kpi.Id).ToList();
        var entries = await db.Entries.Where(e => ids.Contains(e.KpiId) && e.FiscalYear == first.Quarter.FiscalYear && e.Quarter == first.Quarter.Quarter)
            .ToListAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < items.Count; i++)
        {
            var (plan, kpi, q) = resolved[i];
            var result = Apply(plan, kpi, q, entries.FirstOrDefault(e => e.KpiId == kpi.Id), items[i].Entry with { Submit = false }, $"Items[{i}].");
            switch (result)
            {
                case null:
                    continue;
                case { Outcome: EntrySaveOutcome.Invalid }:
                    foreach (var (field, messages) in result.Errors)
                    {
                        errors[field] = messages;
                    }

                    break;
                default:
                    db.ChangeTracker.Clear();
                    return result with { Message = $"{kpi.Code}: {result.Message}" };
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return EntrySaveResult.Invalid(errors);
        }

        return await CommitAsync(first.Plan, first.Kpi, first.Quarter, cancellationToken);
    }

    public async Task<IReadOnlyList<EntryHistoryDto>?> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan)
        {
            return null;
        }

        var owners = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id && k.Code == kpiCode)
            .Select(k => k.Owners.Select(o => o.Code).ToList()).FirstOrDefaultAsync(cancellationToken);
        if (owners is null || !KpiAccess.MayReadUnapproved(User, owners))
        {
            return null;
        }

        var prefix = $"{plan.Code}/{kpiCode}/";
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == AuditTypes.Entry && a.EntityKey.StartsWith(prefix))
            .OrderByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var name = await PeopleNames.ResolveAsync(db, rows.Select(a => a.Actor), cancellationToken);
        return rows.Select(a => new EntryHistoryDto(a.AtUtc, name(a.Actor), QuarterLabel(a.EntityKey[prefix.Length..]), a.Field, a.OldValue, a.NewValue, a.Reason)).ToList();
    }

    public async Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan)
        {
            return null;
        }

        if (plan.RequestedQuarter(fiscalYear, quarter, Today) is not { } q)
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
                    Figure(r.k, r.e), status, r.e.State, r.e.Done, r.e.Check, r.e.Act, r.e.ReviewComment, name(r.e.UpdatedBy), r.e.UpdatedUtc, r.e.Version,
                    submitted is null ? null : name(submitted.Actor), submitted?.AtUtc);
            }).ToList();
        var closed = await ClosedQuartersAsync(plan, cancellationToken);
        var kpiCount = await db.Kpis.CountAsync(k => k.PlanId == plan.Id, cancellationToken);
        var approvedCount = await db.Entries.CountAsync(e => e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter && e.State == EntryState.Approved
            && db.Kpis.Any(k => k.Id == e.KpiId && k.PlanId == plan.Id), cancellationToken);
        return new ReviewQueueDto(q.FiscalYear, q.Quarter, closed.Contains(q), QuarterOptions(plan, closed), items, kpiCount, approvedCount);
    }

    public async Task<EntrySaveResult> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan || plan.QuarterOf(fiscalYear, quarter) is not { } q)
        {
            return EntrySaveResult.Refused("指標または四半期が見つかりません。", EntrySaveOutcome.NotFound);
        }

        var kpi = await db.Kpis.Include(k => k.Targets).Include(k => k.Owners).AsSplitQuery().FirstOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
        var entry = kpi is null ? null : await db.Entries.FirstOrDefaultAsync(e => e.KpiId == kpi.Id && e.FiscalYear == fiscalYear && e.Quarter == quarter, cancellationToken);
        if (kpi is null || entry is null)
        {
            return EntrySaveResult.Refused("審査する提出が見つかりません。", EntrySaveOutcome.NotFound);
        }

        if (await ClosedMessageAsync(plan, q, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (entry.Version != request.Version)
        {
            return EntrySaveResult.Conflict(ToDto(plan, kpi, q, entry, false), "審査中に担当課が内容を変更しました。最新の内容を確認してください。");
        }

        if (entry.State != EntryState.Submitted)
        {
            return EntrySaveResult.Refused($"この実績は「{((EntryState?)entry.State).Japanese()}」のため審査できません。");
        }

        if (ReviewValidation.Comment(request.Approve, request.Comment) is { } problem)
        {
            return EntrySaveResult.Invalid(new Dictionary<string, string[]> { ["Comment"] = [problem] });
        }

        // Separation of duties: nobody decides on what they submitted themselves, an admin included.
        if (string.Equals(entry.UpdatedBy, audit.Actor, StringComparison.OrdinalIgnoreCase))
        {
            return EntrySaveResult.Refused("ご自身が提出した実績は承認・差戻しできません。ほかの審査担当者に依頼してください。");
        }

        var comment = TextPolicy.Clean(request.Comment);
        var key = plan.EntryKey(kpi.Code, q);
        var state = request.Approve ? EntryState.Approved : EntryState.Returned;
        var reason = request.Approve ? "承認" : "差戻し";
        audit.Changed(AuditTypes.Entry, key, "State", entry.State.ToString(), state.ToString(), reason);
        audit.Changed(AuditTypes.Entry, key, "ReviewComment", entry.ReviewComment, comment, reason);
        entry.State = state;
        entry.ReviewComment = comment;
        Touch(entry);
        return await CommitAsync(plan, kpi, q, cancellationToken);
    }

    public async Task<EntrySaveResult> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan || plan.QuarterOf(fiscalYear, quarter) is not { } q)
        {
            return EntrySaveResult.Refused("四半期が計画期間にありません。", EntrySaveOutcome.NotFound);
        }

        if (await IsClosedAsync(plan, q, cancellationToken))
        {
            return EntrySaveResult.Refused($"{q.ToJapaneseLabel()}はすでに締め切られています。");
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
                return new EntrySaveResult(EntrySaveOutcome.Refused, null,
                    new Dictionary<string, string[]> { ["Waiting"] = waiting.Select(w => w.Code).ToArray() },
                    $"承認されていない実績が{waiting.Count}件あります: {listed}。審査を終えてから締め切るか、理由を添えて締め切ってください。");
            }

            if (ReviewValidation.CloseReason(request.Reason) is { } problem)
            {
                return EntrySaveResult.Invalid(new Dictionary<string, string[]> { ["Reason"] = [problem] });
            }

            reason = $"締切（未承認のまま: {listed}）: {TextPolicy.Clean(request.Reason)}";
        }

        db.ClosedQuarters.Add(new ClosedQuarter { PlanId = plan.Id, FiscalYear = fiscalYear, Quarter = quarter, ClosedUtc = clock.GetUtcNow().UtcDateTime, ClosedBy = audit.Actor });
        audit.Changed(AuditTypes.Quarter, $"{plan.Code}/{q.ToEnglishLabel()}", "Closed", "False", "True", reason.Length > 1000 ? reason[..1000] : reason);
        await db.SaveChangesAsync(cancellationToken);
        return EntrySaveResult.Completed;
    }

    public async Task<EntrySaveResult> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var (plan, kpi, q, entry, failure) = await OpenForWriteAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (entry is null || entry.Version != request.Version)
        {
            return EntrySaveResult.Conflict(entry is null ? null : ToDto(plan!, kpi!, q, entry, false), "この実績はほかの人が先に変更しました。最新の内容を確認してください。");
        }

        if (entry.State != EntryState.Submitted)
        {
            return EntrySaveResult.Refused($"この実績は「{((EntryState?)entry.State).Japanese()}」のため取り下げられません。");
        }

        audit.Changed(AuditTypes.Entry, plan!.EntryKey(kpi!.Code, q), "State", entry.State.ToString(), nameof(EntryState.Draft), "取り下げ");
        entry.State = EntryState.Draft;
        Touch(entry);
        return await CommitAsync(plan, kpi, q, cancellationToken);
    }

    public async Task<EntrySaveResult> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan || plan.QuarterOf(fiscalYear, quarter) is not { } q)
        {
            return EntrySaveResult.Refused("四半期が計画期間にありません。", EntrySaveOutcome.NotFound);
        }

        if (ReviewValidation.ReopenReason(request.Reason) is { } problem)
        {
            return EntrySaveResult.Invalid(new Dictionary<string, string[]> { ["Reason"] = [problem] });
        }

        var reason = TextPolicy.Clean(request.Reason);

        var closed = await db.ClosedQuarters.FirstOrDefaultAsync(c => c.PlanId == plan.Id && c.FiscalYear == fiscalYear && c.Quarter == quarter, cancellationToken);
        if (closed is null)
        {
            return EntrySaveResult.Refused($"{q.ToJapaneseLabel()}は締め切られていません。");
        }

        db.ClosedQuarters.Remove(closed);
        audit.Changed(AuditTypes.Quarter, $"{plan.Code}/{q.ToEnglishLabel()}", "Closed", "True", "False", $"再開: {reason}");
        await db.SaveChangesAsync(cancellationToken);
        return EntrySaveResult.Completed;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>KPI by code in the current plan, the caller's right to it, and the quarter, in that order.</summary>
    private async Task<(CurrentPlan? Plan, Kpi? Kpi, FiscalQuarter Quarter, EntrySaveResult? Failure)> ResolveAsync(
        string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken)
    {
        if (await CurrentPlan.LoadAsync(db, cancellationToken) is not { } plan)
        {
            return (null, null, default, NotFound);
        }

        var kpis = await KpisByCodeAsync(plan, [kpiCode], cancellationToken);
        var (kpi, q, failure) = Resolve(plan, kpis, kpiCode, fiscalYear, quarter);
        return (plan, kpi, q, failure);
    }

    private static readonly EntrySaveResult NotFound = EntrySaveResult.Refused("指標または四半期が見つかりません。", EntrySaveOutcome.NotFound);

    private Task<List<Kpi>> KpisByCodeAsync(CurrentPlan plan, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        db.Kpis.AsSplitQuery().Include(k => k.Targets).Include(k => k.Owners)
            .Where(k => k.PlanId == plan.Id && codes.Contains(k.Code))
            .ToListAsync(cancellationToken);

    private (Kpi? Kpi, FiscalQuarter Quarter, EntrySaveResult? Failure) Resolve(CurrentPlan plan, List<Kpi> kpis, string kpiCode, int fiscalYear, int quarter)
    {
        var kpi = kpis.FirstOrDefault(k => k.Code == kpiCode);
        if (kpi is null)
        {
            return (null, default, NotFound);
        }

        if (!KpiAccess.MayEnter(User, kpi.Owners.Select(o => o.Code)))
        {
            return (kpi, default, EntrySaveResult.Refused("この指標は担当課ではないため、入力できません。", EntrySaveOutcome.Forbidden));
        }

        return plan.QuarterOf(fiscalYear, quarter) is { } q ? (kpi, q, null) : (kpi, default, NotFound);
    }

    /// <summary>Checks and applies one save to the tracked entry (adding it when new); null when there is nothing to refuse.</summary>
    private EntrySaveResult? Apply(CurrentPlan plan, Kpi kpi, FiscalQuarter q, QuarterlyEntry? entry, SaveEntryRequest request, string fieldPrefix)
    {
        if (entry?.Version != request.Version)
        {
            return EntrySaveResult.Conflict(entry is null ? null : ToDto(plan, kpi, q, entry, false),
                "ほかの人が先にこの実績を保存しました。保存されている内容と、入力した内容を見比べてください。");
        }

        if (entry?.State == EntryState.Approved)
        {
            return EntrySaveResult.Refused("承認済みの実績は変更できません。変更が必要な場合は、事務局に差戻しを依頼してください。");
        }

        // A draft save must never take a submission silently out of the secretariat's queue.
        if (entry?.State == EntryState.Submitted)
        {
            return EntrySaveResult.Refused("提出済みの実績です。変更するには、先に「取り下げ」て下書きに戻してください。");
        }

        var check = EntryValidation.Check(kpi.ToDto().ToDefinition(), q, request, plan.Thresholds);
        if (!check.IsValid)
        {
            return EntrySaveResult.Invalid(check.Errors.ToDictionary(e => fieldPrefix + e.Key, e => e.Value));
        }

        if (entry is null)
        {
            entry = new QuarterlyEntry { KpiId = kpi.Id, FiscalYear = q.FiscalYear, Quarter = q.Quarter, UpdatedBy = "", State = EntryState.Draft };
            db.Entries.Add(entry);
        }

        var key = plan.EntryKey(kpi.Code, q);
        var state = request.Submit ? EntryState.Submitted : EntryState.Draft;
        var reason = request.Submit ? "提出" : null;
        var isNew = entry.Version == Guid.Empty;
        var changed = audit.Changed(AuditTypes.Entry, key, "Value", AuditText(entry.Value), AuditText(check.Value), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "Milestone", entry.MilestoneState?.ToString(), request.Milestone?.ToString(), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "MilestoneDate", entry.MilestoneDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), request.MilestoneDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "Done", entry.Done, Clean(request.Done), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "Check", entry.Check, Clean(request.Check), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "Act", entry.Act, Clean(request.Act), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "EvidenceUrl", entry.EvidenceUrl, Clean(request.EvidenceUrl), reason);
        changed |= audit.Changed(AuditTypes.Entry, key, "State", isNew ? null : entry.State.ToString(), state.ToString(), reason);

        entry.Value = check.Value;
        entry.MilestoneState = request.Milestone;
        entry.MilestoneDate = request.MilestoneDate;
        entry.Done = Clean(request.Done);
        entry.Check = Clean(request.Check);
        entry.Act = Clean(request.Act);
        entry.EvidenceUrl = Clean(request.EvidenceUrl);
        entry.State = state;
        if (changed)
        {
            entry.IsSample = false;
            Touch(entry);
        }

        return null;
    }

    private void Touch(QuarterlyEntry entry)
    {
        entry.UpdatedBy = audit.Actor;
        entry.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        entry.Version = Guid.NewGuid();
    }

    /// <summary>Saves; someone else's write in between (stale version, or a first entry added twice) becomes a conflict.</summary>
    private async Task<EntrySaveResult> CommitAsync(CurrentPlan plan, Kpi kpi, FiscalQuarter q, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.KpiId == kpi.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
            return EntrySaveResult.Conflict(current is null ? null : ToDto(plan, kpi, q, current, false),
                "ほかの人が同時にこの実績を保存しました。保存されている内容と、入力した内容を見比べてください。");
        }

        var saved = await db.Entries.AsNoTracking().FirstAsync(e => e.KpiId == kpi.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
        return EntrySaveResult.Saved(ToDto(plan, kpi, q, saved, false));
    }

    private async Task<EntrySaveResult?> ClosedMessageAsync(CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken) =>
        await IsClosedAsync(plan, q, cancellationToken)
            ? EntrySaveResult.Refused($"{q.ToJapaneseLabel()}は締め切られているため、変更できません。変更が必要な場合は、システム管理者に再開を依頼してください。")
            : null;

    private Task<bool> IsClosedAsync(CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken) =>
        db.ClosedQuarters.AnyAsync(c => c.PlanId == plan.Id && c.FiscalYear == q.FiscalYear && c.Quarter == q.Quarter, cancellationToken);

    private async Task<HashSet<FiscalQuarter>> ClosedQuartersAsync(CurrentPlan plan, CancellationToken cancellationToken) =>
        (await db.ClosedQuarters.AsNoTracking().Where(c => c.PlanId == plan.Id).Select(c => new { c.FiscalYear, c.Quarter }).ToListAsync(cancellationToken))
            .Select(c => new FiscalQuarter(c.FiscalYear, c.Quarter)).ToHashSet();

    private static List<QuarterOption> QuarterOptions(CurrentPlan plan, HashSet<FiscalQuarter> closed) =>
        plan.Quarters().Select(q => new QuarterOption(q.FiscalYear, q.Quarter, closed.Contains(q))).ToList();

    private static EntryDto ToDto(CurrentPlan plan, Kpi kpi, FiscalQuarter q, QuarterlyEntry? e, bool isClosed)
    {
        var dto = kpi.ToDto();
        return new EntryDto(dto, q.FiscalYear, q.Quarter, plan.Thresholds, KpiRules.ExpectedAt(dto.ToDefinition(), q),
            e?.Value, e?.MilestoneState, e?.MilestoneDate, e?.Done, e?.Check, e?.Act, e?.EvidenceUrl, e?.State, e?.ReviewComment,
            e?.Version, e?.UpdatedBy, e?.UpdatedUtc, isClosed, e?.IsSample ?? false);
    }

    private static string Figure(Kpi kpi, QuarterlyEntry entry) => kpi.Kind switch
    {
        KpiKind.Milestone => entry.MilestoneState?.Japanese() ?? "—",
        KpiKind.MonitorOnly => string.IsNullOrEmpty(entry.Done) ? "—" : "報告あり",
        _ => KpiFormat.Value(entry.Value, kpi.Unit),
    };

    private static string? AuditText(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => TextPolicy.Clean(text);

    private static string QuarterLabel(string key) => FiscalQuarter.TryParse(key, out var q) ? q.ToJapaneseLabel() : key;
}

/// <summary>Entity types in the audit log.</summary>
public static class AuditTypes
{
    public const string Entry = "Entry";
    public const string Quarter = "Quarter";
}
