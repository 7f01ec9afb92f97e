using System.Globalization;
using Dashboard.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Dashboard.Server.Features.Plans;

namespace Dashboard.Server.Features.Dashboards;

/// <summary>
/// Computed dashboard views, kept per plan, data version, view, quarter, filter, day and language. The data version is
/// the current plan's id and the <see cref="DataStamp"/>, read in one query per request: every saved change to data (a
/// save, a submission, an approval, a closing, a plan or grading change) writes a new stamp in its own transaction, so
/// a new version means "recompute" on every instance at once, with no timer and no shared cache store. Old versions are
/// simply never asked for again; they leave by size and by a sliding expiry.
/// </summary>
/// <remarks><c>Dashboards:ViewCache=false</c> turns it off (the benchmark measures the computation that way).</remarks>
public sealed class DashboardViewCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = 512 });
    private readonly bool _enabled = configuration.GetValue("Dashboards:ViewCache", true);

    /// <summary>The data version, or null when no plan is current.</summary>
    public static async Task<DataVersion?> VersionAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        var row = await PlanQuarters.InForce(db.Plans.AsNoTracking())
            .Select(p => new { p.Id, Stamp = db.DataStamps.Where(s => s.Id == DataStamp.SingleId).Select(s => s.Stamp).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new DataVersion(row.Id, row.Stamp);
    }

    /// <summary>The view for <paramref name="key"/> at <paramref name="version"/>, computed once.</summary>
    public async Task<T?> GetOrComputeAsync<T>(DataVersion version, string key, Func<Task<T?>> compute)
        where T : class
    {
        if (!_enabled)
        {
            return await compute();
        }

        var full = string.Create(CultureInfo.InvariantCulture, $"{version.PlanId}:{version.Stamp:N}:{CultureInfo.CurrentUICulture.Name}:{key}");
        if (_views.TryGetValue(full, out T? cached))
        {
            return cached;
        }

        var view = await compute();
        if (view is not null)
        {
            _views.Set(full, view, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return view;
    }

    public void Dispose() => _views.Dispose();
}

public readonly record struct DataVersion(int PlanId, Guid Stamp);
