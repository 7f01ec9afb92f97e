using Dashboard.Server.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies the provider's migrations, then loads seed-data/ (see <see cref="SeedLoader"/>).</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(cancellationToken);
    }
}
