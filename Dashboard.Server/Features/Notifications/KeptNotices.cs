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
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(NotificationListDto List, long Writes, long ReadAt);

    public async Task<NotificationListDto> GetAsync(string person, Func<Task<NotificationListDto>> read)
    {
        var writesBefore = writes.Count;
        if (_entries.TryGetValue(person, out var entry) && entry.Writes == writesBefore && clock.GetElapsedTime(entry.ReadAt) < _for)
        {
            return entry.List;
        }

        var readAt = clock.GetTimestamp();
        var list = await read();
        _entries[person] = new Entry(list, writesBefore, readAt);
        return list;
    }
}
