namespace Dashboard.Server.Features.Operations;

/// <summary>
/// The operator's commands on the server's own program (README, "Backup and restore"):
/// <c>dotnet Dashboard.Server.dll backup</c> and <c>dotnet Dashboard.Server.dll restore &lt;file&gt;</c>, with the same
/// settings as the app (connection string, Backups:Folder). Each prints one line and exits 0 on success, 1 otherwise.
/// </summary>
public static class OperatorCommands
{
    /// <summary>Takes a command (<c>backup</c>, or <c>restore</c> and its file) off the front of the arguments.</summary>
    public static string[]? Take(ref string[] args)
    {
        if (args is ["backup", ..])
        {
            args = args[1..];
            return ["backup"];
        }

        if (args is ["restore", var file, ..])
        {
            args = args[2..];
            return ["restore", file];
        }

        if (args is ["add-admin", var login, var name, ..])
        {
            args = args[3..];
            return ["add-admin", login, name];
        }

        return null;
    }

    public static int Run(IServiceProvider services, string[] command)
    {
        var backups = services.GetRequiredService<SqliteBackups>();
        if (!backups.Applies)
        {
            Console.Error.WriteLine("バックアップと復元は SQLite のときだけです。SQL Server はデータベース管理者がバックアップします（README）。 / Backup and restore are for SQLite; SQL Server is backed up by its DBA.");
            return 1;
        }

        if (command[0] == "backup")
        {
            var made = backups.BackupNowAsync().GetAwaiter().GetResult();
            Console.WriteLine(made.Sound
                ? $"バックアップしました: {Path.Combine(backups.Folder, made.Name)}（{made.Bytes:N0} バイト、整合性の検査 ok） / Backed up and checked."
                : $"バックアップの検査で問題が見つかりました: {made.Problem} / The backup failed its check.");
            return made.Sound ? 0 : 1;
        }

        var file = Path.GetFullPath(command[1]);
        if (backups.Restore(file) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return 1;
        }

        Console.WriteLine($"復元しました: {file} → {backups.DatabaseFile} / Restored.");
        return 0;
    }

    /// <summary>
    /// The break-glass administrator (issue 23): a person with the admin role and a local account whose temporary
    /// password is printed once, to be changed (and an authenticator enrolled) at the first sign-in. Run again, it gives
    /// the same person a new temporary password and lifts a lock: the way back in when the directory or Entra ID is
    /// down or the last admin is locked out. Logged in the sign-in log as the operator's.
    /// </summary>
    public static async Task<int> AddAdminAsync(IServiceProvider services, string login, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.DashboardDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var key = login.Trim().ToLowerInvariant();
        var clean = Shared.Text.TextPolicy.Clean(name) ?? "";
        // The admin page's own rules for a person, so the break-glass admin can later be edited there like anyone.
        var problems = Shared.Admin.AdminValidation.Validate(new Shared.Admin.SaveUserRequest(key, clean, Shared.Auth.AppRoles.Admin, [], true));
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"{string.Concat(problems.Values.SelectMany(p => p))} add-admin <login> <name> / Give a login ID or UPN (letters, digits, . _ -) and a name of up to 100 characters.");
            return 1;
        }

        var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Users, u => u.LoginName == key);
        if (user is null)
        {
            user = new Data.AppUser { LoginName = key, DisplayName = clean, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Users.Add(user);
        }

        user.Roles |= Shared.Auth.AppRoles.Admin;
        user.IsActive = true;
        await db.SaveChangesAsync(); // the person's id, for the account

        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Auth.SignInOptions>>().Value;
        var password = await Auth.LocalAccounts.IssueTemporaryPasswordAsync(db, user,
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<Data.LocalAccount>>(), options.Password);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<Auth.SignInLog>().WriteAsync(Shared.Admin.SignInEventKinds.TemporaryPassword, "Local", key, user.Id, null,
            "add-admin（サーバーのコマンド）", "operator");

        Console.WriteLine($"管理者 {key} の仮パスワード: {password}");
        Console.WriteLine("最初のサインインで変更と認証アプリの登録が求められます。この表示は二度と出ません。 / The temporary password above is shown once; it must be changed at the first sign-in.");
        if (!scope.ServiceProvider.GetRequiredService<Auth.AuthMode>().UsesLocalAccounts)
        {
            Console.WriteLine("注意: SignIn:LocalAccounts=true でないと、このアカウントではサインインできません。 / Note: set SignIn:LocalAccounts=true to sign in with it.");
        }

        return 0;
    }

    /// <summary>Null when the SQLite database is new or sound; else one line for the operator (Japanese and English).</summary>
    public static string? DamagedDatabase(IServiceProvider services)
    {
        var backups = services.GetRequiredService<SqliteBackups>();
        if (!backups.Applies || !File.Exists(backups.DatabaseFile) || new FileInfo(backups.DatabaseFile).Length == 0)
        {
            return null;
        }

        return SqliteBackups.IntegrityProblem(backups.DatabaseFile) is { } problem
            ? $"データベース {backups.DatabaseFile} が壊れているため起動しません: {problem} バックアップから復元してください: dotnet Dashboard.Server.dll restore <file>（{backups.Folder}） / The database failed its check; restore a backup."
            : null;
    }
}
