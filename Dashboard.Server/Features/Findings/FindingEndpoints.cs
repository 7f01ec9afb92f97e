using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Findings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Findings;

/// <summary>
/// The committee's findings. The secretariat (planner) and the admin record meetings and confirm 完了; any of our roles
/// may read and answer, and the service decides: the committee reads everything, a department's staff read and answer
/// their department's (another department's finding is 404, as if it did not exist).
/// </summary>
public static class FindingEndpoints
{
    public static IEndpointRouteBuilder MapFindingEndpoints(this IEndpointRouteBuilder app)
    {
        var findings = app.MapGroup("/api/findings").WithTags("Findings").RequireAuthorization(Policies.ViewDashboards);
        findings.MapGet("/", GetFindings).WithName(nameof(GetFindings)).WithSummary("The meetings and findings the caller may see.");
        findings.MapPost("/meetings", RecordMeeting).RequireAuthorization(Policies.Review).WithName(nameof(RecordMeeting)).WithSummary("Records a 推進本部 meeting and its findings (planner, admin).");
        findings.MapPut("/{id:long}/response", RespondToFinding).WithName(nameof(RespondToFinding)).WithSummary("The department's 対応状況 and what it did.");
        findings.MapPost("/{id:long}/confirm", ConfirmFinding).RequireAuthorization(Policies.Review).WithName(nameof(ConfirmFinding)).WithSummary("Confirms a 対応済 finding 完了 (planner, admin).");
        return app;
    }

    public static async Task<Results<Ok<FindingsDto>, ValidationProblem, ProblemHttpResult>> GetFindings(IFindingService findings, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await findings.GetAsync(cancellationToken));

    public static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> RecordMeeting(RecordMeetingRequest request, IFindingService findings, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await findings.RecordMeetingAsync(request, cancellationToken));

    public static async Task<Results<Ok<FindingDto>, ValidationProblem, ProblemHttpResult>> RespondToFinding(long id, RespondFindingRequest request, IFindingService findings, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await findings.RespondAsync(id, request, cancellationToken));

    public static async Task<Results<Ok<FindingDto>, ValidationProblem, ProblemHttpResult>> ConfirmFinding(long id, IFindingService findings, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await findings.ConfirmAsync(id, cancellationToken));
}
