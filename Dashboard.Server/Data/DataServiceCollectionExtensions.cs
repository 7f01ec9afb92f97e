using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The connection string name used by both providers.</summary>
    public const string ConnectionStringName = "Dashboard";

    /// <summary>
    /// Registers <see cref="DashboardDbContext"/> for the configured provider (Database:Provider, Sqlite by default).
    /// Configuration is read when the first context is made, so hosts and tests can change it up to then.
    /// SQLite's data source, when relative, is placed under the content root and its folder is created.
    /// </summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SqlQueryCounter>();
        services.AddSingleton<LocalDataChanges>();
        services.AddDbContextFactory<SqliteDashboardDbContext>((sp, options) => options
            .UseSqlite(SqliteConnectionString(
                sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
                sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
            .AddInterceptors(sp.GetRequiredService<SqlQueryCounter>(), sp.GetRequiredService<LocalDataChanges>()));
        services.AddDbContextFactory<SqlServerDashboardDbContext>((sp, options) => options
            .UseSqlServer(SqlServerConnectionString(sp.GetRequiredService<IConfiguration>()))
            .AddInterceptors(sp.GetRequiredService<SqlQueryCounter>(), sp.GetRequiredService<LocalDataChanges>()));
        services.AddSingleton<IDbContextFactory<DashboardDbContext>, DashboardDbContextFactory>();
        // One context per operation for the services (DbOperations); one per request for endpoints, start-up and seeding.
        services.AddScoped<DbOperations>();
        services.AddScoped<DashboardDbContext>(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        return services;
    }

    internal static string ProviderOf(IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProviders.Sqlite;
        if (string.Equals(provider, DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProviders.SqlServer;
        }

        if (string.Equals(provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProviders.Sqlite;
        }

        throw new InvalidOperationException(
            $"Database:Provider には Sqlite か SqlServer を指定してください（指定値: '{provider}'）。 " +
            $"Database:Provider '{provider}' is not known; use Sqlite or SqlServer.");
    }

    private static string SqlServerConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source=App_Data", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException(
                $"SQL Server を使うには ConnectionStrings:{ConnectionStringName} に SQL Server の接続文字列を設定してください。 " +
                $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not a SQL Server connection string.")
            : connectionString;
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
