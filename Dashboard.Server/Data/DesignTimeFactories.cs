using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Server.Data;

// Used by `dotnet ef` only; no database is opened to add a migration or write a script.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDashboardDbContext>
{
    public SqliteDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDashboardDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDashboardDbContext>
{
    public SqlServerDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDashboardDbContext>().UseSqlServer("Server=.;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
