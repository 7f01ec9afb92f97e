using Dashboard.Server.Data;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>A quarter and the plan it belongs to: what every page and write works on.</summary>
public sealed record PlanQuarter(CurrentPlan Plan, FiscalQuarter Quarter);

/// <summary>
/// The one place a feature gets "today", the plan and the quarter. Every read and write asks here instead of loading
/// the plan and checking the quarter by hand: a quarter outside the plan, or no plan at all, comes back as a not-found
/// outcome with a message for people.
/// </summary>
public sealed class PlanQuarters(DbOperations operations, TimeProvider clock)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    /// <summary>Today in Japan (the app's one date; see <see cref="ClockExtensions.Today"/>).</summary>
    public DateOnly Today => clock.Today();

    /// <summary>
    /// The one rule for the plan pages show when no quarter is named: the plan started last (see
    /// <see cref="Plan.IsCurrent"/>). Every query for "the plan" without a quarter starts here.
    /// </summary>
    public static IQueryable<Plan> InForce(IQueryable<Plan> plans) => plans.Where(p => p.IsCurrent);

    /// <summary>
    /// The one rule for the plan a quarter belongs to: the started (実施中 or 終了) plan whose period covers it. Started
    /// plans never overlap (<see cref="ServerPlanService.StartAsync"/> refuses it), so there is at most one.
    /// </summary>
    public static IQueryable<Plan> Covering(IQueryable<Plan> plans, FiscalQuarter quarter)
    {
        var (start, end) = (quarter.StartDate, quarter.EndDate);
        return Started(plans).Where(p => p.PeriodStart <= end && p.PeriodEnd >= start);
    }

    /// <summary>The plans that have started (実施中 or 終了): the ones pages, figures and the open data know. Drafts are the planners' alone.</summary>
    public static IQueryable<Plan> Started(IQueryable<Plan> plans) => plans.Where(p => p.Status != PlanStatus.Draft);

    /// <summary>The started plans, oldest first, for a plan chooser.</summary>
    public async Task<List<PlanSummaryDto>> StartedPlansAsync(CancellationToken cancellationToken)
    {
        var plans = await Started(db.Plans.AsNoTracking()).OrderBy(p => p.PeriodStart)
            .Select(p => new { p.Code, p.Name, p.PeriodStart, p.PeriodEnd, p.Status, p.IsCurrent, Predecessor = db.Plans.Where(x => x.Id == p.PredecessorId).Select(x => x.Code).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return plans.Select(p => new PlanSummaryDto(p.Code, p.Name, p.PeriodStart, p.PeriodEnd, p.Status, p.IsCurrent, p.Predecessor)).ToList();
    }

    /// <summary>The plan pages show by default: the current plan, with its period and thresholds; null before any plan is loaded.</summary>
    public Task<CurrentPlan?> PlanAsync(CancellationToken cancellationToken) => CurrentPlan.LoadAsync(InForce(db.Plans), cancellationToken);

    /// <summary>The started plan a quarter belongs to; null when no plan covers it (or the numbers name no quarter).</summary>
    public Task<CurrentPlan?> PlanOfAsync(int fiscalYear, int quarter, CancellationToken cancellationToken) =>
        quarter is >= 1 and <= 4 && fiscalYear is >= 1900 and <= 2999
            ? CurrentPlan.LoadAsync(Covering(db.Plans, new FiscalQuarter(fiscalYear, quarter)), cancellationToken)
            : Task.FromResult<CurrentPlan?>(null);

    /// <summary>
    /// The quarter a page asked for in the plan that covers it, or the current plan's reporting quarter when it asked
    /// for none (or half of one). Not found when there is no plan or no started plan covers the quarter.
    /// </summary>
    public async Task<Outcome<PlanQuarter>> ResolveAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken)
    {
        if (fiscalYear is { } fy && quarter is { } q)
        {
            return await PlanOfAsync(fy, q, cancellationToken) is { } covering ? Resolve(covering, fy, q) : Outside(fy, q);
        }

        return await PlanAsync(cancellationToken) is { } plan ? Resolve(plan, fiscalYear, quarter) : NoPlan;
    }

    /// <summary>The same against a plan already loaded (the dashboards load the whole plan in one query).</summary>
    public Outcome<PlanQuarter> Resolve(CurrentPlan plan, int? fiscalYear, int? quarter) =>
        plan.RequestedQuarter(fiscalYear, quarter, Today) is { } q ? Outcome.Ok(new PlanQuarter(plan, q)) : Outside(fiscalYear, quarter);

    /// <summary>The quarter that has just ended, kept inside the plan (after the plan has ended, its last quarter).</summary>
    public FiscalQuarter ReportingQuarter(CurrentPlan plan) => plan.ReportingQuarter(Today);

    /// <summary>A quarter a write names: it must belong to a started plan (the plan comes with it).</summary>
    public async Task<Outcome<PlanQuarter>> ExactAsync(int fiscalYear, int quarter, CancellationToken cancellationToken)
    {
        if (await PlanOfAsync(fiscalYear, quarter, cancellationToken) is not { } plan)
        {
            return Outside(fiscalYear, quarter);
        }

        return plan.QuarterOf(fiscalYear, quarter) is { } q ? Outcome.Ok(new PlanQuarter(plan, q)) : Outside(fiscalYear, quarter);
    }

    /// <summary>
    /// Whether the plan's quarters are still chased (late marks, due lines, reminders): not once the plan has ended, that
    /// is once a quarter after its last one has ended. Its last quarter is then history, not "233 days late".
    /// </summary>
    public bool IsChased(CurrentPlan plan) => !plan.HasEndedBy(Today);

    /// <summary>The date lateness is judged against: today while the plan's quarters are chased, else null (nothing is late).</summary>
    public DateOnly? LatenessDate(CurrentPlan plan) => IsChased(plan) ? Today : null;

    private static Outcome<PlanQuarter> NoPlan => Outcome.Refused<PlanQuarter>(Wording.Pick("計画が読み込まれていません。", "No plan has been loaded."), OutcomeKind.NotFound);

    private static Outcome<PlanQuarter> Outside(int? fiscalYear, int? quarter) =>
        Outcome.Refused<PlanQuarter>(
            fiscalYear is { } fy && quarter is { } q && q is >= 1 and <= 4 && fy is >= 1900 and <= 2999
                ? Wording.Pick($"{new FiscalQuarter(fy, q).ToJapaneseLabel()}は計画期間外です。", $"{new FiscalQuarter(fy, q).ToEnglishLabel()} is outside the plan's period.")
                : Wording.Pick("四半期の指定が正しくありません。", "The quarter is not valid."),
            OutcomeKind.NotFound);
}

