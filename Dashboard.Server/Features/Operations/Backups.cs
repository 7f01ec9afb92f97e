using System.Globalization;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Operations;

/// <summary>Backup settings (issue 25, point 1).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where generations go; relative to the content root (default App_Data/backups).</summary>
    public string Folder { get; set; } = Path.Combine("App_Data", "backups");

    /// <summary>How many generations are kept; the oldest go (default 7).</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Hours between scheduled backups; 0 turns the schedule off (default 24).</summary>
    public int IntervalHours { get; set; } = 24;
}

/// <summary>
/// Online backups of the SQLite database with SQLite's own backup API (a consistent copy while the app writes, never a
/// file copy that can tear), each checked with <c>PRAGMA integrity_check</c> and recorded beside it; the newest
/// <see cref="BackupOptions.Keep"/> generations stay. Restoring checks the chosen file first and refuses one that is
/// not a sound database of this app. SQL Server is backed up by the city's DBA (README).
/// </summary>
public sealed class SqliteBackups(IConfiguration configuration, IHostEnvironment environment, IOptions<BackupOptions> options, TimeProvider clock, ILogger<SqliteBackups> log)
{
    private const string Prefix = "dashboard-";
    private static readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Whether the app's database is SQLite (the only provider these backups are for).</summary>
    public bool Applies => DataServiceCollectionExtensions.ProviderOf(configuration) == DatabaseProviders.Sqlite;

