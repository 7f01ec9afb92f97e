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
