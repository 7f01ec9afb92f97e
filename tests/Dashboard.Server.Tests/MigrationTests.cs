using Dashboard.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Server.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SqlServerDashboardDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerDashboardDbContext>()
            .UseSqlServer("Server=localhost;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True").Options);

    private SqliteDashboardDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteDashboardDbContext>().UseSqlite(_temp.ConnectionString).Options);

    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteDashboardDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerDashboardDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void EachProviderHasItsOwnMigrationSet()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.Empty(sqliteMigrations.Intersect(sqlServerMigrations));
    }

    [Fact]
    public void SqlServerIdempotentScriptCreatesEveryTable()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS (", script, StringComparison.Ordinal);
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        foreach (var table in new[] { "Plans", "PlanRevisions", "Policies", "Initiatives", "Kpis", "KpiTargets", "KpiOwners", "Departments", "QuarterlyEntries" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SqlServerIdempotentScriptParsesAsTransactSqlWithoutErrors()
    {
        // SQL Server cannot run on these machines: T-SQL's own parser is the strongest check available here.
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parsed = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true)
            .Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        var statements = ((Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript)parsed).Batches.Sum(b => b.Statements.Count);
        Assert.True(statements > 20, $"{statements} statements: the script was not read as the migration set");
        Assert.Contains("CREATE TABLE [UserSessions]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteFileIsCreatedAndMigratedFromNothing()
    {
        Assert.False(File.Exists(_temp.DatabaseFile));
        await using var db = Sqlite();

        await db.Database.MigrateAsync();

        Assert.True(File.Exists(_temp.DatabaseFile));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Plans.CountAsync());
    }
}
