using Dashboard.Client.Features.Problems;
using System.Net.Http.Json;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Features.Notifications;

/// <summary>The person's notices over the API.</summary>
public sealed class ClientNotificationService(HttpClient http) : INotificationService
{
    public async Task<NotificationListDto> GetMineAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<NotificationListDto>("api/notifications", cancellationToken) ?? new NotificationListDto(0, []);

    public Task<Outcome<Done>> MarkReadAsync(long? id, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PostAsync(id is { } one ? $"api/notifications/read?id={one}" : "api/notifications/read", null, cancellationToken), cancellationToken);
}
