using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Entries;

public static class EntryEndpoints
{
    public static IEndpointRouteBuilder MapEntryEndpoints(this IEndpointRouteBuilder app)
    {
        var entries = app.MapGroup("/api/entries").WithTags("Entries");
        entries.MapGet("/mine", GetMyKpis).RequireAuthorization(Policies.EnterFigures)
            .WithName(nameof(GetMyKpis)).WithSummary("The KPIs of the caller's departments for a quarter (default: the reporting quarter).");
        entries.MapGet("/{kpiCode}/{fiscalYear:int}/{quarter:int}", GetEntry).RequireAuthorization(Policies.EnterFigures).WithMetadata(new DepartmentScopedAttribute())
            .WithName(nameof(GetEntry)).WithSummary("One entry for editing; 403 for a KPI of another department.");
        entries.MapPut("/{kpiCode}/{fiscalYear:int}/{quarter:int}", SaveEntry).RequireAuthorization(Policies.EnterFigures).WithMetadata(new DepartmentScopedAttribute())
            .WithName(nameof(SaveEntry)).WithSummary("Saves a draft or submits; 409 on a stale version or a closed quarter.");
        entries.MapPost("/{kpiCode}/{fiscalYear:int}/{quarter:int}/withdraw", Withdraw).RequireAuthorization(Policies.EnterFigures).WithMetadata(new DepartmentScopedAttribute())
            .WithName(nameof(Withdraw)).WithSummary("Takes a submission back to draft before the secretariat decides.");
        entries.MapPost("/bulk", SaveBulk).RequireAuthorization(Policies.EnterFigures).WithMetadata(new DepartmentScopedAttribute())
            .WithName(nameof(SaveBulk)).WithSummary("Saves drafts for several KPIs of one quarter, all or none.");
        entries.MapGet("/{kpiCode}/history", GetHistory).RequireAuthorization(Policies.ViewDashboards)
            .WithMetadata(new DepartmentScopedAttribute())
            .WithName(nameof(GetHistory)).WithSummary("Every recorded change of a KPI's entries, newest first; owning departments, reviewers and the admin only.");

        var review = app.MapGroup("/api/review").WithTags("Review").RequireAuthorization(Policies.Review);
        review.MapGet("/", GetReviewQueue).WithName(nameof(GetReviewQueue)).WithSummary("The quarter's submissions.");
        review.MapPost("/{kpiCode}/{fiscalYear:int}/{quarter:int}", Decide).WithName(nameof(Decide)).WithSummary("Approves or returns a submission.");

        var quarters = app.MapGroup("/api/quarters").WithTags("Review");
        quarters.MapPost("/{fiscalYear:int}/{quarter:int}/close", CloseQuarter).RequireAuthorization(Policies.Review)
            .WithName(nameof(CloseQuarter)).WithSummary("Closes a quarter: its entries stop changing.");
        quarters.MapPost("/{fiscalYear:int}/{quarter:int}/reopen", ReopenQuarter).RequireAuthorization(Policies.Administer)
            .WithName(nameof(ReopenQuarter)).WithSummary("Reopens a closed quarter, with a reason (admin only).");
        return app;
    }

    public static async Task<Results<Ok<MyKpisDto>, ProblemHttpResult>> GetMyKpis(int? fiscalYear, int? quarter, IEntryService entries, CancellationToken cancellationToken) =>
        await entries.GetMyKpisAsync(fiscalYear, quarter, cancellationToken) is { } mine
            ? TypedResults.Ok(mine)
            : NotFound("四半期が計画期間にありません。");

    public static async Task<Results<Ok<EntryDto>, ProblemHttpResult>> GetEntry(string kpiCode, int fiscalYear, int quarter, IEntryService entries, CancellationToken cancellationToken)
    {
        try
        {
            return await entries.GetEntryAsync(kpiCode, fiscalYear, quarter, cancellationToken) is { } entry
                ? TypedResults.Ok(entry)
                : NotFound("指標または四半期が見つかりません。");
        }
        catch (UnauthorizedAccessException)
        {
            return Forbidden();
        }
    }

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> SaveEntry(
        string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ToHttp(await entries.SaveEntryAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> SaveBulk(BulkSaveRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ToHttp(await entries.SaveBulkAsync(request, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<EntryHistoryDto>>, ProblemHttpResult>> GetHistory(string kpiCode, IEntryService entries, CancellationToken cancellationToken) =>
        await entries.GetHistoryAsync(kpiCode, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : TypedResults.Problem(title: "権限がありません", statusCode: StatusCodes.Status403Forbidden,
                detail: "未承認の実績とその履歴は、担当課・事務局・システム管理者だけが見られます。");

    public static async Task<Results<Ok<ReviewQueueDto>, ProblemHttpResult>> GetReviewQueue(int? fiscalYear, int? quarter, IEntryService entries, CancellationToken cancellationToken) =>
        await entries.GetReviewQueueAsync(fiscalYear, quarter, cancellationToken) is { } queue
            ? TypedResults.Ok(queue)
            : NotFound("四半期が計画期間にありません。");

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Decide(
        string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ToHttp(await entries.DecideAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> CloseQuarter(
        int fiscalYear, int quarter, CloseQuarterRequest? request, IEntryService entries, CancellationToken cancellationToken) =>
        ToHttp(await entries.CloseQuarterAsync(fiscalYear, quarter, request ?? new CloseQuarterRequest(), cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Withdraw(
        string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ToHttp(await entries.WithdrawAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> ReopenQuarter(
        int fiscalYear, int quarter, ReopenQuarterRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ToHttp(await entries.ReopenQuarterAsync(fiscalYear, quarter, request, cancellationToken));

    private static Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult> ToHttp(EntrySaveResult result) => result.Outcome switch
    {
        EntrySaveOutcome.Saved => TypedResults.Ok(result.Entry),
        EntrySaveOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "入力内容を確認してください"),
        EntrySaveOutcome.Conflict => TypedResults.Problem(title: "ほかの人が先に保存しました", detail: result.Message, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["current"] = result.Entry }),
        EntrySaveOutcome.NotFound => NotFound(result.Message),
        EntrySaveOutcome.Forbidden => Forbidden(),
        _ => TypedResults.Problem(title: "保存できません", detail: result.Message, statusCode: StatusCodes.Status409Conflict,
            extensions: result.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = result.Errors } : null),
    };

    private static ProblemHttpResult NotFound(string? detail) =>
        TypedResults.Problem(title: "見つかりません", detail: detail, statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(title: "権限がありません", detail: "この指標は担当課ではないため、表示・入力できません。", statusCode: StatusCodes.Status403Forbidden);
}
