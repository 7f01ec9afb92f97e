using Dashboard.Server.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Entries;

public static class EntryEndpoints
{
    public static IEndpointRouteBuilder MapEntryEndpoints(this IEndpointRouteBuilder app)
    {
        var entries = app.MapGroup("/api/entries").WithTags("Entries");
        entries.MapGet("/mine", GetMyKpis).RequireAuthorization(Policies.EnterFigures)
            .WithName(nameof(GetMyKpis)).WithSummary("The KPIs of the caller's departments for a quarter (default: the reporting quarter).");
        entries.MapGet("/{kpiCode}/{fiscalYear:int}/{quarter:int}", GetEntry).RequireAuthorization(Policies.ReadEntries).WithMetadata(new DepartmentScopedAttribute())
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

        return app;
    }

    public static async Task<Results<Ok<MyKpisDto>, ProblemHttpResult>> GetMyKpis([FromQuery(Name = QuarterAddress.FiscalYear)] int? fiscalYear, [FromQuery(Name = QuarterAddress.Quarter)] int? quarter, IEntryService entries, CancellationToken cancellationToken) =>
        await entries.GetMyKpisAsync(fiscalYear, quarter, cancellationToken) is { } mine
            ? TypedResults.Ok(mine)
            : ProblemResults.Problem(OutcomeKind.NotFound, QuarterRecords.OutsidePlan);

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> GetEntry(string kpiCode, int fiscalYear, int quarter, IEntryService entries, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await entries.GetEntryAsync(kpiCode, fiscalYear, quarter, cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> SaveEntry(
        string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await entries.SaveEntryAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> SaveBulk(BulkSaveRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await entries.SaveBulkAsync(request, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<EntryHistoryDto>>, ValidationProblem, ProblemHttpResult>> GetHistory(string kpiCode, IEntryService entries, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await entries.GetHistoryAsync(kpiCode, cancellationToken));

    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Withdraw(
        string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, IEntryService entries, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await entries.WithdrawAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));
}
