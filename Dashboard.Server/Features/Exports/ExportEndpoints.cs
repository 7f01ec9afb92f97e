using Dashboard.Shared.Auth;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Exports;

public static class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(Policies.MaintainPlan)
            .MapGet("/pack", GetPack).WithName(nameof(GetPack))
            .WithSummary("The Excel pack for the steering committee's PDCA review, for a fiscal year and quarter.");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPack(int fiscalYear, int quarter, IExportService exports, CancellationToken cancellationToken) =>
        await exports.BuildPackAsync(fiscalYear, quarter, cancellationToken) is { } file
            ? TypedResults.File(file.Content, XlsxContentType, file.FileName)
            : TypedResults.Problem(
                title: "見つかりません",
                detail: quarter is >= 1 and <= 4 && fiscalYear is >= 1900 and <= 2999
                    ? $"{new FiscalQuarter(fiscalYear, quarter).ToJapaneseLabel()}は現行の計画期間にありません。"
                    : "年度と四半期（1〜4）を指定してください。",
                statusCode: StatusCodes.Status404NotFound);
}
