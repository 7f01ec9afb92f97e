using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Auth;

/// <summary>How long one instance trusts what it last read of a session (issue 22, decision 017).</summary>
public sealed class SessionCheckOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Seconds an instance reuses a session check before asking the database again; 0 asks on every request. A
    /// sign-out or an administrator's change made on this instance applies at once; made on another instance, it
    /// reaches this one within this many seconds.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 5;
}

/// <summary>
/// What this instance last read of each session (the user's security stamp, and whether the session is open), kept
/// for <see cref="SessionCheckOptions.SessionCheckSeconds"/>, so a signed-in request does not cost a database round
/// trip. Sign-outs and administrators' changes on this instance forget the entries they affect at once; other
/// instances see them when their entry runs out.
/// </summary>
public sealed class SessionChecks(TimeProvider clock, IOptions<SessionCheckOptions> options)
{
    private readonly ConcurrentDictionary<(int User, Guid Session), Entry> _entries = new();
    private int _writes;

    private readonly record struct Entry(Guid? Stamp, bool Open, DateTimeOffset Until);

    /// <summary>The cached answer for the session while it is fresh, otherwise <paramref name="read"/>'s, kept.</summary>
    public async Task<(Guid? Stamp, bool SessionOpen)> CheckAsync(int user, Guid session, Func<Task<(Guid? Stamp, bool SessionOpen)>> read)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((user, session), out var entry) && entry.Until > now)
        {
            return (entry.Stamp, entry.Open);
        }

        var (stamp, open) = await read();
        var seconds = options.Value.SessionCheckSeconds;
        if (seconds > 0)
        {
            _entries[(user, session)] = new Entry(stamp, open, now.AddSeconds(seconds));
            if (Interlocked.Increment(ref _writes) % 1024 == 0)
            {
                Sweep(now);
            }
        }

        return (stamp, open);
    }

    /// <summary>Forgets one session (signed out here).</summary>
    public void Forget(int user, Guid session) => _entries.TryRemove((user, session), out _);

    /// <summary>Forgets every session of a person (their roles, departments or access changed here).</summary>
    public void Forget(int user)
    {
        foreach (var key in _entries.Keys.Where(k => k.User == user))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Until <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
