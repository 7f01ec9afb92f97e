using Dashboard.Shared.Problems;
using System.Globalization;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Notifications;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Plans;
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
public sealed class ServerEntryService(DbOperations operations, AuditWriter audit, CurrentUser current, TimeProvider clock, PlanQuarters quarters, CollectionNotices notices) : IEntryService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private ClaimsPrincipal User => current.Principal;

    public async Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ResolveAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
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
        var closed = await QuarterRecords.ClosedQuartersAsync(db, plan, cancellationToken);

        // A KPI retired before the quarter ended takes no figure for it (its earlier quarters stay).
        var rows = kpis.Where(k => KpiRetirement.Expects(k.RetiredOn, q)).Select(k =>
        {
            var dto = k.ToDto();
            var current = entries.FirstOrDefault(e => e.KpiId == k.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter);
            var last = entries.FirstOrDefault(e => e.KpiId == k.Id && e.FiscalYear == previous.FiscalYear && e.Quarter == previous.Quarter);
            return new MyKpiRowDto(dto, KpiRules.ExpectedAt(dto.ToDefinition(), q), last is null ? null : EntryRecords.Figure(k, last), current?.State, current?.ReviewComment);
        }).ToList();
        var today = quarters.LatenessDate(plan);
        return new MyKpisDto(q.FiscalYear, q.Quarter, plan.IsEnded || closed.Contains(q), QuarterRecords.QuarterOptions(plan, closed), rows,
            await QuarterRecords.WindowAsync(db, plan, q, cancellationToken), today,
            today is { } t ? await BehindAsync(plan, q, kpis, closed, t, cancellationToken) : []);
    }

    /// <summary>The plan's quarters before <paramref name="q"/>, past due and not closed, with the KPIs not submitted for them.</summary>
    private async Task<List<QuarterBehindDto>> BehindAsync(CurrentPlan plan, FiscalQuarter q, List<Kpi> kpis, HashSet<FiscalQuarter> closed, DateOnly today, CancellationToken cancellationToken)
    {
        var windows = await QuarterRecords.WindowsAsync(db, plan, cancellationToken);
        var owed = plan.Quarters().Where(e => e < q && !closed.Contains(e) && CollectionWindows.IsPastDue(windows[e], reportIsIn: false, today)).ToList();
        if (owed.Count == 0 || kpis.Count == 0)
        {
            return [];
        }

        var ids = kpis.Select(k => k.Id).ToList();
        var submitted = (await db.Entries.AsNoTracking()
                .Where(e => ids.Contains(e.KpiId) && (e.State == EntryState.Submitted || e.State == EntryState.Approved))
                .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter }).ToListAsync(cancellationToken))
            .Select(e => (e.KpiId, new FiscalQuarter(e.FiscalYear, e.Quarter))).ToHashSet();
        return owed.OrderByDescending(e => e)
            .Select(e => new QuarterBehindDto(e.FiscalYear, e.Quarter, kpis.Count(k => KpiRetirement.Expects(k.RetiredOn, e) && !submitted.Contains((k.Id, e)))))
            .Where(b => b.NotSubmitted > 0).ToList();
    }

    public async Task<Outcome<EntryDto>> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (plan, kpi, q, failure) = await ResolveAsync(kpiCode, fiscalYear, quarter, cancellationToken, read: true);
        if (failure is not null)
        {
            return Outcome.Refused<EntryDto>(failure.Message ?? "", failure.Kind);
        }

        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.KpiId == kpi!.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter, cancellationToken);
        var dto = EntryRecords.ToDto(plan!, kpi!, q, entry, plan!.IsEnded || await QuarterRecords.IsClosedAsync(db, plan!, q, cancellationToken),
            await QuarterRecords.WindowAsync(db, plan!, q, cancellationToken));
        return Outcome.Ok(dto with
        {
            Today = quarters.LatenessDate(plan!),
            PlanEnded = plan!.IsEnded,
            Previous = await EntryRecords.PreviousNotesAsync(db, plan!, kpi!, q, cancellationToken),
            LastApproved = (await EntryRecords.LastApprovedAsync(db, plan!, [kpi!.Id], q, cancellationToken)).GetValueOrDefault(kpi.Id),
        });
    }

    public async Task<Outcome<EntryDto>> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (plan, kpi, q, entry, failure) = await OpenForWriteAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var lastApproved = await LastApprovedValuesAsync(plan!, [kpi!], q, cancellationToken);
        if (Apply(plan!, kpi!, q, entry, request, "", lastApproved.GetValueOrDefault(kpi!.Id)) is { } refused)
        {
            return refused;
        }

        var saved = await EntryRecords.CommitAsync(db, plan!, kpi!, q, cancellationToken);
        if (request.Submit && saved.Kind == OutcomeKind.Saved)
        {
            // The last department in: the secretariat hears once per quarter (the dispatch key keeps it once).
            await notices.AllInIfCompleteAsync(plan!, q, cancellationToken);
        }

        return saved;
    }

    /// <summary>The KPI, quarter and tracked entry a write changes; a failure when the KPI is not the caller's or the quarter is closed.</summary>
    private async Task<(CurrentPlan? Plan, Kpi? Kpi, FiscalQuarter Quarter, QuarterlyEntry? Entry, Outcome<EntryDto>? Failure)> OpenForWriteAsync(
        string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken)
    {
        var (plan, kpi, q, failure) = await ResolveAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is null && await EntryRecords.ClosedMessageAsync(db, plan!, q, cancellationToken) is { } closed)
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

    public async Task<Outcome<EntryDto>> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var items = request.Items ?? [];
        if (items.Count == 0 || items.Count > 500)
        {
            return Outcome.Invalid<EntryDto>(new Dictionary<string, string[]> { ["Items"] = [Wording.Pick("保存する指標を1件以上、500件以内で指定してください。", "Name between 1 and 500 indicators to save.")] });
        }

        if (items.Any(i => i?.Entry is null || string.IsNullOrEmpty(i.KpiCode)))
        {
            return Outcome.Invalid<EntryDto>(new Dictionary<string, string[]> { ["Items"] = [Wording.Pick("指標コードと入力内容のない項目があります。", "An item has no indicator code or nothing entered.")] });
        }

        if (items.Select(i => i.KpiCode).Distinct().Count() != items.Count)
        {
            return Outcome.Invalid<EntryDto>(new Dictionary<string, string[]> { ["Items"] = [Wording.Pick("同じ指標が2回指定されています。", "The same indicator is named twice.")] });
        }

        var asked = (await quarters.ExactAsync(request.FiscalYear, request.Quarter, cancellationToken)).Value;
        if ((asked?.Plan ?? await quarters.PlanAsync(cancellationToken)) is not { } currentPlan)
        {
            return NotFound;
        }

        var kpis = await KpisByCodeAsync(currentPlan, items.Select(i => i.KpiCode).ToList(), cancellationToken);
        var resolved = new List<(CurrentPlan Plan, Kpi Kpi, FiscalQuarter Quarter)>();
        foreach (var item in items)
        {
            var (kpi, failure) = Resolve(kpis, item.KpiCode);
            if (failure is not null)
            {
                // One KPI of another department refuses the whole request, so nothing is saved.
                return failure;
            }

            resolved.Add((currentPlan, kpi!, default));
        }

        if (asked is not var (_, q))
        {
            return NotFound;
        }

        resolved = resolved.Select(r => (r.Plan, r.Kpi, q)).ToList();

        var first = resolved[0];
        if (await EntryRecords.ClosedMessageAsync(db, first.Plan, first.Quarter, cancellationToken) is { } closed)
        {
            return closed;
        }

        var ids = resolved.Select(r => r.Kpi.Id).ToList();
        var entries = await db.Entries.Where(e => ids.Contains(e.KpiId) && e.FiscalYear == first.Quarter.FiscalYear && e.Quarter == first.Quarter.Quarter)
            .ToListAsync(cancellationToken);
        var lastApproved = await LastApprovedValuesAsync(first.Plan, resolved.Select(r => r.Kpi).ToList(), q, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < items.Count; i++)
        {
            var (plan, kpi, _) = resolved[i];
            var result = Apply(plan, kpi, q, entries.FirstOrDefault(e => e.KpiId == kpi.Id), items[i].Entry with { Submit = false }, $"Items[{i}].",
                lastApproved.GetValueOrDefault(kpi.Id));
            switch (result)
            {
                case null:
                    continue;
                case { Kind: OutcomeKind.Invalid }:
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
            return Outcome.Invalid<EntryDto>(errors);
        }

        return await EntryRecords.CommitAsync(db, first.Plan, first.Kpi, first.Quarter, cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<EntryHistoryDto>>> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await quarters.PlanAsync(cancellationToken);
        var owners = plan is null
            ? null
            : await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id && k.Code == kpiCode)
                .Select(k => k.Owners.Select(o => o.Code).ToList()).FirstOrDefaultAsync(cancellationToken);
        if (owners is null || plan is null)
        {
            return Outcome.Refused<IReadOnlyList<EntryHistoryDto>>(Wording.Pick("指標が見つかりません。", "The indicator was not found."), OutcomeKind.NotFound);
        }

        if (!KpiAccess.MayReadUnapproved(User, owners))
        {
            return Outcome.Refused<IReadOnlyList<EntryHistoryDto>>(Wording.Pick(
                "未承認の実績とその履歴は、担当課・事務局・システム管理者だけが見られます。",
                "Figures not yet approved, and their history, are for the owning department, the secretariat and the administrator."), OutcomeKind.Forbidden);
        }

        var prefix = $"{plan.Code}/{kpiCode}/";
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == AuditTypes.Entry && a.EntityKey.StartsWith(prefix))
            .OrderByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var name = await PeopleNames.ResolveAsync(db, rows.Select(a => a.Actor), cancellationToken);
        return Outcome.Ok<IReadOnlyList<EntryHistoryDto>>(
            rows.Select(a =>
            {
                var key = a.EntityKey[prefix.Length..];
                return FiscalQuarter.TryParse(key, out var q)
                    ? new EntryHistoryDto(a.AtUtc, name(a.Actor), q.ToJapaneseLabel(), a.Field, a.OldValue, a.NewValue, a.Reason, q.FiscalYear, q.Quarter)
                    : new EntryHistoryDto(a.AtUtc, name(a.Actor), key, a.Field, a.OldValue, a.NewValue, a.Reason);
            }).ToList());
    }

    public async Task<Outcome<EntryDto>> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (plan, kpi, q, entry, failure) = await OpenForWriteAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (entry is null || entry.Version != request.Version)
        {
            return Outcome.Conflict<EntryDto>(entry is null ? null : EntryRecords.ToDto(plan!, kpi!, q, entry, false), Wording.Pick("この実績はほかの人が先に変更しました。最新の内容を確認してください。", "Someone else changed this entry first. Please look at what is stored now."));
        }

        if (entry.State != EntryState.Submitted)
        {
            return Outcome.Refused<EntryDto>(Wording.Pick(
                $"この実績は「{((EntryState?)entry.State).Japanese()}」のため取り下げられません。",
                $"This entry is {((EntryState?)entry.State).Named()}, so it cannot be withdrawn."));
        }

        audit.Changed(AuditTypes.Entry, plan!.EntryKey(kpi!.Code, q), "State", entry.State.ToString(), nameof(EntryState.Draft), "取り下げ");
        entry.State = EntryState.Draft;
        EntryRecords.Touch(entry, audit.Actor, clock);
        return await EntryRecords.CommitAsync(db, plan, kpi, q, cancellationToken);
    }

    /// <summary>KPI by code in the current plan, the caller's right to it, and the quarter, in that order.</summary>
    private async Task<(CurrentPlan? Plan, Kpi? Kpi, FiscalQuarter Quarter, Outcome<EntryDto>? Failure)> ResolveAsync(
        string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken, bool read = false)
    {
        // The caller's right to the KPI is checked before the quarter: someone else's KPI is 403 whatever the quarter.
        var exact = await quarters.ExactAsync(fiscalYear, quarter, cancellationToken);
        var resolved = exact.Value;
        if ((resolved?.Plan ?? await quarters.PlanAsync(cancellationToken)) is not { } plan)
        {
            return (null, null, default, NotFound);
        }

        var kpis = await KpisByCodeAsync(plan, [kpiCode], cancellationToken);
        var (kpi, failure) = Resolve(kpis, kpiCode, read);
        // A quarter no started plan covers says so (「令和8年度 第2四半期は計画期間外です。」), not only "not found".
        return (plan, kpi, resolved?.Quarter ?? default, failure ?? (resolved is null ? Outcome.Refused<EntryDto>(exact.Message ?? NotFound.Message!, OutcomeKind.NotFound) : null));
    }

    private static Outcome<EntryDto> NotFound => Outcome.Refused<EntryDto>(Wording.Pick("指標または四半期が見つかりません。", "The indicator or quarter was not found."), OutcomeKind.NotFound);

    private Task<List<Kpi>> KpisByCodeAsync(CurrentPlan plan, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        db.Kpis.AsSplitQuery().Include(k => k.Targets).Include(k => k.Owners)
            .Where(k => k.PlanId == plan.Id && codes.Contains(k.Code))
            .ToListAsync(cancellationToken);

    /// <summary>A read needs the right to see unapproved entries (the reviewers too); a write the right to enter.</summary>
    private (Kpi? Kpi, Outcome<EntryDto>? Failure) Resolve(List<Kpi> kpis, string kpiCode, bool read = false)
    {
        var kpi = kpis.FirstOrDefault(k => k.Code == kpiCode);
        if (kpi is null)
        {
            return (null, NotFound);
        }

        return (read ? !KpiAccess.MayReadUnapproved(User, kpi.Owners.Select(o => o.Code)) : !KpiAccess.MayEnter(User, kpi.Owners.Select(o => o.Code)))
            ? (kpi, Outcome.Refused<EntryDto>(read
                ? Wording.Pick("未承認の実績は、担当課・事務局・システム管理者だけが見られます。", "Figures not yet approved are for the owning department, the secretariat and the administrator.")
                : Wording.Pick("この指標は担当課ではないため、入力できません。", "Your department does not own this indicator, so you cannot enter it."), OutcomeKind.Forbidden))
            : (kpi, null);
    }

    /// <summary>The latest approved figures the numeric KPIs' figures are checked against, as the form does (one lookup for all).</summary>
    private async Task<Dictionary<int, decimal?>> LastApprovedValuesAsync(CurrentPlan plan, IReadOnlyList<Kpi> kpis, FiscalQuarter q, CancellationToken cancellationToken)
    {
        var numeric = kpis.Where(k => k.Kind.IsNumeric()).Select(k => k.Id).ToList();
        return numeric.Count == 0 ? [] : (await EntryRecords.LastApprovedAsync(db, plan, numeric, q, cancellationToken)).ToDictionary(e => e.Key, e => e.Value.Value);
    }

    /// <summary>Checks and applies one save to the tracked entry (adding it when new); null when there is nothing to refuse.</summary>
    private Outcome<EntryDto>? Apply(CurrentPlan plan, Kpi kpi, FiscalQuarter q, QuarterlyEntry? entry, SaveEntryRequest request, string fieldPrefix, decimal? lastApproved)
    {
        if (entry?.Version != request.Version)
        {
            return Outcome.Conflict<EntryDto>(entry is null ? null : EntryRecords.ToDto(plan, kpi, q, entry, false),
                EntryRecords.SavedFirst(simultaneous: false));
        }

        if (!KpiRetirement.Expects(kpi.RetiredOn, q))
        {
            return Outcome.Refused<EntryDto>(
                Wording.Pick(
                    $"この指標は{CollectionWindows.DateLabel(kpi.RetiredOn!.Value)}に廃止されたため、{q.ToJapaneseLabel()}の実績は入力できません。",
                    $"This indicator was retired on {Wording.Date(kpi.RetiredOn!.Value)}, so it takes no figure for {q.ToEnglishLabel()}."));
        }

        if (entry?.State == EntryState.Approved)
        {
            return Outcome.Refused<EntryDto>(Wording.Pick(
                "承認済みの実績は変更できません。変更が必要な場合は、事務局に差戻しを依頼してください。",
                "An approved entry cannot be changed. If it must change, ask the secretariat to return it."));
        }

        // A draft save must never take a submission silently out of the secretariat's queue.
        if (entry?.State == EntryState.Submitted)
        {
            return Outcome.Refused<EntryDto>(Wording.Pick(
                "提出済みの実績です。変更するには、先に「取り下げ」て下書きに戻してください。",
                "This entry has been submitted. To change it, first withdraw it to a draft."));
        }

        var check = EntryValidation.Check(kpi.ToDto().ToDefinition(), q, request, plan.Thresholds, plan.FirstQuarter.StartDate, lastApproved);
        if (!check.IsValid)
        {
            return Outcome.Invalid<EntryDto>(check.Errors.ToDictionary(e => fieldPrefix + e.Key, e => e.Value));
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
            EntryRecords.Touch(entry, audit.Actor, clock);
        }

        return null;
    }

    private static string? AuditText(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => TextPolicy.Clean(text);

}

/// <summary>Entity types in the audit log.</summary>
public static class AuditTypes
{
    public const string Entry = "Entry";
    public const string Quarter = "Quarter";
    public const string CollectionWindow = "CollectionWindow";
}
