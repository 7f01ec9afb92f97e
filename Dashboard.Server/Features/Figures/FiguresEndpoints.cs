using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Figures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Figures;

/// <summary>
/// The figures API for other systems (issue 25, decision 021): a PUT per figure or a CSV upload, with a token the admin
/// issued. Described by an OpenAPI document at /openapi/figures.json, for signed-in admins.
/// </summary>
public static class FiguresEndpoints
{
    public const string Document = "figures";

    public static IServiceCollection AddFigures(this IServiceCollection services)
    {
        FigureTokens.Add(services);
        services.AddScoped<FiguresService>();
        services.AddOpenApi(Document, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/figures", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "DX推進ダッシュボード 実績データ連携API";
                document.Info.Description =
                    "他システムの実績値を下書きとして登録します。管理者が発行したトークンを Authorization: Bearer dxf_... で送ります。" +
                    "入力画面と同じ規則（担当課、入力規則、妥当性、締めた四半期）で確かめ、PDCA の記述はそのまま残します。";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFiguresEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/figures").WithTags("Figures").RequireAuthorization(FigureTokens.Policy);
        group.MapPut("/{kpiCode}/{fiscalYear:int}/{quarter:int}", PutFigure).WithName(nameof(PutFigure))
            .WithSummary("Saves one figure as a draft (the entry's notes are kept).")
            .WithDescription("fiscalYear: 2026 = 令和8年度; quarter: 1 = 4～6月. 200 with the saved value; 400 field errors; 403 another department's KPI; 404 no such KPI or quarter; 409 closed quarter, submitted or approved entry.");
        group.MapPost("/csv", UploadCsv).WithName(nameof(UploadCsv))
            // The body is read as bytes whatever its declared type (a city system may say text/plain): described here,
            // not declared with Accepts, which would answer 415 before the token is even looked at.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "KPI code, fiscal year, quarter, value; UTF-8 or Shift_JIS",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["text/csv"] = new() },
                };
                return Task.CompletedTask;
            })
            .WithSummary("Saves every row of a CSV (KPI code, fiscal year, quarter, value) as drafts, or none.")
            .WithDescription("UTF-8 (with or without BOM) or Shift_JIS. A header line is allowed. At most 1 MB and 2,000 rows. 400 with errors keyed by cell, e.g. CSV!D3 (column D, line 3).");
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Administer);
        return app;
    }

    public static async Task<Results<Ok<FigureSavedDto>, ValidationProblem, ProblemHttpResult>> PutFigure(string kpiCode, int fiscalYear, int quarter,
        PutFigureRequest request, FiguresService figures, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await figures.PutAsync(kpiCode, fiscalYear, quarter, request, cancellationToken));

    public static async Task<Results<Ok<FiguresImportDto>, ValidationProblem, ProblemHttpResult>> UploadCsv(HttpRequest request, bool? confirmUnlikely,
        FiguresService figures, CancellationToken cancellationToken)
    {
        // Measured before it is read: a body over the limit is refused without holding it.
        if (request.ContentLength > FiguresApi.MaxCsvBytes)
        {
            return ProblemResults.Invalid(FiguresCsv.Sheet, $"CSV が大きすぎます（{FiguresApi.MaxCsvBytes:N0} バイトまで）。分けて送ってください。");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > FiguresApi.MaxCsvBytes)
            {
                return ProblemResults.Invalid(FiguresCsv.Sheet, $"CSV が大きすぎます（{FiguresApi.MaxCsvBytes:N0} バイトまで）。分けて送ってください。");
            }
        }

        return ProblemResults.ToHttp(await figures.ImportCsvAsync(buffer.ToArray(), confirmUnlikely ?? false, cancellationToken));
    }
}
