using Dashboard.Shared.Text;
using Dashboard.Server.Features.Problems;
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
        ProblemResults.Found(await assessments.GetAsync(initiative, fiscalYear, cancellationToken), ServerAssessmentService.NotFoundMessage);

    public static async Task<Results<Ok<InitiativeAssessmentDto>, ValidationProblem, ProblemHttpResult>> SaveAssessment(int initiative, int fiscalYear, SaveAssessmentRequest request, IAssessmentService assessments, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await assessments.SaveAsync(initiative, fiscalYear, request, cancellationToken));

    public static async Task<Results<Ok<InitiativeAssessmentDto>, ValidationProblem, ProblemHttpResult>> SaveReply(int initiative, int fiscalYear, SaveReplyRequest request, IAssessmentService assessments, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await assessments.ReplyAsync(initiative, fiscalYear, request, cancellationToken));
}
