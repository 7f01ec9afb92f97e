namespace Dashboard.Server.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default, embedded) or "SqlServer" (production).</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
