namespace Dashboard.Server.Data.Seeding;

/// <summary>Configuration section "Seed".</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>The seed-data folder; relative paths are taken from the content root.</summary>
    public string Folder { get; set; } = "../seed-data";

    /// <summary>Also load seed-data/sample-figures (サンプル), for demonstrations. Off unless asked for.</summary>
    public bool LoadSampleFigures { get; set; }

    /// <summary>Load seed-data/demo-users.json. Set by the app when the local demo sign-in is in use, never by configuration.</summary>
    public bool LoadDemoUsers { get; set; }
}
