using System.Globalization;
using Dashboard.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Dashboard.Server.Features.Plans;

namespace Dashboard.Server.Features.Dashboards;

/// <summary>
/// Computed dashboard views, kept per plan, data version, view, quarter, filter, day and language. The data version is
/// the current plan's id and the <see cref="DataStamp"/>: every saved change to data (a save, a submission, an
/// approval, a closing, a plan or grading change) writes a new stamp in its own transaction, so a new version means
/// "recompute" on every instance, with no shared cache store. The version is read from the database at most once per
/// <c>Dashboards:VersionCheckMilliseconds</c> (1000 by default; 0 reads it on every request), and again at once after
/// any write of this instance (<see cref="LocalDataChanges"/>): a change made here shows here on the next request, one
/// made on another instance within that time. Old versions are simply never asked for again; they leave by size and
/// by a sliding expiry.
/// </summary>
/// <remarks><c>Dashboards:ViewCache=false</c> turns it off (the benchmark measures the computation that way).</remarks>
public sealed class DashboardViewCache(IConfiguration configuration, TimeProvider clock, LocalDataChanges writes) : IDisposable
{
    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = 512 });
    private readonly bool _enabled = configuration.GetValue("Dashboards:ViewCache", true);
    private readonly KeptRead<DataVersion?> _version = new(writes, clock, TimeSpan.FromMilliseconds(configuration.GetValue("Dashboards:VersionCheckMilliseconds", 1000)));

    /// <summary>The data version, or null when no plan is current; <paramref name="context"/> is asked for only when the
    /// version must be read (so a request answered from what is kept opens no database context).</summary>
    public Task<DataVersion?> VersionAsync(Func<DashboardDbContext> context, CancellationToken cancellationToken) =>
        _version.GetAsync(async () =>
        {
            var db = context();
            var row = await PlanQuarters.InForce(db.Plans.AsNoTracking())
                .Select(p => new { p.Id, Stamp = db.DataStamps.Where(s => s.Id == DataStamp.SingleId).Select(s => s.Stamp).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            return row is null ? (DataVersion?)null : new DataVersion(row.Id, row.Stamp);
        });

    /// <summary>The view for <paramref name="key"/> at <paramref name="version"/>, computed once.</summary>
    public async Task<CachedView<T>?> GetOrComputeAsync<T>(DataVersion version, string key, Func<Task<T?>> compute)
        where T : class
    {
        if (!_enabled)
        {
            return await compute() is { } fresh ? new CachedView<T>(fresh) : null;
        }

        var full = string.Create(CultureInfo.InvariantCulture, $"{version.PlanId}:{version.Stamp:N}:{CultureInfo.CurrentUICulture.Name}:{key}");
        if (_views.TryGetValue(full, out CachedView<T>? cached))
        {
            return cached;
        }

        if (await compute() is not { } computed)
        {
            return null;
        }

        var view = new CachedView<T>(computed);
        _views.Set(full, view, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return view;
    }

    public void Dispose() => _views.Dispose();
}

public readonly record struct DataVersion(int PlanId, Guid Stamp);

/// <summary>
/// A computed view and, once asked for, its JSON: the API sends the same bytes to everyone who may see the view until
/// the data changes, instead of serializing it again for every request.
/// </summary>
public sealed class CachedView<T>(T value)
    where T : class
{
    private byte[]? _json;

    public T Value { get; } = value;

    /// <summary>The view as UTF-8 JSON with the API's options (serialized once; a race serializes twice, harmlessly).</summary>
    public byte[] Json(System.Text.Json.JsonSerializerOptions options) =>
        _json ??= System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Value, options);
}
