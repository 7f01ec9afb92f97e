namespace Dashboard.Server.Data.Seeding;

/// <summary>A seed file is wrong. The message names the file, the JSON path in it and the problem.</summary>
public sealed class SeedDataException(string file, string path, string problem, Exception? inner = null)
    : Exception($"{file}: {path}: {problem}", inner)
{
    public string File { get; } = file;
    public string JsonPath { get; } = path;
    public string Problem { get; } = problem;
}
