using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Assessments;

public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments").WithTags("Assessments");
        group.MapGet("/{initiative:int}/{fiscalYear:int}", GetAssessment).RequireAuthorization(Policies.ViewDashboards)
            .WithName(nameof(GetAssessment)).WithSummary("An initiative's assessment for a fiscal year, with its KPIs' grades and the suggested 総合評価.");
        group.MapPut("/{initiative:int}/{fiscalYear:int}", SaveAssessment).RequireAuthorization(Policies.MaintainPlan)
            .WithName(nameof(SaveAssessment)).WithSummary("Saves 総合評価, 課題, 今後の方向性 and 推進本部の意見 (planners; audited; 409 on a stale version).");
        group.MapPut("/{initiative:int}/{fiscalYear:int}/reply", SaveReply).RequireAuthorization(Policies.EnterFigures).WithMetadata(new DepartmentScopedAttribute())
            .WithName(nameof(SaveReply)).WithSummary("Saves the owning department's reply (its section staff; audited; 403 for other departments).");
        return app;
    }

    public static async Task<Results<Ok<InitiativeAssessmentDto>, ProblemHttpResult>> GetAssessment(int initiative, int fiscalYear, IAssessmentService assessments, CancellationToken cancellationToken) =>
        await assessments.GetAsync(initiative, fiscalYear, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : NotFound();

    public static async Task<IResult> SaveAssessment(int initiative, int fiscalYear, SaveAssessmentRequest request, IAssessmentService assessments, CancellationToken cancellationToken) =>
        ToResult(await assessments.SaveAsync(initiative, fiscalYear, request, cancellationToken));

    public static async Task<IResult> SaveReply(int initiative, int fiscalYear, SaveReplyRequest request, IAssessmentService assessments, CancellationToken cancellationToken) =>
        ToResult(await assessments.ReplyAsync(initiative, fiscalYear, request, cancellationToken));

    private static IResult ToResult(AssessmentSaveResult result) => result.Status switch
    {
        AssessmentSaveStatus.Saved => TypedResults.Ok(result.Saved),
        AssessmentSaveStatus.Invalid => TypedResults.ValidationProblem(result.Errors, title: "評価の入力を確認してください"),
        AssessmentSaveStatus.Forbidden => TypedResults.Problem(title: "この評価を書く権限がありません", detail: "評価と推進本部の意見は企画担当が、回答は担当課が書きます。", statusCode: StatusCodes.Status403Forbidden),
        AssessmentSaveStatus.Conflict => TypedResults.Problem(title: "ほかの人が先に保存しました", detail: "画面を読み込み直して、最新の内容に重ねて入力してください。", statusCode: StatusCodes.Status409Conflict),
        _ => NotFound(),
    };

    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: "取組施策が見つかりません",
        detail: "現行計画の取組施策の番号と計画期間内の年度を指定してください。",
        statusCode: StatusCodes.Status404NotFound);
}
