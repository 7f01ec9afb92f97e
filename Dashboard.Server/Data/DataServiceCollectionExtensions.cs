using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The connection string name used by both providers.</summary>
    public const string ConnectionStringName = "Dashboard";

    /// <summary>
    /// Registers <see cref="DashboardDbContext"/> for the configured provider. SQLite's data source, when relative,
    /// is placed under the content root and its folder is created.
    /// </summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProviders.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        if (string.Equals(provider, DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is empty. " +
                    $"SQL Server を使うには ConnectionStrings:{ConnectionStringName} を設定してください。");
            }

            services.AddDbContext<DashboardDbContext, SqlServerDashboardDbContext>(o => o.UseSqlServer(connectionString));
            return services;
        }

        if (!string.Equals(provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not known; use Sqlite or SqlServer. " +
                $"Database:Provider には Sqlite か SqlServer を指定してください。");
        }

        var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
        services.AddDbContext<DashboardDbContext, SqliteDashboardDbContext>(o => o.UseSqlite(sqlite));
        return services;
    }

    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/dashboard.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
