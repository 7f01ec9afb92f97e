using System.Net.Http.Json;
using Dashboard.Shared.Notifications;

namespace Dashboard.Client.Features.Notifications;

/// <summary>The person's notices over the API.</summary>
public sealed class ClientNotificationService(HttpClient http) : INotificationService
{
    public async Task<NotificationListDto> GetMineAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<NotificationListDto>("api/notifications", cancellationToken) ?? new NotificationListDto(0, []);

    public async Task MarkReadAsync(long? id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(id is { } one ? $"api/notifications/read?id={one}" : "api/notifications/read", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