    /// <summary>The folder of the generations.</summary>
    public string Folder => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    /// <summary>The database file the app uses.</summary>
    public string DatabaseFile => new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.SqliteConnectionString(
        configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName), environment.ContentRootPath)).DataSource;

    /// <summary>
    /// The file that says an app runs on this database: every running instance holds it open, shared, for its lifetime;
    /// a restore opens it alone, so it cannot run under a running app, and an app cannot start during a restore. The
    /// operating system lets go of it when the process ends, however it ends (no stale mark after a crash).
    /// </summary>
    public string InUseFile => DatabaseFile + ".inuse";

    /// <summary>Marks the database as in use by this running app (null when not SQLite); refused while a restore runs.</summary>
    public IDisposable? MarkInUse()
    {
        if (!Applies)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(InUseFile)!);
        try
        {
            return new FileStream(InUseFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException)
        {
            throw new InvalidOperationException($"データベース {DatabaseFile} を復元中のため起動しません。復元が終わってから起動してください。 / A restore is running on this database; start the app when it has finished.");
        }
    }

    /// <summary>Backs up now: a new generation, checked, and the oldest beyond the kept number removed.</summary>
    public async Task<BackupGenerationDto> BackupNowAsync(CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var now = clock.GetUtcNow().UtcDateTime;
            var name = $"{Prefix}{now:yyyyMMdd-HHmmss}.db";
            var target = Path.Combine(Folder, name);
            var partial = target + ".partial";
            File.Delete(partial);
            using (var source = Open(DatabaseFile, SqliteOpenMode.ReadOnly))
            using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(copy);
                SelfContained(copy);
            }

            var problem = Check(partial);
            File.Move(partial, target, overwrite: true);
            var generation = new BackupGenerationDto(name, now, new FileInfo(target).Length, problem is null, problem);
            await File.WriteAllTextAsync(target + ".json", JsonSerializer.Serialize(generation), cancellationToken);
            if (problem is null)
            {
                Prune();
            }
            else
            {
                BackupLog.CheckFailed(log, name, problem);
            }

            return generation;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The generations, newest first, with their time, size and check.</summary>
    public IReadOnlyList<BackupGenerationDto> Generations()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, Prefix + "*.db.json")
            .Select(ReadRecord)
            .OfType<BackupGenerationDto>()
            .Where(g => File.Exists(Path.Combine(Folder, g.Name)))
            .OrderByDescending(g => g.CreatedUtc)
            .ToList();
    }

    /// <summary>
    /// Restores <paramref name="backup"/> over the app's database (the app must be stopped): refused, with the reason,
    /// unless the file is a sound database of this app. Null when restored, else the problem in Japanese and English.
    /// </summary>
    public string? Restore(string backup)
    {
        if (!File.Exists(backup))
        {
            return $"バックアップのファイルが見つかりません: {backup} / The backup file does not exist.";
        }

        if (Check(backup) is { } problem)
        {
            return $"このファイルは復元できません: {problem} / This file cannot be restored; the database was not changed.";
        }

        var target = DatabaseFile;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        FileStream alone;
        try
        {
            alone = new FileStream(InUseFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // Restoring under a running app would drop the saves it acknowledges meanwhile and leave its caches
            // describing data that is no longer there.
            return $"アプリがこのデータベース（{target}）で動いているため、復元しません。すべてのインスタンスを止めてから、もう一度実行してください。データベースは変更していません。 / The app is running on this database; stop every instance and run the command again. Nothing was changed.";
        }

        using (alone)
        {
            SqliteConnection.ClearAllPools();
            using (var source = Open(backup, SqliteOpenMode.ReadOnly))
            using (var destination = Open(target, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(destination);
            }
        }

        return Check(target);
    }

    /// <summary>Null when <paramref name="file"/> is a sound SQLite database of this app, else what is wrong (Japanese).</summary>
    public static string? Check(string file) => Examine(file, requireTables: true);

    /// <summary>Null when <paramref name="file"/> reads as a sound SQLite database (tables or not), else what is wrong.</summary>
    public static string? IntegrityProblem(string file) => Examine(file, requireTables: false);

    private static string? Examine(string file, bool requireTables)
    {
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            var result = integrity.ExecuteScalar() as string;
            if (!string.Equals(result, "ok", StringComparison.Ordinal))
            {
                return $"整合性の検査で問題が見つかりました（{Short(result)}）。";
            }

            if (!requireTables)
            {
                return null;
            }

            using var ours = connection.CreateCommand();
            ours.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Plans', 'QuarterlyEntries')";
            return Convert.ToInt32(ours.ExecuteScalar(), CultureInfo.InvariantCulture) == 3 ? null : "このアプリのデータベースではありません。";
        }
        catch (SqliteException e)
        {
            return $"SQLite のデータベースとして読めません（{Short(e.Message)}）。";
        }
    }

    // The app's database runs in WAL mode and the copy would too: a generation is one file that opens without -wal/-shm.
    private static void SelfContained(SqliteConnection copy)
    {
        using var journal = copy.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode=DELETE";
        journal.ExecuteNonQuery();
    }

    private void Prune()
    {
        foreach (var old in Generations().Skip(Math.Max(1, options.Value.Keep)))
        {
            File.Delete(Path.Combine(Folder, old.Name));
            File.Delete(Path.Combine(Folder, old.Name + ".json"));
        }
    }

    private static BackupGenerationDto? ReadRecord(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupGenerationDto>(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 200 ? text[..200] : text;
}

/// <summary>
/// Backs up on the schedule (Backups:IntervalHours), on the app's clock: once a minute it looks at the newest
/// generation and takes a new one when that is as old as the interval (or there is none). A restart does not reset
/// the schedule, and an instance that was down catches up with one backup, not one per missed interval.
/// </summary>
internal sealed class BackupScheduler(SqliteBackups backups, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!backups.Applies || options.Value.IntervalHours <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromHours(options.Value.IntervalHours);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (backups.Generations() is not [var newest, ..] || clock.GetUtcNow().UtcDateTime - newest.CreatedUtc >= interval)
                {
                    await backups.BackupNowAsync(stoppingToken);
                }

                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or SqliteException or UnauthorizedAccessException)
            {
                BackupLog.Failed(log, e.Message);
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            }
        }
    }
}

internal static partial class BackupLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Backup {Name} failed its check: {Problem}")]
    public static partial void CheckFailed(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup failed: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);
}
