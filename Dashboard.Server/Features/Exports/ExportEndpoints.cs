using Dashboard.Shared.Text;
using Dashboard.Shared.Problems;
using Dashboard.Server.Features.Problems;
using Microsoft.AspNetCore.Mvc;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Exports;
using Microsoft.AspNetCore.Http.HttpResults;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Exports;

public static class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/exports").WithTags("Exports");
        exports.MapGet("/pack", GetPack).RequireAuthorization(Policies.MaintainPlan).WithName(nameof(GetPack))
            .WithSummary("The Excel pack for the steering committee's PDCA review, for a fiscal year and quarter.");
        exports.MapGet("/template", GetTemplate).RequireAuthorization(Policies.EnterFigures).WithName(nameof(GetTemplate))
            .WithSummary("The Excel entry template of the caller's departments for a quarter.");

        // Meeting packs sent on a schedule (decision 024): the secretariat schedules, the committee downloads.
        exports.MapGet("/scheduled", GetScheduledPacks).RequireAuthorization(Policies.Review).WithName(nameof(GetScheduledPacks))
            .WithSummary("The scheduled meeting packs, and the closed quarters a new one may cover.");
        exports.MapPost("/scheduled", SchedulePack).RequireAuthorization(Policies.Review).WithName(nameof(SchedulePack))
            .WithSummary("Schedules a meeting pack: built and sent to every committee member on the day.");
        exports.MapPost("/scheduled/{id:long}/cancel", CancelScheduledPack).RequireAuthorization(Policies.Review).WithName(nameof(CancelScheduledPack))
            .WithSummary("Calls off a meeting pack not yet sent.");
        exports.MapGet("/scheduled/{id:long}", GetScheduledPack).RequireAuthorization(Policies.ReceivePacks).WithName(nameof(GetScheduledPack))
            .WithSummary("A meeting pack as its download page shows it.");
        exports.MapGet("/scheduled/{id:long}/file", GetScheduledPackFile).RequireAuthorization(Policies.ReceivePacks).WithName(nameof(GetScheduledPackFile))
            .WithSummary("The meeting pack's workbook, as it was sent.");

        // Form posts with a file: the antiforgery token is required (UseAntiforgery checks IFormFile endpoints).
        var imports = app.MapGroup("/api/imports").WithTags("Exports").RequireAuthorization(Policies.EnterFigures);
        imports.MapPost("/template/preview", PreviewTemplate).WithName(nameof(PreviewTemplate))
            .WithSummary("What a filled template would change; saves nothing.");
        imports.MapPost("/template", ImportTemplate).WithName(nameof(ImportTemplate))
            .WithSummary("Saves a filled template as drafts, all or nothing.");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPack([FromQuery(Name = QuarterAddress.FiscalYear)] int fiscalYear, [FromQuery(Name = QuarterAddress.Quarter)] int quarter, IExportService exports, CancellationToken cancellationToken) =>
        ToFile(await exports.BuildPackAsync(fiscalYear, quarter, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTemplate([FromQuery(Name = QuarterAddress.FiscalYear)] int fiscalYear, [FromQuery(Name = QuarterAddress.Quarter)] int quarter, IExportService exports, CancellationToken cancellationToken) =>
        ToFile(await exports.BuildTemplateAsync(fiscalYear, quarter, cancellationToken));

    public static async Task<Results<Ok<TemplatePreviewDto>, ValidationProblem>> PreviewTemplate(IFormFile file, IExportService exports, CancellationToken cancellationToken) =>
        await ReadUploadAsync(file, cancellationToken) is { } upload
            ? TypedResults.Ok(await exports.PreviewTemplateAsync(upload, cancellationToken))
            : TooLarge();

    public static async Task<Results<Ok<TemplatePreviewDto>, ValidationProblem, ProblemHttpResult>> ImportTemplate(IFormFile file, IExportService exports, CancellationToken cancellationToken) =>
        await ReadUploadAsync(file, cancellationToken) is { } upload
            ? ProblemResults.ToHttp(await exports.ImportTemplateAsync(upload, cancellationToken))
            : TooLarge();

    public static async Task<Results<Ok<ScheduledPacksDto>, ValidationProblem, ProblemHttpResult>> GetScheduledPacks(IScheduledPackService packs, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await packs.GetAllAsync(cancellationToken));

    public static async Task<Results<Ok<ScheduledPackDto>, ValidationProblem, ProblemHttpResult>> SchedulePack(SchedulePackRequest request, IScheduledPackService packs, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await packs.ScheduleAsync(request, cancellationToken));

    public static async Task<Results<Ok<ScheduledPackDto>, ValidationProblem, ProblemHttpResult>> CancelScheduledPack(long id, IScheduledPackService packs, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await packs.CancelAsync(id, cancellationToken));

    public static async Task<Results<Ok<ScheduledPackDto>, ValidationProblem, ProblemHttpResult>> GetScheduledPack(long id, IScheduledPackService packs, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await packs.GetAsync(id, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetScheduledPackFile(long id, ServerScheduledPackService packs, CancellationToken cancellationToken) =>
        await packs.FileAsync(id, cancellationToken) is { } file
            ? TypedResults.File(file.Content, XlsxContentType, file.FileName)
            : ProblemResults.Problem(OutcomeKind.NotFound, Wording.Pick("この会議資料はまだ作成されていないか、取り消されました。", "This meeting pack has not been made yet, or was cancelled."));

    private static async Task<ExportFile?> ReadUploadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > EntryTemplate.MaxBytes)
        {
            return null;
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, cancellationToken);
        return new ExportFile(file.FileName, stream.ToArray());
    }

    private static ValidationProblem TooLarge() => ProblemResults.Invalid(new Dictionary<string, string[]>
    {
        ["file"] = [Wording.Pick(
            $"ファイルが大きすぎます。アップロードできるのは {EntryTemplate.MaxBytes / 1024 / 1024} MB までです。ダウンロードした入力用ファイルをお使いください。",
            $"The file is too large. Up to {EntryTemplate.MaxBytes / 1024 / 1024} MB can be uploaded. Please use the entry file you downloaded.")],
    });

    private static Results<FileContentHttpResult, ProblemHttpResult> ToFile(ExportFile? file) =>
        file is null
            ? ProblemResults.Problem(OutcomeKind.NotFound, Wording.Pick("指定した四半期は現行の計画期間にありません。", "The quarter is not in the current plan's period."))
            : TypedResults.File(file.Content, XlsxContentType, file.FileName);
}
