using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Notifications;

/// <summary>The signed-in person's notices.</summary>
public sealed class ServerNotificationService(DashboardDbContext db, AuditWriter audit, TimeProvider clock) : INotificationService
{
    public async Task<NotificationListDto> GetMineAsync(CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var me = audit.Actor;
        var items = await db.Notifications.AsNoTracking().Where(n => n.Recipient == me).OrderByDescending(n => n.Id).Take(30)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedUtc, n.ReadUtc != null))
            .ToListAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.Recipient == me && n.ReadUtc == null, cancellationToken);
        return new NotificationListDto(unread, items);
    }

    public async Task MarkReadAsync(long? id, CancellationToken cancellationToken = default)
    {
        db.StartOperation();
        var me = audit.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Recipient == me && n.ReadUtc == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadUtc, now), cancellationToken);
    }
}

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", async (INotificationService notices, CancellationToken cancellationToken) => TypedResults.Ok(await notices.GetMineAsync(cancellationToken)))
            .WithName("GetMyNotifications").WithSummary("The caller's newest notices and the unread count.");
        group.MapPost("/read", async (long? id, INotificationService notices, CancellationToken cancellationToken) =>
            {
                await notices.MarkReadAsync(id, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationsRead").WithSummary("Marks one notice (?id=) or all of the caller's notices read.");
        return app;
    }
}
