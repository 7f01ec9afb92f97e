using Microsoft.Data.Sqlite;

namespace Dashboard.Server.Tests;

/// <summary>The real server process, as an administrator starts it.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task BadSeedFileStopsStartUpWithOneMessageAndWritesNothing()
    {
        var seed = _temp.CopyOfSeedData();
        SeedFiles.Edit(seed, SeedFiles.PlanFile, p => SeedFiles.Kpi(p, 1, 1, 0)["targets"]!["2027"] = 25);

        var (exitCode, output) = await RunServerAsync(seed, "Development");

        Assert.Equal(1, exitCode);
        Assert.Contains("seed-data/plans/goshogawara-dx-2022.json: $.policies[1].initiatives[1].kpis[0].targets.2027: ", output, StringComparison.Ordinal);
        Assert.Contains("outside the plan period", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace for an administrator to wade through
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.Equal(0, CountRows("Plans") + CountRows("Departments") + CountRows("Kpis"));
    }

    [Fact]
    public async Task ProductionWithNoWayToSignInRefusesToStart()
    {
        var (exitCode, output) = await RunServerAsync(RepoPaths.SeedData, "Production");

        Assert.Equal(2, exitCode);
        Assert.Contains("AzureAd", output, StringComparison.Ordinal);
        Assert.Contains("Entra ID", output, StringComparison.Ordinal);
        Assert.Contains("SignIn:LocalAccounts=true", output, StringComparison.Ordinal);
        Assert.Contains("SignIn:Ldap:Host", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionWithLocalAccountsStartsAndTheOperatorMakesTheBreakGlassAdmin()
    {
        var (exitCode, output) = await ServerCommand.RunAsync("Production", "add-admin", "Root@City.local", "緊急用 管理者",
            $"--ConnectionStrings:Dashboard={_temp.ConnectionString}", $"--Seed:Folder={RepoPaths.SeedData}", "--SignIn:LocalAccounts=true");

        Assert.True(exitCode == 0, output);
        var password = System.Text.RegularExpressions.Regex.Match(output, "仮パスワード: (\\S+)").Groups[1].Value;
        Assert.Equal(16, password.Length);
        Assert.DoesNotContain("SignIn:LocalAccounts=true でないと", output, StringComparison.Ordinal);
        using var connection = new SqliteConnection(_temp.ConnectionString);
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT u.Roles, a.PasswordHash, a.MustChangePassword FROM Users u JOIN LocalAccounts a ON a.Id = u.Id WHERE u.LoginName = 'root@city.local'";
        using var row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("Admin", row.GetString(0));
        var account = new Dashboard.Server.Data.LocalAccount { UserName = "root@city.local" };
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed,
            new Microsoft.AspNetCore.Identity.PasswordHasher<Dashboard.Server.Data.LocalAccount>().VerifyHashedPassword(account, row.GetString(1), password));
        Assert.True(row.GetBoolean(2));
        // Production loads no demo people.
        Assert.Equal(1, CountRows("Users"));
    }

    [Fact]
    public async Task TheBreakGlassAdminIsNamedByTheAdminPagesRules()
    {
        // A name the admin page could never edit afterwards (a space in the login) is refused in words, nothing written.
        var (exitCode, output) = await ServerCommand.RunAsync("Production", "add-admin", "kanri taro", "管理 太郎",
            $"--ConnectionStrings:Dashboard={_temp.ConnectionString}", $"--Seed:Folder={RepoPaths.SeedData}", "--SignIn:LocalAccounts=true");

        Assert.True(exitCode == 1, output);
        Assert.Contains("サインイン名は yamada のようなログインIDか", output, StringComparison.Ordinal);
        Assert.Equal(0, CountRows("Users"));
    }

    private long CountRows(string table)
    {
        using var connection = new SqliteConnection(_temp.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    private Task<(int ExitCode, string Output)> RunServerAsync(string seedFolder, string environment) =>
        ServerCommand.RunAsync(environment, $"--ConnectionStrings:Dashboard={_temp.ConnectionString}", $"--Seed:Folder={seedFolder}");
}
