using System.Collections.Concurrent;
using Dashboard.Server.Data;
using Dashboard.Shared.Notifications;

namespace Dashboard.Server.Features.Notifications;

/// <summary>
/// What this instance last read of each person's notices, for the bell that every page shows (issue 22, decision 017):
/// reading them was a fifth of a server-rendered page's cost. An entry is used for
/// <c>Notifications:CheckSeconds</c> (5 by default; 0 reads on every page) and dropped at once when this instance
/// writes anything (<see cref="LocalDataChanges"/>: a new notice, a notice marked read). A notice written or read on
/// another instance shows here within those seconds. One small entry per person who opened a page.
/// </summary>
public sealed class KeptNotices(TimeProvider clock, LocalDataChanges writes, IConfiguration configuration)
{
    private readonly TimeSpan _for = TimeSpan.FromSeconds(configuration.GetValue("Notifications:CheckSeconds", 5));
    private readonly ConcurrentDictionary<string, KeptRead<NotificationListDto>> _entries = new(StringComparer.Ordinal);

    public Task<NotificationListDto> GetAsync(string person, Func<Task<NotificationListDto>> read) =>
        _entries.GetOrAdd(person, _ => new KeptRead<NotificationListDto>(writes, clock, _for)).GetAsync(read);
}
