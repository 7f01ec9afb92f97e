using System.Text.RegularExpressions;

namespace Dashboard.Server.Tests;

/// <summary>
/// The features of each project (Server and Client <c>Features/*</c>, the folders of Shared) must not depend on each
/// other in a cycle. A feature depends on another when one of its files names the other's namespace (a using or a
/// qualified name: C# offers no other way, and the projects have no global usings), or when one of its Razor files
/// names a type or component the other declares (Razor files see every feature through <c>_Imports.razor</c>).
/// </summary>
public sealed partial class FeatureCycleTests
{
    public static TheoryData<string> Projects => new() { "Dashboard.Server", "Dashboard.Client", "Dashboard.Shared" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Features_do_not_depend_on_each_other_in_a_cycle(string project)
    {
        var graph = Graph(project);
        Assert.True(graph.Count >= 8, $"{project}: expected its features, found {graph.Count}");

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"{project}: features depend on each other in a cycle: {string.Join(" → ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void The_check_sees_a_cycle_when_there_is_one()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Entries"] = ["Plans", "Notifications"],
            ["Notifications"] = ["Plans", "Entries"],
            ["Plans"] = [],
        };

        Assert.Equal(["Entries", "Notifications", "Entries"], FindCycle(graph));
    }

    [Fact]
    public void Plans_is_the_home_of_plans_and_quarters_and_leans_on_no_feature_that_uses_quarters()
    {
        var server = Graph("Dashboard.Server");
        Assert.DoesNotContain("Entries", server["Plans"]);
        Assert.DoesNotContain("Review", server["Plans"]);
        foreach (var feature in new[] { "Entries", "Review", "Dashboards", "Exports", "Publishing", "Notifications", "Assessments" })
        {
            Assert.Contains("Plans", server[feature]);
        }

        Assert.DoesNotContain("Entries", Graph("Dashboard.Shared")["Plans"]);
    }

    /// <summary>Feature → the features it uses.</summary>
    internal static Dictionary<string, HashSet<string>> Graph(string project)
    {
        var root = Path.Combine(RepoPaths.Root, project);
        var featuresRoot = project == "Dashboard.Shared" ? root : Path.Combine(root, "Features");
        var namespaceRoot = project == "Dashboard.Shared" ? "Dashboard.Shared" : $"{project}.Features";
        var features = Directory.GetDirectories(featuresRoot)
            .Select(Path.GetFileName)
            .Where(n => n is not ("bin" or "obj"))
            .Select(n => n!)
            .ToList();
        var files = features.ToDictionary(f => f, f => Directory.GetFiles(Path.Combine(featuresRoot, f), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => p, File.ReadAllText));

        // Which feature declares each type name; a name declared by two features says nothing and is left out.
        var declared = new Dictionary<string, string>();
        var ambiguous = new HashSet<string>();
        foreach (var (feature, texts) in files)
        {
            foreach (var (path, text) in texts)
            {
                var names = DeclarationPattern().Matches(text).Select(m => m.Groups["name"].Value).ToList();
                if (path.EndsWith(".razor", StringComparison.Ordinal))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }

                foreach (var name in names.Distinct())
                {
                    if (declared.TryGetValue(name, out var other) && other != feature)
                    {
                        ambiguous.Add(name);
                    }

                    declared[name] = feature;
                }
            }
        }

        foreach (var name in ambiguous)
        {
            declared.Remove(name);
        }

        var graph = features.ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var (feature, texts) in files)
        {
            foreach (var (path, text) in texts)
            {
                var code = CommentPattern().Replace(text, " ");
                foreach (Match m in NamespacePattern(namespaceRoot).Matches(code))
                {
                    graph[feature].Add(m.Groups["feature"].Value);
                }

                foreach (Match m in IdentifierPattern().Matches(path.EndsWith(".razor", StringComparison.Ordinal) ? code : ""))
                {
                    if (declared.TryGetValue(m.Value, out var owner))
                    {
                        graph[feature].Add(owner);
                    }
                }
            }

            graph[feature].Remove(feature);
            graph[feature].IntersectWith(features);
        }

        return graph;
    }

    /// <summary>The first cycle found, as a path that starts and ends at the same feature; null when there is none.</summary>
    internal static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path[path.IndexOf(next)..], next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"  {g.Key} → {string.Join(", ", g.Value.Order(StringComparer.Ordinal))}"));

    private static Regex NamespacePattern(string root) =>
        new($@"\b{Regex.Escape(root)}\.(?<feature>[A-Z][A-Za-z]+)\b", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CommentPattern();
}
