namespace Dashboard.Server.Tests;

/// <summary>A folder of its own for one test: a real SQLite file, a copy of seed-data to change.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));

    public string DatabaseFile => System.IO.Path.Combine(Path, "dashboard.db");

    public string ConnectionString => $"Data Source={DatabaseFile}";

    /// <summary>Copies the repository's seed-data here and returns the copy's path.</summary>
    public string CopyOfSeedData()
    {
        var target = System.IO.Path.Combine(Path, "seed-data");
        foreach (var file in Directory.GetFiles(RepoPaths.SeedData, "*.json", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(RepoPaths.SeedData, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a host being torn down; the temp folder is cleaned by the OS.
        }
    }
}
