using Dashboard.Server.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Operations;

/// <summary>
/// Health checks for a load balancer or a monitoring tool (issue 25), without sign-in and without data in the answer
/// (only Healthy, Degraded or Unhealthy): <c>/health/live</c> answers 200 while the process serves requests;
/// <c>/health/ready</c> answers 503 when the database cannot be reached or its migrations are not applied, so the
/// load balancer sends nobody to that instance. A mail outbox that stopped moving is Degraded (still 200): the mail
/// server is down for every instance alike, and taking them all out would stop the app for nothing.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddDashboardHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection(HealthOptions.Section));
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag])
            .AddCheck<OutboxMovingCheck>("outbox", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatusAsync })
            .AllowAnonymous().ShortCircuit();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteStatusAsync })
            .AllowAnonymous().ShortCircuit();
        return app;
    }

    // The status word only: no check names, descriptions or exceptions (they would tell an outsider about the setup).
    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}

/// <summary>The database answers and every migration is applied.</summary>
internal sealed class DatabaseReadyCheck(IDbContextFactory<DashboardDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            ? HealthCheckResult.Unhealthy("Migrations are not applied.")
            : HealthCheckResult.Healthy();
    }
}

/// <summary>No mail has waited in the outbox longer than Health:OutboxStuckMinutes.</summary>
internal sealed class OutboxMovingCheck(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-Math.Max(1, options.Value.OutboxStuckMinutes));
        return await db.OutgoingMails.AnyAsync(m => m.SentUtc == null && m.CreatedUtc < before, cancellationToken)
            ? HealthCheckResult.Degraded("Mail has waited in the outbox too long.")
            : HealthCheckResult.Healthy();
    }
}

/// <summary>Health settings.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A mail unsent for longer than this makes the ready check Degraded (default 60).</summary>
    public int OutboxStuckMinutes { get; set; } = 60;
}
