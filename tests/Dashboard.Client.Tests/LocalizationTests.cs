using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;

namespace Dashboard.Client.Tests;

public sealed partial class LocalizationTests
{
    private static readonly string _client = Path.Combine(Root(), "Dashboard.Client");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(_client, "Localization", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void JapaneseAndEnglishHaveTheSameTexts()
    {
        var japanese = Keys("UiText.resx");
        var english = Keys("UiText.en.resx");

        Assert.Empty(japanese.Except(english));
        Assert.Empty(english.Except(japanese));
    }

    [Fact]
    public void EveryMudBlazorWordWeTranslateIsOneMudBlazorAsksFor()
    {
        var mudKeys = typeof(MudBlazor.MudLocalizer).Assembly.GetType("MudBlazor.Resources.LanguageResource", throwOnError: true)!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Select(f => f.Name).ToHashSet();
        var ours = Keys("UiText.resx").Where(k => k.StartsWith(Dashboard.Client.Localization.UiTextMudLocalizer.Prefix, StringComparison.Ordinal))
            .Select(k => k[Dashboard.Client.Localization.UiTextMudLocalizer.Prefix.Length..]).ToList();

        Assert.Contains("MudFormComponent_Required", ours);
        Assert.Contains("MudFormComponent_Required", mudKeys);
        Assert.DoesNotContain(ours, k => !mudKeys.Contains(k));
    }

    [Fact]
    public void EveryTextThePagesAskForExists()
    {
        var keys = Keys("UiText.resx");
        var used = Directory.EnumerateFiles(_client, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.True(used.Count > 100, "the pattern should find the texts the pages use");
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    [Fact]
    public void EveryStatusKindStateRoleAndRefusalHasAName()
    {
        var keys = Keys("UiText.resx");
        var needed = Enum.GetNames<KpiStatus>().Select(n => $"Status.{n}")
            .Concat(Enum.GetNames<EntryState>().Append("None").Select(n => $"Entry.{n}"))
            .Concat(Enum.GetNames<KpiKind>().Select(n => $"Kind.{n}"))
            .Concat(Enum.GetNames<MilestoneState>().Select(n => $"Milestone.{n}"))
            .Concat(Enum.GetNames<ForecastRefusal>().Select(n => $"Refusal.{n}"))
            .Concat(RoleNames.All.Select(r => $"Role.{r}"));

        var missing = needed.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dashboard.sln not found");
    }

    [GeneratedRegex("""\b[Tt]\["([A-Za-z][A-Za-z.]*)"[\],]""")]
    private static partial Regex UsedKey();
}
