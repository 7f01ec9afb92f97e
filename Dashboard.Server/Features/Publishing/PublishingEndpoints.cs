using Dashboard.Shared.Problems;
using Dashboard.Server.Features.Problems;
using System.Text.Json;
using System.Threading.RateLimiting;
using Dashboard.Server.Data;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Server.Features.Publishing;

/// <summary>
/// The public page, its open data (anonymous, rate-limited, cacheable with ETag / Last-Modified) and the planner's
/// publishing API.
/// </summary>
public static class PublishingEndpoints
{
    public const string RateLimitPolicy = "public";

    /// <summary>One fixed window per client address; a client past its limit gets 429 while others are served.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicOptions>(configuration.GetSection("Public"));
        services.AddScoped<IPublishingService, ServerPublishingService>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<PublicOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublishingEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/public").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Public");
        open.MapGet("/", PublicPage).WithName("PublicProgress").WithSummary("The plan's published progress for residents (no sign-in, no JavaScript); ?plan= names an earlier started plan.");
        open.MapGet("/data", DataPage).WithName("PublicData").WithSummary("What the open data holds: datasets, licence, columns.");
        open.MapGet("/data/kpi-progress.csv", Csv).WithName("KpiProgressCsv").WithSummary("One row per KPI and published quarter, UTF-8 with BOM, CRLF.");
        open.MapGet("/data/kpi-progress.json", Json).WithName("KpiProgressJson").WithSummary("The same rows as the CSV, with English keys.");
        open.MapGet("/data/catalog.jsonld", Catalog).WithName("OpenDataCatalog").WithSummary("DCAT description of the datasets.");

        var api = app.MapGroup("/api/publishing").WithTags("Publishing").RequireAuthorization(Policies.MaintainPlan);
        api.MapGet("/", GetPublishing).WithName(nameof(GetPublishing)).WithSummary("The plan's quarters, which are closed and published, and the notes of published quarters.");
        api.MapPost("/{fiscalYear:int}/{quarter:int}", Publish).WithName("PublishQuarter").WithSummary("Publishes a closed quarter (audited).");
        api.MapDelete("/{fiscalYear:int}/{quarter:int}", Withdraw).WithName("WithdrawPublishedQuarter").WithSummary("Withdraws a published quarter (audited).");
        api.MapPut("/notes/{kpiCode}/{fiscalYear:int}/{quarter:int}", SetNotes).WithName("SetNotesPublic").WithSummary("Makes an approved entry's notes public or internal (audited).");
        return app;
    }

    public static async Task<IResult> PublicPage(HttpContext http, DashboardDbContext db, IOptions<PublicOptions> options, string? lang, string? plan, CancellationToken cancellationToken)
    {
        var english = string.Equals(lang, "en", StringComparison.Ordinal);
        var chosen = string.IsNullOrWhiteSpace(plan) ? null : plan;
        var snapshot = await PublicSnapshot.LoadAsync(db, options.Value, chosen, cancellationToken);
        if (chosen is not null && snapshot.Plan is null)
        {
            return ProblemResults.Problem(OutcomeKind.NotFound, "その計画はありません。 No such plan.");
        }

        // The page also lists the started plans: a plan started since is a new page, not a 304.
        var plans = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join(",", snapshot.Plans.Select(p => $"{p.Code}:{p.Status}")))))[..8];
        return (IResult?)NotModified(http, snapshot, (english ? "en" : "ja") + (chosen is null ? "" : "-" + snapshot.Plan!.Code) + "-" + plans)
            ?? new RazorComponentResult<PublicProgressPage>(new { Snapshot = snapshot, English = english, Options = options.Value });
    }

    public static async Task<IResult> DataPage(HttpContext http, DashboardDbContext db, IOptions<PublicOptions> options, string? lang, CancellationToken cancellationToken)
    {
        var english = string.Equals(lang, "en", StringComparison.Ordinal);
        var snapshot = await PublicSnapshot.LoadAsync(db, options.Value, cancellationToken);
        return (IResult?)NotModified(http, snapshot, english ? "data-en" : "data-ja")
            ?? new RazorComponentResult<PublicDataPage>(new { Snapshot = snapshot, English = english });
    }

    public static async Task<IResult> Csv(HttpContext http, DashboardDbContext db, IOptions<PublicOptions> options, CancellationToken cancellationToken)
    {
        var snapshot = await PublicSnapshot.LoadAsync(db, options.Value, cancellationToken);
        return (IResult?)NotModified(http, snapshot, "csv") ?? TypedResults.Bytes(OpenDataColumns.Csv(snapshot.Rows), "text/csv; charset=utf-8", "kpi-progress.csv");
    }

    public static async Task<IResult> Json(HttpContext http, DashboardDbContext db, IOptions<PublicOptions> options, CancellationToken cancellationToken)
    {
        var snapshot = await PublicSnapshot.LoadAsync(db, options.Value, cancellationToken);
        return (IResult?)NotModified(http, snapshot, "json") ?? TypedResults.Text(OpenDataJson.Write(snapshot, options.Value), "application/json; charset=utf-8");
    }

    public static async Task<IResult> Catalog(HttpContext http, DashboardDbContext db, IOptions<PublicOptions> options, IOptions<Notifications.MailOptions> mail, CancellationToken cancellationToken)
    {
        var snapshot = await PublicSnapshot.LoadAsync(db, options.Value, cancellationToken);
        var origin = (string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? mail.Value.AppUrl ?? "" : options.Value.BaseUrl).TrimEnd('/');
        return (IResult?)NotModified(http, snapshot, "dcat") ?? TypedResults.Text(OpenDataJson.Catalog(snapshot, options.Value, origin), "application/ld+json; charset=utf-8");
    }

    public static async Task<Results<Ok<PublishingDto>, ProblemHttpResult>> GetPublishing(IPublishingService publishing, CancellationToken cancellationToken) =>
        ProblemResults.Found(await publishing.GetAsync(cancellationToken), "計画が読み込まれていません。");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Publish(int fiscalYear, int quarter, IPublishingService publishing, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await publishing.PublishAsync(fiscalYear, quarter, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Withdraw(int fiscalYear, int quarter, IPublishingService publishing, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await publishing.WithdrawAsync(fiscalYear, quarter, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetNotes(string kpiCode, int fiscalYear, int quarter, NoteVisibilityRequest request, IPublishingService publishing, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await publishing.SetNotesPublicAsync(kpiCode, fiscalYear, quarter, request.IsPublic, cancellationToken));

    /// <summary>
    /// Caching for the anonymous files and pages: a strong ETag of the published content (per representation) and
    /// Last-Modified; 304 when the client already has it. Public for five minutes: nothing personal is in them.
    /// </summary>
    private static StatusCodeHttpResult? NotModified(HttpContext http, PublicSnapshot snapshot, string representation)
    {
        var etag = new EntityTagHeaderValue($"\"{snapshot.Version}-{representation}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = DateTime.SpecifyKind(snapshot.LastModifiedUtc, DateTimeKind.Utc);
        http.Response.Headers.CacheControl = "public, max-age=300";
        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && snapshot.LastModifiedUtc <= since.UtcDateTime.AddSeconds(1))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return null;
    }
}
