using Dashboard.Shared.Text;
using Dashboard.Shared.Problems;
using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Plans;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization(Policies.ViewDashboards);
        group.MapGet("/current", GetCurrentPlan)
            .WithName(nameof(GetCurrentPlan))
            .WithSummary("The current plan with its policies, initiatives, KPIs and targets.");
        app.MapPut("/api/plans/current/grading", SaveGrading).WithTags("Plans").RequireAuthorization(Policies.MaintainPlan)
            .WithName(nameof(SaveGrading)).WithSummary("Changes the current plan's 評価区分 scheme and thresholds (audited).");
        var maintain = app.MapGroup("/api/plans/current").WithTags("Plans").RequireAuthorization(Policies.MaintainPlan);
        maintain.MapPost("/revisions", Revise).WithName(nameof(Revise))
            .WithSummary("Records a revision (改訂) of the current plan with its date and reason, extending its period when asked (audited).");
        maintain.MapPut("/kpis/{kpiCode}/targets/{fiscalYear:int}", ReviseTarget).WithName(nameof(ReviseTarget))
            .WithSummary("Records a revised target for a KPI and fiscal year from a date, with a reason; the plan's own value is kept (audited).");
        group.MapGet("/{code}/editions/{number:int}", GetEdition).WithName(nameof(GetEdition))
            .WithSummary("The plan as one of its versions (版) left it: policies, initiatives, KPIs, owners and the targets in force on its date.");
        group.MapGet("/{code}", GetPlan).WithName(nameof(GetPlan))
            .WithSummary("A plan by its code, with its policies, initiatives, KPIs, targets, versions and place among the plans (drafts for planners only).");
        var plans = app.MapGroup("/api/plans/{code}").WithTags("Plans").RequireAuthorization(Policies.MaintainPlan);
        plans.MapPost("/successor", CreateSuccessor).WithName(nameof(CreateSuccessor))
            .WithSummary("「次期計画を作成」: copies the plan's structure (not figures or notes) into a draft that follows it (audited).");
        plans.MapPut("/successions/{kpiCode}", SetDisposition).WithName(nameof(SetDisposition))
            .WithSummary("Sets what becomes of a previous plan's KPI in a draft: 継続, 拡充, 統合 (into another KPI), 完了, 廃止 or 延伸 (audited).");
        plans.MapPut("/kpis/{kpiCode}/targets/{fiscalYear:int}", SetDraftTarget).WithName(nameof(SetDraftTarget))
            .WithSummary("Sets a draft plan's own target for a KPI and fiscal year; empty clears it (audited).");
        plans.MapGet("/workbook", ExportWorkbook).WithName(nameof(ExportWorkbook))
            .WithSummary("The plan as the KPI table workbook (基本方針, 施策, KPI, 単位, 基準値, 各年度目標, 担当課) with its revised targets.");
        plans.MapGet("/seed.json", ExportSeed).WithName(nameof(ExportSeed)).WithSummary("The plan as a seed file (seed-data/plans/*.json).");

        // A form post with a file: the antiforgery token is required (UseAntiforgery checks IFormFile endpoints).
        app.MapPost("/api/plans/import", Import).WithTags("Plans").RequireAuthorization(Policies.MaintainPlan).WithName(nameof(Import))
            .WithSummary("Reads a plan workbook into a new draft plan, all or nothing; every bad cell is reported with its sheet, row and column.");
        plans.MapPost("/kpis", AddKpi).WithName(nameof(AddKpi))
            .WithSummary("Adds a KPI to an initiative: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPut("/kpis/{kpiCode}", EditKpi).WithName(nameof(EditKpi))
            .WithSummary("Changes a KPI's definition (not its code or targets) or moves it to another initiative: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPost("/kpis/{kpiCode}/remove", RemoveKpi).WithName(nameof(RemoveKpi))
            .WithSummary("Removes a KPI that has no figures, or retires (廃止) one of the plan in force by a recorded revision; deleting one with figures is refused (audited).");
        plans.MapPut("/policies/{policyNumber:int}", RenamePolicy).WithName(nameof(RenamePolicy))
            .WithSummary("Renames a basic policy: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPut("/initiatives/{initiativeNumber:int}", RenameInitiative).WithName(nameof(RenameInitiative))
            .WithSummary("Renames an initiative or moves it to another basic policy: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPost("/policies", AddPolicy).WithName(nameof(AddPolicy))
            .WithSummary("Adds a basic policy: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPost("/policies/{policyNumber:int}/initiatives", AddInitiative).WithName(nameof(AddInitiative))
            .WithSummary("Adds an initiative to a basic policy: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPost("/policies/{policyNumber:int}/remove", RemovePolicy).WithName(nameof(RemovePolicy))
            .WithSummary("Removes a basic policy without initiatives: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPost("/initiatives/{initiativeNumber:int}/remove", RemoveInitiative).WithName(nameof(RemoveInitiative))
            .WithSummary("Removes an initiative without KPIs or assessments: a draft freely, a plan in force as a recorded revision (audited).");
        plans.MapPost("/start", Start).WithName(nameof(Start))
            .WithSummary("Starts a draft plan: it becomes the plan in force and the plan it follows ends, read-only (audited).");
        return app;
    }

    public static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetEdition(string code, int number, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.Found(await plans.GetEditionAsync(code, number, cancellationToken), Wording.Pick("その計画の版はありません。", "The plan has no such edition."));

    public static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(string code, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.Found(await plans.GetPlanAsync(code, cancellationToken), Wording.Pick("その計画はありません。", "There is no such plan."));

    public static async Task<Results<Ok<PlanSummaryDto>, ValidationProblem, ProblemHttpResult>> CreateSuccessor(
        string code, SuccessorRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.CreateSuccessorAsync(code, request, cancellationToken));

    public static async Task<Results<Ok<SuccessionDto>, ValidationProblem, ProblemHttpResult>> SetDisposition(
        string code, string kpiCode, DispositionRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.SetDispositionAsync(code, kpiCode, request, cancellationToken));

    public static async Task<Results<Ok<KpiDto>, ValidationProblem, ProblemHttpResult>> SetDraftTarget(
        string code, string kpiCode, int fiscalYear, DraftTargetRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.SetDraftTargetAsync(code, kpiCode, fiscalYear, request, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportWorkbook(string code, IPlanService plans, CancellationToken cancellationToken) =>
        await plans.ExportWorkbookAsync(code, cancellationToken) is { } file
            ? TypedResults.File(file.Content, Exports.ExportEndpoints.XlsxContentType, file.FileName)
            : ProblemResults.Problem(OutcomeKind.NotFound, Wording.Pick("その計画はありません。", "There is no such plan."));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportSeed(string code, IPlanService plans, CancellationToken cancellationToken) =>
        await plans.ExportSeedAsync(code, cancellationToken) is { } file
            ? TypedResults.File(file.Content, "application/json", file.FileName)
            : ProblemResults.Problem(OutcomeKind.NotFound, Wording.Pick("その計画はありません。", "There is no such plan."));

    public static async Task<Results<Ok<PlanSummaryDto>, ValidationProblem, ProblemHttpResult>> Import(IFormFile file, IPlanService plans, CancellationToken cancellationToken)
    {
        if (file.Length > Exports.EntryTemplate.MaxBytes)
        {
            return ProblemResults.Invalid(Dashboard.Shared.Exports.TemplateErrors.ToFieldErrors(
                [new Dashboard.Shared.Exports.TemplateError("KPI表", 0, "", Wording.Pick($"ファイルが大きすぎます（上限 {Exports.EntryTemplate.MaxBytes / 1024 / 1024} MB）。", $"The file is too large (up to {Exports.EntryTemplate.MaxBytes / 1024 / 1024} MB)."))]));
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, cancellationToken);
        return ProblemResults.ToHttp(await plans.ImportAsync(new Dashboard.Shared.Exports.ExportFile(file.FileName, stream.ToArray()), cancellationToken));
    }

    public static async Task<Results<Ok<KpiDto>, ValidationProblem, ProblemHttpResult>> AddKpi(string code, KpiEditRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.SaveKpiAsync(code, null, request, cancellationToken));

    public static async Task<Results<Ok<KpiDto>, ValidationProblem, ProblemHttpResult>> EditKpi(
        string code, string kpiCode, KpiEditRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.SaveKpiAsync(code, kpiCode, request, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> RemoveKpi(
        string code, string kpiCode, KpiRemovalRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.RemoveKpiAsync(code, kpiCode, request, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> RenamePolicy(
        string code, int policyNumber, HeadingEditRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.RenameAsync(code, policyNumber, null, request, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> RenameInitiative(
        string code, int initiativeNumber, HeadingEditRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.RenameAsync(code, null, initiativeNumber, request, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> AddPolicy(
        string code, HeadingAddRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.AddHeadingAsync(code, request with { PolicyNumber = null }, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> AddInitiative(
        string code, int policyNumber, HeadingAddRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.AddHeadingAsync(code, request with { PolicyNumber = policyNumber }, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> RemovePolicy(
        string code, int policyNumber, KpiRemovalRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.RemoveHeadingAsync(code, policyNumber, null, request, cancellationToken));

    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> RemoveInitiative(
        string code, int initiativeNumber, KpiRemovalRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.RemoveHeadingAsync(code, null, initiativeNumber, request, cancellationToken));

    public static async Task<Results<Ok<PlanSummaryDto>, ValidationProblem, ProblemHttpResult>> Start(string code, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.StartAsync(code, cancellationToken));

    public static async Task<Results<Ok<PlanRevisionDto>, ValidationProblem, ProblemHttpResult>> Revise(PlanRevisionRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.ReviseAsync(request, cancellationToken));

    public static async Task<Results<Ok<KpiDto>, ValidationProblem, ProblemHttpResult>> ReviseTarget(
        string kpiCode, int fiscalYear, TargetRevisionRequest request, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.ReviseTargetAsync(kpiCode, fiscalYear, request, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveGrading(GradeScale grading, IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await plans.SaveGradingAsync(grading, cancellationToken));

    public static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetCurrentPlan(IPlanService plans, CancellationToken cancellationToken) =>
        ProblemResults.Found(await plans.GetCurrentPlanAsync(cancellationToken),
            "現行の計画がありません。計画がまだ読み込まれていません。seed-data/plans を確認し、アプリを再起動してください。");
}
