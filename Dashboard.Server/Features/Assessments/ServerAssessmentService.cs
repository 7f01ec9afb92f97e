using Dashboard.Shared.Text;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Problems;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Assessments;

/// <summary>
/// Initiative assessments over the database: everyone signed in reads them; planners write the assessment and the
/// committee's opinion, the owning departments their reply; every field change is audited with the save.
/// </summary>
public sealed class ServerAssessmentService(DbOperations operations, CurrentUser current, TimeProvider clock, PlanQuarters quarters, AuditWriter audit) : IAssessmentService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private const string EntityType = "InitiativeAssessment";

    private ClaimsPrincipal User => current.Principal;

    public async Task<InitiativeAssessmentDto?> GetAsync(int initiative, int fiscalYear, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var loaded = await LoadAsync(initiative, fiscalYear, cancellationToken);
        return loaded is { InPlan: true } ? await ToDtoAsync(loaded, cancellationToken) : null;
    }

    public async Task<Outcome<InitiativeAssessmentDto>> SaveAsync(int initiative, int fiscalYear, SaveAssessmentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await LoadAsync(initiative, fiscalYear, cancellationToken) is not { } loaded)
        {
            return Outcome.NotFound<InitiativeAssessmentDto>(NotFoundMessage);
        }

        if (!MayAssess(User))
        {
            return Outcome.Forbidden<InitiativeAssessmentDto>(ForbiddenMessage);
        }

        if (!loaded.InPlan)
        {
            return Outcome.NotFound<InitiativeAssessmentDto>(NotFoundMessage);
        }

        if (AssessmentRules.Validate(request, loaded.Plan.Grading.Scheme) is { Count: > 0 } errors)
        {
            return Outcome.Invalid<InitiativeAssessmentDto>(errors);
        }

        var row = await RowAsync(loaded, request.Version, cancellationToken);
        if (row is null)
        {
            return Outcome.Conflict<InitiativeAssessmentDto>(null, ConflictMessage);
        }

        var key = Key(loaded);
        var reason = request.Override is null ? null : Clean(request.OverrideReason);
        audit.Changed(EntityType, key, "総合評価", row.OverrideGrade?.Japanese(), request.Override?.Japanese(), reason);
        audit.Changed(EntityType, key, "総合評価を変える理由", row.OverrideReason, reason);
        audit.Changed(EntityType, key, "課題", row.Issues, Clean(request.Issues));
        audit.Changed(EntityType, key, "今後の方向性", row.Direction?.Japanese(), request.Direction?.Japanese());
        audit.Changed(EntityType, key, "推進本部の意見", row.CommitteeOpinion, Clean(request.CommitteeOpinion));
        (row.OverrideGrade, row.OverrideReason, row.Issues, row.Direction, row.CommitteeOpinion) =
            (request.Override, reason, Clean(request.Issues), request.Direction, Clean(request.CommitteeOpinion));
        return await SaveAsync(loaded, row, cancellationToken);
    }

    public async Task<Outcome<InitiativeAssessmentDto>> ReplyAsync(int initiative, int fiscalYear, SaveReplyRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await LoadAsync(initiative, fiscalYear, cancellationToken) is not { } loaded)
        {
            return Outcome.NotFound<InitiativeAssessmentDto>(NotFoundMessage);
        }

        if (!MayReply(User, loaded.Initiative))
        {
            return Outcome.Forbidden<InitiativeAssessmentDto>(ForbiddenMessage);
        }

        if (!loaded.InPlan)
        {
            return Outcome.NotFound<InitiativeAssessmentDto>(NotFoundMessage);
        }

        if (AssessmentRules.Validate(request) is { Count: > 0 } errors)
        {
            return Outcome.Invalid<InitiativeAssessmentDto>(errors);
        }

        var row = await RowAsync(loaded, request.Version, cancellationToken);
        if (row is null)
        {
            return Outcome.Conflict<InitiativeAssessmentDto>(null, ConflictMessage);
        }

        var reply = Clean(request.Reply);
        if (audit.Changed(EntityType, Key(loaded), "担当課の回答", row.DepartmentReply, reply))
        {
            (row.DepartmentReply, row.RepliedBy, row.RepliedUtc) = (reply, audit.Actor, clock.GetUtcNow().UtcDateTime);
        }

        return await SaveAsync(loaded, row, cancellationToken);
    }

    /// <summary>The assessments of the current plan for <paramref name="fiscalYear"/>, by initiative id (for the pack).</summary>
    public static Task<Dictionary<int, InitiativeAssessment>> ForYearAsync(DashboardDbContext db, int planId, int fiscalYear, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.FiscalYear == fiscalYear && db.Initiatives.Any(i => i.Id == a.InitiativeId && db.Policies.Any(p => p.Id == i.PolicyId && p.PlanId == planId)))
            .ToDictionaryAsync(a => a.InitiativeId, cancellationToken);

    /// <summary>
    /// The quarter a fiscal year's assessment is graded at: the year's Q4, or the reporting quarter while the year
    /// runs, never outside the plan. At the plan's last quarter the grades are against the final targets.
    /// </summary>
    public static FiscalQuarter GradedAt(CurrentPlan plan, int fiscalYear, DateOnly today)
    {
        var q = new FiscalQuarter(fiscalYear, 4);
        var reporting = plan.ReportingQuarter(today);
        q = q > reporting ? reporting : q;
        return q.FiscalYear < fiscalYear ? new FiscalQuarter(fiscalYear, 1) : q;
    }

    public static bool MayAssess(ClaimsPrincipal user) => user.IsInRole(RoleNames.Planner) || user.IsInRole(RoleNames.Admin);

    public static bool MayReply(ClaimsPrincipal user, Initiative initiative) =>
        KpiAccess.MayEnter(user, initiative.Kpis.SelectMany(k => k.Owners).Select(o => o.Code));

    internal static string NotFoundMessage => Wording.Pick(
        "取組施策が見つかりません。現行計画の取組施策の番号と計画期間内の年度を指定してください。",
        "The initiative was not found. Give an initiative number of the current plan and a fiscal year within its period.");

    private static string ForbiddenMessage => Wording.Pick(
        "この評価を書く権限がありません。評価と推進本部の意見は企画担当が、回答は担当課が書きます。",
        "You may not write this assessment. Planners write the assessment and the headquarters' opinion; the department writes the reply.");

    private static string ConflictMessage => Wording.Pick(
        "ほかの人が先に保存しました。画面を読み込み直して、最新の内容に重ねて入力してください。",
        "Someone else saved first. Reload the page and make your change on the latest version.");

    /// <summary>The initiative, and its assessment row when there is one; <paramref name="InPlan"/> says whether the year lies in the plan.</summary>
    private sealed record Loaded(CurrentPlan Plan, BasicPolicy Policy, Initiative Initiative, int FiscalYear, InitiativeAssessment? Row, bool InPlan);

    private static string Key(Loaded loaded) => $"{loaded.Plan.Code}/施策{loaded.Initiative.Number}/{loaded.FiscalYear}";

    private static string? Clean(string? text) => Dashboard.Shared.Text.TextPolicy.Clean(text) is { Length: > 0 } t ? t : null;

    private async Task<Loaded?> LoadAsync(int number, int fiscalYear, CancellationToken cancellationToken)
    {
        if (await quarters.PlanAsync(cancellationToken) is not { } plan)
        {
            return null;
        }

        var initiative = await db.Initiatives.AsNoTracking().AsSplitQuery()
            .Include(i => i.Kpis).ThenInclude(k => k.Targets)
            .Include(i => i.Kpis).ThenInclude(k => k.Owners)
            .Where(i => i.Number == number && db.Policies.Any(p => p.Id == i.PolicyId && p.PlanId == plan.Id))
            .SingleOrDefaultAsync(cancellationToken);
        if (initiative is null)
        {
            return null;
        }

        var policy = await db.Policies.AsNoTracking().SingleAsync(p => p.Id == initiative.PolicyId, cancellationToken);
        var row = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.InitiativeId == initiative.Id && a.FiscalYear == fiscalYear, cancellationToken);
        return new Loaded(plan, policy, initiative, fiscalYear, row, plan.FiscalYears().Contains(fiscalYear));
    }

    /// <summary>The tracked row to change, created on the first save; null when <paramref name="version"/> is stale.</summary>
    private async Task<InitiativeAssessment?> RowAsync(Loaded loaded, Guid? version, CancellationToken cancellationToken)
    {
        if (loaded.Row is null)
        {
            if (version is not null)
            {
                return null;
            }

            var created = new InitiativeAssessment { InitiativeId = loaded.Initiative.Id, FiscalYear = loaded.FiscalYear, UpdatedBy = audit.Actor };
            db.Assessments.Add(created);
            return created;
        }

        if (version != loaded.Row.Version)
        {
            return null;
        }

        return await db.Assessments.SingleAsync(a => a.Id == loaded.Row.Id, cancellationToken);
    }

    private async Task<Outcome<InitiativeAssessmentDto>> SaveAsync(Loaded loaded, InitiativeAssessment row, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            (row.UpdatedBy, row.UpdatedUtc, row.Version) = (audit.Actor, clock.GetUtcNow().UtcDateTime, Guid.NewGuid());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone saved in between (the version moved, or the first row was created twice).
                return Outcome.Conflict<InitiativeAssessmentDto>(null, ConflictMessage);
            }
        }

        db.ChangeTracker.Clear();
        return Outcome.Ok(await ToDtoAsync(loaded with { Row = row }, cancellationToken));
    }

    private async Task<InitiativeAssessmentDto> ToDtoAsync(Loaded loaded, CancellationToken cancellationToken)
    {
        var plan = loaded.Plan;
        var at = GradedAt(plan, loaded.FiscalYear, quarters.Today);
        var kpiIds = loaded.Initiative.Kpis.Select(k => k.Id).ToList();
        var approved = (await db.Entries.AsNoTracking()
                .Where(e => e.State == EntryState.Approved && kpiIds.Contains(e.KpiId))
                .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter, e.Value, e.MilestoneState })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.KpiId, e => (new FiscalQuarter(e.FiscalYear, e.Quarter), new QuarterReport(e.Value, e.MilestoneState)));
        var kpis = loaded.Initiative.Kpis.OrderBy(k => k.DisplayOrder).Select(k =>
        {
            var standing = KpiGrades.Standing(k.ToDto().ToDefinition(), at, approved[k.Id], plan.Thresholds, plan.Grading, plan.LastQuarter);
            return new AssessedKpiDto(k.Code, k.Name, standing.Status, standing.Grade);
        }).ToList();
        var row = loaded.Row;
        var names = await PeopleNames.ResolveAsync(db, new[] { row?.UpdatedBy, row?.RepliedBy }.OfType<string>(), cancellationToken);
        return new InitiativeAssessmentDto(
            loaded.Initiative.Number,
            loaded.Initiative.Title,
            loaded.Policy.Number,
            loaded.Policy.Title,
            loaded.Initiative.Summary,
            loaded.Initiative.Kpis.SelectMany(k => k.Owners).Select(o => o.Name).Distinct(StringComparer.Ordinal).ToList(),
            loaded.FiscalYear,
            plan.FiscalYears(),
            at.FiscalYear,
            at.Quarter,
            at == plan.LastQuarter,
            kpis,
            plan.Grading.Scheme,
            AssessmentRules.Suggest(kpis.Select(k => k.Grade), plan.Grading.Scheme),
            row?.OverrideGrade,
            row?.OverrideReason,
            row?.Issues,
            row?.Direction,
            row?.CommitteeOpinion,
            row?.DepartmentReply,
            row is null ? null : names(row.UpdatedBy),
            row?.UpdatedUtc,
            row?.RepliedBy is { } by ? names(by) : null,
            row?.Version,
            MayAssess(User),
            MayReply(User, loaded.Initiative));
    }
}