/// <summary>What is stored about a plan's quarters: which are closed, and each one's collection window.</summary>
public static class QuarterRecords
{
    /// <summary>The answer for a quarter outside the plan.</summary>
    public static string OutsidePlan => Wording.Pick("四半期が計画期間にありません。", "The quarter is not in the plan's period.");

    /// <summary>The answer for a change to an ended plan.</summary>
    public static string PlanEnded => Wording.Pick("この計画は終了しています（読み取り専用）。", "This plan has ended (read only).");

    /// <summary>Why the quarter takes no more changes: the plan has ended (read-only) or the quarter is closed; null when it is open.</summary>
    public static async Task<string?> LockedAsync(DashboardDbContext db, CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken) =>
        plan.IsEnded ? Wording.Pick(
            $"この計画は終了しています（読み取り専用）。{q.ToJapaneseLabel()}の実績は変更できません。",
            $"This plan has ended (read only). Figures for {q.ToEnglishLabel()} cannot be changed.")
        : await IsClosedAsync(db, plan, q, cancellationToken) ? Wording.Pick(
            $"{q.ToJapaneseLabel()}は締め切られているため、変更できません。変更が必要な場合は、システム管理者に再開を依頼してください。",
            $"{q.ToEnglishLabel()} is closed, so it cannot be changed. If it must change, ask the administrator to reopen it.")
        : null;

    /// <summary>Whether the secretariat has closed the quarter.</summary>
    public static Task<bool> IsClosedAsync(DashboardDbContext db, CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken) =>
        db.ClosedQuarters.AnyAsync(c => c.PlanId == plan.Id && c.FiscalYear == q.FiscalYear && c.Quarter == q.Quarter, cancellationToken);

    /// <summary>The plan's closed quarters.</summary>
    public static async Task<HashSet<FiscalQuarter>> ClosedQuartersAsync(DashboardDbContext db, CurrentPlan plan, CancellationToken cancellationToken) =>
        (await db.ClosedQuarters.AsNoTracking().Where(c => c.PlanId == plan.Id).Select(c => new { c.FiscalYear, c.Quarter }).ToListAsync(cancellationToken))
            .Select(c => new FiscalQuarter(c.FiscalYear, c.Quarter)).ToHashSet();

    /// <summary>The plan's quarters for the quarter picker.</summary>
    public static List<QuarterOption> QuarterOptions(CurrentPlan plan, HashSet<FiscalQuarter> closed) =>
        plan.Quarters().Select(q => new QuarterOption(q.FiscalYear, q.Quarter, closed.Contains(q))).ToList();

    /// <summary>The quarter's collection window: the planner's, else the default rule.</summary>
    public static async Task<CollectionWindowDto> WindowAsync(DashboardDbContext db, CurrentPlan plan, FiscalQuarter q, CancellationToken cancellationToken)
    {
        var stored = await db.CollectionWindows.AsNoTracking()
            .FirstOrDefaultAsync(w => w.PlanId == plan.Id && w.FiscalYear == q.FiscalYear && w.Quarter == q.Quarter, cancellationToken);
        return WindowOf(q, stored);
    }

    /// <summary>Every quarter's window of the plan (default where the planner set none).</summary>
    public static async Task<Dictionary<FiscalQuarter, CollectionWindowDto>> WindowsAsync(DashboardDbContext db, CurrentPlan plan, CancellationToken cancellationToken)
    {
        var stored = await db.CollectionWindows.AsNoTracking().Where(w => w.PlanId == plan.Id).ToListAsync(cancellationToken);
        return plan.Quarters().ToDictionary(q => q, q => WindowOf(q, stored.FirstOrDefault(w => w.FiscalYear == q.FiscalYear && w.Quarter == q.Quarter)));
    }

    /// <summary>The planner's window, else the default rule.</summary>
    public static CollectionWindowDto WindowOf(FiscalQuarter q, CollectionWindow? stored) =>
        stored is null ? CollectionWindows.Default(q) : new CollectionWindowDto(q.FiscalYear, q.Quarter, stored.OpensOn, stored.DueOn, false);
}
