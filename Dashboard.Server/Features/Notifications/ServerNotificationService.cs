using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Notifications;

/// <summary>The signed-in person's notices.</summary>
public sealed class ServerNotificationService(DbOperations operations, AuditWriter audit, TimeProvider clock, KeptNotices kept) : INotificationService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    public Task<NotificationListDto> GetMineAsync(CancellationToken cancellationToken = default)
    {
        var me = audit.Actor;
        return kept.GetAsync(me, () => ReadAsync(me, cancellationToken));
    }

    private async Task<NotificationListDto> ReadAsync(string me, CancellationToken cancellationToken)
    {
        using var operation = operations.Begin();
        var items = await db.Notifications.AsNoTracking().Where(n => n.Recipient == me).OrderByDescending(n => n.Id).Take(30)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedUtc, n.ReadUtc != null))
            .ToListAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.Recipient == me && n.ReadUtc == null, cancellationToken);
        return new NotificationListDto(unread, items);
    }

    public async Task<Outcome<Done>> MarkReadAsync(long? id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var me = audit.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Recipient == me && n.ReadUtc == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadUtc, now), cancellationToken);
        return Outcome.Done();
    }
}

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Dashboard.Shared.Auth.Policies.ViewDashboards);
        group.MapGet("/", async (INotificationService notices, CancellationToken cancellationToken) => TypedResults.Ok(await notices.GetMineAsync(cancellationToken)))
            .WithName("GetMyNotifications").WithSummary("The caller's newest notices and the unread count.");
        group.MapPost("/read", async (long? id, INotificationService notices, CancellationToken cancellationToken) =>
                ProblemResults.ToHttp(await notices.MarkReadAsync(id, cancellationToken)))
            .WithName("MarkNotificationsRead").WithSummary("Marks one notice (?id=) or all of the caller's notices read.");

        // For the bell in the app bar, which must work on server-rendered pages too: plain links and a plain form.
        var pages = app.MapGroup("/notifications").RequireAuthorization(Dashboard.Shared.Auth.Policies.ViewDashboards);
        pages.MapGet("/{id:long}", FollowNotification).WithName(nameof(FollowNotification)).WithSummary("Goes to the page a notice points to; marks nothing (a link from another site must change nothing).");
        pages.MapPost("/{id:long}", OpenNotification).WithName(nameof(OpenNotification)).WithSummary("Marks a notice read and goes to the page it points to.");
        pages.MapPost("/read-all", async ([Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl, INotificationService notices, CancellationToken cancellationToken) =>
            {
                await notices.MarkReadAsync(null, cancellationToken);
                return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
            })
            .WithName("MarkAllNotificationsRead").WithSummary("Marks every notice read and returns to the page.");
        return app;
    }

    public static async Task<RedirectHttpResult> FollowNotification(long id, INotificationService notices, CancellationToken cancellationToken) =>
        TypedResults.LocalRedirect(await LinkOfAsync(id, notices, cancellationToken));

    public static async Task<RedirectHttpResult> OpenNotification(long id, INotificationService notices, CancellationToken cancellationToken)
    {
        var link = await LinkOfAsync(id, notices, cancellationToken);
        await notices.MarkReadAsync(id, cancellationToken);
        return TypedResults.LocalRedirect(link);
    }

    private static async Task<string> LinkOfAsync(long id, INotificationService notices, CancellationToken cancellationToken) =>
        LocalOrHome((await notices.GetMineAsync(cancellationToken)).Items.FirstOrDefault(n => n.Id == id)?.Link is { } link ? "/" + link : null);

    // The one return-address rule: anything but a path inside the app (control characters included) goes to the dashboard.
    private static string LocalOrHome(string? url) =>
        Security.LocalUrl.Classify(url) == Security.LocalUrlKind.Local ? url! : "/dashboard";
}
