namespace Dashboard.Server.Data;

/// <summary>
/// A value read from the database and reused until <c>keepFor</c> has passed or this instance has written anything
/// (<see cref="LocalDataChanges"/>): a change made here shows here at once, one made on another instance within
/// <c>keepFor</c> (decision 017). Used for the dashboards' data version and for each person's notices.
/// </summary>
public sealed class KeptRead<T>(LocalDataChanges writes, TimeProvider clock, TimeSpan keepFor)
{
    private Entry? _entry;

    private sealed record Entry(T Value, long Writes, long ReadAt);

    /// <summary>The kept value while it holds, otherwise <paramref name="read"/>'s, kept.</summary>
    public async Task<T> GetAsync(Func<Task<T>> read)
    {
        // The write count is taken before reading, so a write that lands during the read makes the next call read again.
        var writesBefore = writes.Count;
        if (_entry is { } entry && entry.Writes == writesBefore && clock.GetElapsedTime(entry.ReadAt) < keepFor)
        {
            return entry.Value;
        }

        var readAt = clock.GetTimestamp();
        var value = await read();
        _entry = new Entry(value, writesBefore, readAt);
        return value;
    }
}
