using System.Text.RegularExpressions;

namespace Dashboard.Server.Tests;

/// <summary>
/// One today (decision 014): the product reads the time only from the registered <see cref="TimeProvider"/>, so a
/// test's clock moves everything at once and a page never disagrees with the server about the date. The one exception
/// is the console log's timestamp, which is the wall clock by definition.
/// </summary>
public partial class OneClockTests
{
    private static readonly string[] _wallClockAllowed =
    [
        Path.Combine("Dashboard.Server", "Features", "Security", "SingleLineConsoleFormatter.cs"),
    ];

    private static readonly string[] _projects = ["Dashboard.Server", "Dashboard.Client", "Dashboard.Shared"];

    [Fact]
    public void TheProductReadsNoClockButTheTimeProvider()
    {
        var reads = ProductSourceLines()
            .Where(l => WallClock().IsMatch(l.Text) && !_wallClockAllowed.Contains(l.File))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(reads.Count == 0, string.Join("\n", reads));

        // The scan sees a wall-clock read: the log formatter has one.
        Assert.Contains(ProductSourceLines(), l => _wallClockAllowed.Contains(l.File) && WallClock().IsMatch(l.Text));
    }

    [Fact]
    public void TheSystemClockIsRegisteredOnce()
    {
        var uses = ProductSourceLines().Where(l => l.Text.Contains("TimeProvider.System", StringComparison.Ordinal)).ToList();
        var use = Assert.Single(uses);
        Assert.Equal(Path.Combine("Dashboard.Server", "Program.cs"), use.File);
        Assert.Contains("AddSingleton", use.Text, StringComparison.Ordinal);
    }

    private static IEnumerable<(string File, int Line, string Text)> ProductSourceLines()
    {
        var separator = Path.DirectorySeparatorChar;
        return _projects
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, p), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(RepoPaths.Root, f), i + 1, text)));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Utc)?Now\b|\bDateTime\.Today\b|\bToLocalTime\(")]
    private static partial Regex WallClock();
}
