using System.Globalization;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>
/// A plan's life: 「次期計画を作成」 copies a plan's structure into a draft that follows it, each KPI linked to its
/// predecessor with a disposition; the planner sets targets and dispositions, then starts it, which ends the plan it
/// follows (read-only from then on). Started plans never overlap, so a quarter belongs to one plan.
/// </summary>
public sealed partial class ServerPlanService
{
    private const string PlanAudit = "Plan";

    private bool MayMaintain => current.Principal.IsInRole(RoleNames.Planner) || current.Principal.IsInRole(RoleNames.Admin);

    public async Task<PlanDto?> GetPlanAsync(string code, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var plan = await WithKpis(db.Plans.Where(p => p.Code == code)).Include(p => p.Revisions).FirstOrDefaultAsync(cancellationToken);
        return plan is null || (plan.Status == PlanStatus.Draft && !MayMaintain) ? null : await ToDtoAsync(plan, cancellationToken);
    }

    public async Task<Outcome<PlanSummaryDto>> CreateSuccessorAsync(string code, SuccessorRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (!MayMaintain)
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick("計画を変更する権限がありません。", "You may not change the plan."), OutcomeKind.Forbidden);
        }

        var previous = await db.Plans.AsSplitQuery()
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners)
            .FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (previous is null)
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick("計画が見つかりません。", "The plan was not found."), OutcomeKind.NotFound);
        }

        if (previous.Status == PlanStatus.Draft)
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick("下書きの計画からは次期計画を作れません。先に開始してください。", "A draft plan cannot have a next plan. Start it first."));
        }

        if (await db.Plans.AsNoTracking().Where(p => p.PredecessorId == previous.Id).Select(p => p.Code).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick($"この計画の次期計画（{existing}）は既にあります。", $"This plan already has a next plan ({existing})."));
        }

        var errors = PlanLifecycleRules.Validate(request, previous.PeriodEnd);
        if (errors.Count == 0 && await db.Plans.AnyAsync(p => p.Code == request.Code, cancellationToken))
        {
            errors[nameof(request.Code)] = [Wording.Pick($"計画コード「{request.Code}」は既に使われています。別のコードにしてください。", $"The plan code {request.Code} is already used. Choose another.")];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<PlanSummaryDto>(errors);
        }

        var first = request.FirstFiscalYear ?? FiscalQuarter.FiscalYearOf(previous.PeriodEnd) + 1;
        var next = new Plan
        {
            Code = request.Code!,
            Name = TextPolicy.Clean(request.Name)!,
            PeriodStart = new DateOnly(first, 4, 1),
            PeriodEnd = FiscalQuarter.FiscalYearEnd(request.LastFiscalYear!.Value),
            Status = PlanStatus.Draft,
            PredecessorId = previous.Id,
            OnTrackThreshold = previous.OnTrackThreshold,
            CautionThreshold = previous.CautionThreshold,
            GradeScheme = previous.GradeScheme,
            GradeA = previous.GradeA,
            GradeB = previous.GradeB,
            GradeC = previous.GradeC,
            GradeBaselineBand = previous.GradeBaselineBand,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };

        var completed = await CompletedMilestonesAsync(previous, cancellationToken);

        // The structure only: policies, initiatives and KPIs with their owners; no targets, figures or notes.
        foreach (var policy in previous.Policies.OrderBy(p => p.Number))
        {
            var copy = new BasicPolicy { Number = policy.Number, Title = policy.Title, Subtitle = policy.Subtitle };
            next.Policies.Add(copy);
            foreach (var initiative in policy.Initiatives.OrderBy(i => i.Number))
            {
                var initiativeCopy = new Initiative { Number = initiative.Number, Title = initiative.Title, Summary = initiative.Summary };
                copy.Initiatives.Add(initiativeCopy);
                foreach (var kpi in initiative.Kpis.OrderBy(k => k.DisplayOrder))
                {
                    if (kpi.RetiredOn is not null || completed.Contains(kpi.Id))
                    {
                        // Retired, or a milestone already reached: not carried over, so no department is asked about
                        // it again (the planner may still choose 継続 for it).
                        var disposition = kpi.RetiredOn is null ? KpiDisposition.Completed : KpiDisposition.Abolished;
                        db.KpiSuccessions.Add(new KpiSuccession { Plan = next, PredecessorKpiId = kpi.Id, Disposition = disposition });
                        continue;
                    }

                    var kpiCopy = CopyKpi(kpi, next, first);
                    initiativeCopy.Kpis.Add(kpiCopy);
                    db.KpiSuccessions.Add(new KpiSuccession { Plan = next, PredecessorKpiId = kpi.Id, SuccessorKpi = kpiCopy, Disposition = KpiDisposition.Continued });
                }
            }
        }

        db.Plans.Add(next);
        audit.Changed(PlanAudit, next.Code, "次期計画の作成", null, $"{previous.Code} → {next.Code}（{Iso(next.PeriodStart)}〜{Iso(next.PeriodEnd)}）");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(Summary(next, previous.Code));
    }

    /// <summary>The plan's milestones whose latest approved report says 完了.</summary>
    private async Task<HashSet<int>> CompletedMilestonesAsync(Plan plan, CancellationToken cancellationToken)
    {
        var milestones = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Where(k => k.Kind == KpiKind.Milestone).Select(k => k.Id).ToList();
        var reports = await db.Entries.AsNoTracking()
            .Where(e => milestones.Contains(e.KpiId) && e.State == EntryState.Approved && e.MilestoneState != null)
            .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter, e.MilestoneState })
            .ToListAsync(cancellationToken);
        return reports.GroupBy(e => e.KpiId)
            .Where(g => g.MaxBy(e => (e.FiscalYear, e.Quarter))!.MilestoneState == MilestoneState.Done)
            .Select(g => g.Key).ToHashSet();
    }

    public async Task<Outcome<SuccessionDto>> SetDispositionAsync(string code, string predecessorKpiCode, DispositionRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await DraftAsync(code, cancellationToken) is not { } plan)
        {
            return NotADraft<SuccessionDto>();
        }

        var succession = await db.KpiSuccessions.Include(s => s.PredecessorKpi).Include(s => s.SuccessorKpi)
            .FirstOrDefaultAsync(s => s.PlanId == plan.Id && s.PredecessorKpi!.Code == predecessorKpiCode, cancellationToken);
        if (succession is null)
        {
            return Outcome.Refused<SuccessionDto>(Wording.Pick("前の計画の指標が見つかりません。", "The previous plan's indicator was not found."), OutcomeKind.NotFound);
        }

        if (!Enum.IsDefined(request.Disposition))
        {
            return Outcome.Invalid<SuccessionDto>(new Dictionary<string, string[]> { [nameof(request.Disposition)] = [Wording.Pick("引継ぎの区分を選んでください。", "Choose how it is carried over.")] });
        }

        var own = await db.Kpis.FirstOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == predecessorKpiCode, cancellationToken);
        var before = Describe(succession.Disposition, succession.SuccessorKpi?.Code);
        Kpi? successor;
        if (request.Disposition.CarriesOver())
        {
            successor = own ?? await RecreateAsync(plan, succession.PredecessorKpi!, cancellationToken);
            if (successor is null)
            {
                return Outcome.Refused<SuccessionDto>(Wording.Pick("引き継ぐ先の施策が次期計画にありません。", "The initiative it would go to is not in the next plan."));
            }
        }
        else
        {
            successor = null;
            if (request.Disposition == KpiDisposition.Merged)
            {
                successor = string.IsNullOrEmpty(request.MergeInto) || request.MergeInto == predecessorKpiCode
                    ? null
                    : await db.Kpis.FirstOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == request.MergeInto, cancellationToken);
                if (successor is null)
                {
                    return Outcome.Invalid<SuccessionDto>(new Dictionary<string, string[]> { [nameof(request.MergeInto)] = [Wording.Pick("統合先の指標を、この指標以外から選んでください。", "Choose another indicator to merge it into.")] });
                }
            }

            if (own is not null)
            {
                if (await db.KpiSuccessions.AnyAsync(s => s.PlanId == plan.Id && s.SuccessorKpiId == own.Id && s.Id != succession.Id, cancellationToken))
                {
                    return Outcome.Refused<SuccessionDto>(Wording.Pick($"「{own.Code}」は他の指標の統合先です。先にそちらの区分を変えてください。", $"{own.Code} is where another indicator is merged. Change that one first."));
                }

                succession.SuccessorKpi = null;
                succession.SuccessorKpiId = null;
                db.Kpis.Remove(own);
            }
        }

        succession.Disposition = request.Disposition;
        succession.SuccessorKpi = successor;
        if (successor is null)
        {
            succession.SuccessorKpiId = null;
        }

        audit.Changed(PlanAudit, $"{plan.Code}/{predecessorKpiCode}", "引継ぎ区分", before, Describe(request.Disposition, successor?.Code));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(new SuccessionDto(predecessorKpiCode, succession.PredecessorKpi!.Name, succession.Disposition, successor?.Code));
    }

    public async Task<Outcome<KpiDto>> SetDraftTargetAsync(string code, string kpiCode, int fiscalYear, DraftTargetRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await DraftAsync(code, cancellationToken) is not { } plan)
        {
            return NotADraft<KpiDto>();
        }

        var kpi = await db.Kpis.AsSplitQuery().Include(k => k.Targets).Include(k => k.Owners)
            .FirstOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
        if (kpi is null)
        {
            return Outcome.Refused<KpiDto>(Wording.Pick("指標が見つかりません。", "The indicator was not found."), OutcomeKind.NotFound);
        }

        var (first, last) = (FiscalQuarter.FiscalYearOf(plan.PeriodStart), FiscalQuarter.FiscalYearOf(plan.PeriodEnd));
        var errors = new Dictionary<string, string[]>();
        decimal? value = null;
        if (!kpi.Kind.IsNumeric())
        {
            errors[nameof(request.Value)] = [Wording.Pick("この指標には数値の目標がありません（マイルストーン・実施状況の指標）。", "This indicator has no numeric target (a milestone or an activity).")];
        }
        else if (fiscalYear < first || fiscalYear > last)
        {
            errors["FiscalYear"] = [Wording.Pick($"{JapaneseEra.FiscalYearLabel(fiscalYear)}は計画期間（{JapaneseEra.FiscalYearLabel(first)}〜{JapaneseEra.FiscalYearLabel(last)}）の外です。", $"FY{fiscalYear} is outside the plan's period (FY{first} to FY{last}).")];
        }
        else if (!KpiValueParser.TryParse(request.Value, out value, out var problem))
        {
            errors[nameof(request.Value)] = [problem ?? Wording.Pick("目標値を数値で入力してください。", "Enter the target as a number.")];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<KpiDto>(errors);
        }

        var stored = kpi.Targets.FirstOrDefault(t => t.FiscalYear == fiscalYear && t.EffectiveFrom is null);
        audit.Changed("KpiTarget", $"{plan.Code}/{kpi.Code}/{fiscalYear}", "目標（当初・下書き）",
            stored?.Value.ToString(CultureInfo.InvariantCulture), value?.ToString(CultureInfo.InvariantCulture));
        if (value is not { } set)
        {
            if (stored is not null)
            {
                kpi.Targets.Remove(stored);
            }
        }
        else if (stored is null)
        {
            kpi.Targets.Add(new KpiTargetValue { KpiId = kpi.Id, FiscalYear = fiscalYear, Value = set });
        }
        else
        {
            stored.Value = set;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(kpi.ToDto());
    }

    public async Task<Outcome<PlanSummaryDto>> StartAsync(string code, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await DraftAsync(code, cancellationToken) is not { } plan)
        {
            return NotADraft<PlanSummaryDto>();
        }

        if (!await db.Kpis.AnyAsync(k => k.PlanId == plan.Id, cancellationToken))
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick("指標のない計画は開始できません。", "A plan without indicators cannot be started."));
        }

        // The seed files' rule: every basic policy has an initiative and every initiative a KPI.
        var empty = await db.Policies.AsNoTracking().Where(p => p.PlanId == plan.Id)
            .Select(p => new { p.Number, Initiatives = p.Initiatives.Count, Empty = p.Initiatives.Where(i => i.Kpis.Count == 0).Select(i => i.Number).ToList() })
            .ToListAsync(cancellationToken);
        if (empty.FirstOrDefault(p => p.Initiatives == 0) is { } bare)
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick($"基本方針{bare.Number}に施策がありません。施策を追加するか、基本方針を削除してから開始してください。", $"Basic policy {bare.Number} has no initiatives. Add one or delete the policy, then start."));
        }

        if (empty.SelectMany(p => p.Empty).Order().FirstOrDefault() is var hollow and > 0)
        {
            return Outcome.Refused<PlanSummaryDto>(Wording.Pick($"取組施策{hollow}に指標がありません。指標を追加するか、施策を削除してから開始してください。", $"Initiative {hollow} has no indicators. Add one or delete the initiative, then start."));
        }

        var previous = plan.PredecessorId is { } id ? await db.Plans.FirstAsync(p => p.Id == id, cancellationToken) : null;
        if (previous is not null && previous.PeriodEnd >= plan.PeriodStart)
        {
            return Outcome.Refused<PlanSummaryDto>(
                Wording.Pick($"前の計画「{previous.Name}」が{previous.PeriodEnd:yyyy/MM/dd}まで続いています。次期計画（{plan.PeriodStart:yyyy/MM/dd}から）はその後に始めてください。", $"The previous plan ({previous.Name}) runs until {Wording.Date(previous.PeriodEnd)}. Start the next plan (from {Wording.Date(plan.PeriodStart)}) after it."));
        }

        var overlapping = await db.Plans.AsNoTracking()
            .Where(p => p.Id != plan.Id && p.Status != PlanStatus.Draft && p.PeriodStart <= plan.PeriodEnd && p.PeriodEnd >= plan.PeriodStart)
            .Select(p => new { p.Name, p.PeriodStart, p.PeriodEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            return Outcome.Refused<PlanSummaryDto>(
                Wording.Pick($"計画期間が「{overlapping.Name}」（{overlapping.PeriodStart:yyyy/MM/dd}〜{overlapping.PeriodEnd:yyyy/MM/dd}）と重なっています。実施中の計画は重ねられません。", $"The period overlaps {overlapping.Name} ({Wording.Date(overlapping.PeriodStart)} to {Wording.Date(overlapping.PeriodEnd)}). Plans in force cannot overlap."));
        }

        // In the same save as the start: no moment without a current plan, nothing half done if the save fails.
        foreach (var other in await db.Plans.Where(p => p.IsCurrent && p.Id != plan.Id).ToListAsync(cancellationToken))
        {
            other.IsCurrent = false;
        }

        var today = clock.Today();
        if (previous is not null)
        {
            audit.Changed(PlanAudit, previous.Code, "状態", previous.Status.Japanese(), PlanStatus.Ended.Japanese(), $"次期計画 {plan.Code} の開始");
            (previous.Status, previous.IsCurrent) = (PlanStatus.Ended, false);
        }

        audit.Changed(PlanAudit, plan.Code, "状態", plan.Status.Japanese(), PlanStatus.Active.Japanese(), "計画の開始");
        (plan.Status, plan.IsCurrent) = (PlanStatus.Active, true);
        var name = (await PeopleNames.ResolveAsync(db, [audit.Actor], cancellationToken))(audit.Actor);
        db.PlanRevisions.Add(new PlanRevision
        {
            PlanId = plan.Id,
            Date = today,
            Description = "策定",
            Reason = previous is null ? null : $"「{previous.Name}」の次期計画として開始",
            RecordedBy = name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
            Snapshot = PlanEditions.Snapshot(await WithKpis(db, plan.Id).FirstAsync(cancellationToken), today),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(Summary(plan, previous?.Code));
    }

    /// <summary>Every plan the reader may open, oldest first (drafts for planners only).</summary>
    private async Task<List<PlanSummaryDto>> PlansAsync(CancellationToken cancellationToken)
    {
        var maintain = MayMaintain;
        var plans = await db.Plans.AsNoTracking().Where(p => maintain || p.Status != PlanStatus.Draft)
            .Select(p => new { p.Id, p.Code, p.Name, p.PeriodStart, p.PeriodEnd, p.Status, p.IsCurrent, p.PredecessorId })
            .ToListAsync(cancellationToken);
        var codes = plans.ToDictionary(p => p.Id, p => p.Code);
        return plans.OrderBy(p => p.PeriodStart).ThenBy(p => p.Id)
            .Select(p => new PlanSummaryDto(p.Code, p.Name, p.PeriodStart, p.PeriodEnd, p.Status, p.IsCurrent, p.PredecessorId is { } id ? codes.GetValueOrDefault(id) : null))
            .ToList();
    }

    /// <summary>
    /// What became of each of the previous plan's KPIs in <paramref name="plan"/>, with where each stood: its last
    /// year's target (as revised) and its latest approved figure, which the new plan's targets are set against.
    /// </summary>
    private async Task<List<SuccessionDto>> SuccessionsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var rows = await db.KpiSuccessions.AsNoTracking().Where(s => s.PlanId == plan.Id)
            .Select(s => new
            {
                s.PredecessorKpiId, s.PredecessorKpi!.Code, s.PredecessorKpi.Name, s.PredecessorKpi.Unit, s.PredecessorKpi.DisplayOrder, s.Disposition,
                Successor = s.SuccessorKpi!.Code,
                s.PredecessorKpi.Targets,
                s.PredecessorKpi.BaselineValue,
                s.PredecessorKpi.BaselineDate,
            })
            .ToListAsync(cancellationToken);
        var latest = await ApprovedFigures.LatestAsync(db, rows.Select(r => r.PredecessorKpiId).ToList(), before: null, cancellationToken);
        return rows
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new SuccessionDto(s.Code, s.Name, s.Disposition, s.Successor, s.Unit,
                KpiMapping.TargetsInForce(s.Targets).LastOrDefault(), latest.GetValueOrDefault(s.PredecessorKpiId), s.BaselineValue, s.BaselineDate))
            .ToList();
    }

    private async Task<Plan?> DraftAsync(string code, CancellationToken cancellationToken) =>
        MayMaintain ? await db.Plans.FirstOrDefaultAsync(p => p.Code == code && p.Status == PlanStatus.Draft, cancellationToken) : null;

    private static Outcome<T> NotADraft<T>() =>
        Outcome.Refused<T>(Wording.Pick("下書きの計画が見つかりません。開始した計画は「改訂」で変更してください。", "The draft plan was not found. A started plan is changed by a revision."), OutcomeKind.NotFound);

    /// <summary>A KPI's definition for a plan starting in <paramref name="firstYear"/>: no targets, figures or notes of the old plan.</summary>
    private static Kpi CopyKpi(Kpi kpi, Plan plan, int firstYear) => new()
    {
        Plan = plan,
        Code = kpi.Code,
        Name = kpi.Name,
        Kind = kpi.Kind,
        Direction = kpi.Direction,
        Unit = kpi.Unit,
        BaselineValue = kpi.BaselineValue,
        BaselineDate = kpi.BaselineDate,
        MilestoneDueFiscalYear = kpi.MilestoneDueFiscalYear >= firstYear ? kpi.MilestoneDueFiscalYear : null,
        DisplayOrder = kpi.DisplayOrder,
        Source = kpi.Source,
        Note = kpi.Note,
        Owners = [.. kpi.Owners],
    };

    /// <summary>A KPI carried over again after it was marked 完了, 廃止 or 統合: copied anew into the initiative of the same numbers.</summary>
    private async Task<Kpi?> RecreateAsync(Plan plan, Kpi previous, CancellationToken cancellationToken)
    {
        var place = await db.Initiatives.AsNoTracking().Where(i => i.Id == previous.InitiativeId)
            .Select(i => new { i.Number, Policy = db.Policies.Where(p => p.Id == i.PolicyId).Select(p => p.Number).First() })
            .FirstAsync(cancellationToken);
        var initiative = await db.Initiatives
            .FirstOrDefaultAsync(i => i.Number == place.Number && db.Policies.Any(p => p.Id == i.PolicyId && p.PlanId == plan.Id && p.Number == place.Policy), cancellationToken);
        if (initiative is null)
        {
            return null;
        }

        var owners = await db.Kpis.Where(k => k.Id == previous.Id).SelectMany(k => k.Owners).ToListAsync(cancellationToken);
        var copy = CopyKpi(previous, plan, FiscalQuarter.FiscalYearOf(plan.PeriodStart));
        copy.Owners = owners;
        copy.InitiativeId = initiative.Id;
        db.Kpis.Add(copy);
        return copy;
    }

    private static string Describe(KpiDisposition disposition, string? successor) =>
        disposition == KpiDisposition.Merged ? $"{disposition.Japanese()}（{successor}へ）" : disposition.Japanese();

    private static PlanSummaryDto Summary(Plan plan, string? predecessorCode) =>
        new(plan.Code, plan.Name, plan.PeriodStart, plan.PeriodEnd, plan.Status, plan.IsCurrent, predecessorCode);
}
