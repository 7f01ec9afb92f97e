using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Server.Tests;

/// <summary>
/// The pages link our trimmed copy of MudBlazor's stylesheet (issue 22, point 4; <see cref="MudCssTrim"/>), never the
/// full one. The copy must be the trim of the package's current file (a MudBlazor update regenerates it:
/// <c>UPDATE_TRIMMED_CSS=1 dotnet test tests/Dashboard.Server.Tests --filter TrimmedMudBlazorCss</c>), and no page may
/// use a component or a class whose rules were dropped.
/// </summary>
public sealed partial class TrimmedMudBlazorCssTests : AppTestBase
{
    private static string Committed => Path.Combine(RepoPaths.Root, "Dashboard.Server", "wwwroot", "mudblazor.trimmed.css");

    private static readonly string[] _projects = ["Dashboard.Client", "Dashboard.Server"];

    private static readonly string[] _kept =
    [
        ".mud-button-filled-primary{", ".mud-input-control{", ".mud-select ", ".mud-popover{", ".mud-snackbar{", ".mud-chip-outlined.mud-chip-color-secondary{",
        ".mud-table-dense ", ".mud-appbar ", ".d-flex{", ".gap-4{", ".mt-6,", ".mud-progress-linear",
    ];

    private static IEnumerable<string> Sources(params string[] extensions) =>
        _projects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, project), "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal)
                && !f.EndsWith("mudblazor.trimmed.css", StringComparison.Ordinal));

    [Fact]
    public async Task TheCommittedCopyIsThePackagesStylesheetTrimmed()
    {
        var client = App.CreateClient();
        var full = await client.GetStringAsync("/_content/MudBlazor/MudBlazor.min.css");
        var used = Sources(".razor", ".cs", ".css", ".js", ".cshtml")
            .SelectMany(f => ClassLike().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        var trimmed = MudCssTrim.Trim(full, used);
        if (Environment.GetEnvironmentVariable("UPDATE_TRIMMED_CSS") == "1")
        {
            await File.WriteAllTextAsync(Committed, trimmed, new UTF8Encoding(false));
        }

        Assert.True(trimmed == await File.ReadAllTextAsync(Committed),
            "Dashboard.Server/wwwroot/mudblazor.trimmed.css is not the trim of MudBlazor's current stylesheet. Regenerate it: UPDATE_TRIMMED_CSS=1 dotnet test tests/Dashboard.Server.Tests --filter TrimmedMudBlazorCss");
        Assert.True(trimmed.Length < full.Length * 0.4, $"trimmed {trimmed.Length} of {full.Length} characters");
        Assert.StartsWith("/*!\n * MudBlazor", trimmed.TrimStart('\uFEFF'), StringComparison.Ordinal); // the licence notice stays
        // What our pages render is still styled: a sample of the kept rules, and none of a dropped one.
        foreach (var kept in _kept)
        {
            Assert.Contains(kept, trimmed, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(".mud-timeline", trimmed, StringComparison.Ordinal);
        Assert.DoesNotContain(".mud-picker-calendar", trimmed, StringComparison.Ordinal);
        Assert.DoesNotContain(".mt-md-4{", trimmed, StringComparison.Ordinal);
    }

    [Fact]
    public void PagesUseOnlyComponentsAndClassesWhoseRulesAreKept()
    {
        var components = Sources(".razor")
            .SelectMany(f => MudTag().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(components.Except(MudCssTrim.UsedComponents));

        var dropped = new Regex(@"\bmud-(" + string.Join('|', MudCssTrim.DroppedFamilies.OrderByDescending(f => f.Length).Select(Regex.Escape)) + @")(?![a-z])");
        var named = Sources(".razor", ".cs", ".css", ".js")
            .SelectMany(f => dropped.Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(named);
    }

    [Fact]
    public async Task PagesLinkTheTrimmedCopyFingerprintedAndCompressed()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var html = await client.GetStringAsync("/dashboard");

        Assert.DoesNotContain("MudBlazor.min.css", html, StringComparison.Ordinal);
        var href = Assert.Single(TrimmedLink().Matches(html)).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + href);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((await File.ReadAllTextAsync(Committed)).TrimStart('\uFEFF'), (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    [GeneratedRegex(@"[a-z]+(?:-[a-z0-9]+)*-(?:xs|sm|md|lg|xl|xxl)(?:-[a-z0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex ClassLike();

    [GeneratedRegex(@"<(Mud[A-Z][A-Za-z]*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MudTag();

    [GeneratedRegex(@"href=""(mudblazor\.trimmed\.[a-z0-9]+\.css)""", RegexOptions.CultureInvariant)]
    private static partial Regex TrimmedLink();
}
