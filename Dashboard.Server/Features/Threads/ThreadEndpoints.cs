using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Threads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Threads;

/// <summary>
/// Comment threads. Any of our roles may call them; the service decides per thread (owning department, secretariat,
/// committee unless the thread is internal, admin) and answers 404 for a thread the caller may not see.
/// </summary>
public static class ThreadEndpoints
{
    public static IEndpointRouteBuilder MapThreadEndpoints(this IEndpointRouteBuilder app)
    {
        var threads = app.MapGroup("/api/threads").WithTags("Threads").RequireAuthorization(Policies.ViewDashboards);
        threads.MapGet("/kpis/{kpiCode}/{fiscalYear:int}/{quarter:int}", GetKpiThreads).WithName(nameof(GetKpiThreads)).WithSummary("The threads on a KPI's quarter the caller may see.");
        threads.MapPost("/kpis/{kpiCode}/{fiscalYear:int}/{quarter:int}", StartKpiThread).WithName(nameof(StartKpiThread)).WithSummary("Starts a thread on a KPI's quarter.");
        threads.MapGet("/initiatives/{initiative:int}", GetInitiativeThreads).WithName(nameof(GetInitiativeThreads)).WithSummary("The threads on an initiative the caller may see.");
        threads.MapPost("/initiatives/{initiative:int}", StartInitiativeThread).WithName(nameof(StartInitiativeThread)).WithSummary("Starts a thread on an initiative.");
        threads.MapPost("/{id:long}/comments", Reply).WithName(nameof(Reply)).WithSummary("Answers a thread.");
        threads.MapPost("/{id:long}/resolve", Resolve).WithName(nameof(Resolve)).WithSummary("Resolves or reopens a thread.");
        threads.MapPut("/comments/{id:long}", EditComment).WithName(nameof(EditComment)).WithSummary("Edits one's own comment; the earlier text stays in the history.");
        threads.MapDelete("/comments/{id:long}", DeleteComment).WithName(nameof(DeleteComment)).WithSummary("Deletes one's own comment; the history keeps a trace.");
        return app;
    }

    [Auth.AudienceScoped]
    public static async Task<Results<Ok<ThreadListDto>, ValidationProblem, ProblemHttpResult>> GetKpiThreads(string kpiCode, int fiscalYear, int quarter, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.GetKpiThreadsAsync(kpiCode, fiscalYear, quarter, cancellationToken));

    [Auth.AudienceScoped]
    public static async Task<Results<Ok<ThreadDto>, ValidationProblem, ProblemHttpResult>> StartKpiThread(string kpiCode, int fiscalYear, int quarter, PostCommentRequest request, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.StartKpiThreadAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    [Auth.AudienceScoped]
    public static async Task<Results<Ok<ThreadListDto>, ValidationProblem, ProblemHttpResult>> GetInitiativeThreads(int initiative, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.GetInitiativeThreadsAsync(initiative, cancellationToken));

    [Auth.AudienceScoped]
    public static async Task<Results<Ok<ThreadDto>, ValidationProblem, ProblemHttpResult>> StartInitiativeThread(int initiative, PostCommentRequest request, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.StartInitiativeThreadAsync(initiative, request, cancellationToken));

    public static async Task<Results<Ok<ThreadDto>, ValidationProblem, ProblemHttpResult>> Reply(long id, PostCommentRequest request, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.ReplyAsync(id, request, cancellationToken));

    public static async Task<Results<Ok<ThreadDto>, ValidationProblem, ProblemHttpResult>> Resolve(long id, ResolveThreadRequest request, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.ResolveAsync(id, request, cancellationToken));

    public static async Task<Results<Ok<ThreadDto>, ValidationProblem, ProblemHttpResult>> EditComment(long id, PostCommentRequest request, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.EditCommentAsync(id, request, cancellationToken));

    public static async Task<Results<Ok<ThreadDto>, ValidationProblem, ProblemHttpResult>> DeleteComment(long id, IThreadService threads, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await threads.DeleteCommentAsync(id, cancellationToken));
}
