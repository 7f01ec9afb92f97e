using Dashboard.Server.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Review;

public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/api/review").WithTags("Review").RequireAuthorization(Policies.Review);
        review.MapGet("/", GetReviewQueue).WithName(nameof(GetReviewQueue)).WithSummary("The quarter's submissions.");
        review.MapPost("/{kpiCode}/{fiscalYear:int}/{quarter:int}", Decide).WithName(nameof(Decide)).WithSummary("Approves or returns a submission.");
        review.MapGet("/board", GetBoard).WithName(nameof(GetBoard)).WithSummary("Who has reported what, by department then KPI, with lateness and last activity.");

        var quarters = app.MapGroup("/api/quarters").WithTags("Review");
        quarters.MapPost("/{fiscalYear:int}/{quarter:int}/close", CloseQuarter).RequireAuthorization(Policies.Review)
            .WithName(nameof(CloseQuarter)).WithSummary("Closes a quarter: its entries stop changing. 409 listing what still waits unless confirmed with a reason.");
        quarters.MapPost("/{fiscalYear:int}/{quarter:int}/reopen", ReopenQuarter).RequireAuthorization(Policies.Administer)
            .WithName(nameof(ReopenQuarter)).WithSummary("Reopens a closed quarter, with a reason (admin only).");
        quarters.MapPut("/{fiscalYear:int}/{quarter:int}/window", SetWindow).RequireAuthorization(Policies.Review)
            .WithName(nameof(SetWindow)).WithSummary("Sets when entry opens and when figures are due for a quarter.");
        quarters.MapPost("/{fiscalYear:int}/{quarter:int}/remind", Remind).RequireAuthorization(Policies.Review)
            .WithName(nameof(Remind)).WithSummary("Reminds one department's staff of its missing reports, in the app and by mail.");
        return app;
    }

    public static async Task<Results<Ok<ReviewQueueDto>, ProblemHttpResult>> GetReviewQueue([FromQuery(Name = QuarterAddress.FiscalYear)] int? fiscalYear, [FromQuery(Name = QuarterAddress.Quarter)] int? quarter, IReviewService review, CancellationToken cancellationToken) =>
        await review.GetReviewQueueAsync(fiscalYear, quarter, cancellationToken) is { } queue
            ? TypedResults.Ok(queue)
            : ProblemResults.Problem(OutcomeKind.NotFound, QuarterRecords.OutsidePlan);

    public static async Task<Results<Ok<CompletionBoardDto>, ProblemHttpResult>> GetBoard([FromQuery(Name = QuarterAddress.FiscalYear)] int? fiscalYear, [FromQuery(Name = QuarterAddress.Quarter)] int? quarter, IReviewService review, CancellationToken cancellationToken) =>
        await review.GetBoardAsync(fiscalYear, quarter, cancellationToken) is { } board
            ? TypedResults.Ok(board)
            : ProblemResults.Problem(OutcomeKind.NotFound, QuarterRecords.OutsidePlan);

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Decide(
        string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, IReviewService review, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await review.DecideAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CloseQuarter(
        int fiscalYear, int quarter, CloseQuarterRequest? request, IReviewService review, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await review.CloseQuarterAsync(fiscalYear, quarter, request ?? new CloseQuarterRequest(), cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReopenQuarter(
        int fiscalYear, int quarter, ReopenQuarterRequest request, IReviewService review, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await review.ReopenQuarterAsync(fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<CollectionWindowDto>, ValidationProblem, ProblemHttpResult>> SetWindow(
        int fiscalYear, int quarter, SetWindowRequest request, IReviewService review, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await review.SetWindowAsync(fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<RemindResult>, ValidationProblem, ProblemHttpResult>> Remind(
        int fiscalYear, int quarter, RemindRequest request, IReviewService review, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await review.RemindAsync(fiscalYear, quarter, request, cancellationToken));
}
