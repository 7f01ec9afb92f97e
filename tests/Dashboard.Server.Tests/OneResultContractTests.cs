using System.Reflection;
using System.Text.RegularExpressions;
using Dashboard.Shared.Problems;

namespace Dashboard.Server.Tests;

/// <summary>
/// One result contract (issue 22, point 3; decision 018): every feature service's write returns the shared
/// <see cref="Outcome{T}"/>, no other result type carries an outcome or field errors, and no endpoint writes a problem
/// answer by hand: they all go through <c>ProblemResults</c>.
/// </summary>
public partial class OneResultContractTests
{
    private static readonly Assembly _shared = typeof(Outcome<>).Assembly;

    /// <summary>Reads: they return what they read, or nothing when there is nothing to read (the endpoint answers 404 through ProblemResults).</summary>
    private static readonly string[] _readPrefixes = ["Get", "Build", "Export", "Preview"];

    [Fact]
    public void EveryFeatureServiceWriteReturnsTheSharedOutcome()
    {
        var services = FeatureServices().ToList();
        Assert.True(services.Count >= 9, string.Join(", ", services.Select(s => s.Name)));

        var wrong = new List<string>();
        foreach (var method in services.SelectMany(s => s.GetMethods()))
        {
            var result = Awaited(method.ReturnType);
            var isRead = _readPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal));
            if (!isRead && !IsOutcome(result))
            {
                wrong.Add($"{method.DeclaringType!.Name}.{method.Name} returns {Describe(result)}");
            }
            else if (isRead && !IsOutcome(result) && CarriesAResult(result))
            {
                wrong.Add($"{method.DeclaringType!.Name}.{method.Name} reads into {Describe(result)}, which carries a result of its own");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void NoOtherTypeCarriesAnOutcome()
    {
        var assemblies = new[] { _shared, typeof(Dashboard.Client._Imports).Assembly, typeof(Dashboard.Server.Data.DashboardDbContext).Assembly };
        var carriers = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t != typeof(Outcome<>) && !t.IsEnum && t.Namespace?.StartsWith("Dashboard.", StringComparison.Ordinal) == true)
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(p => p.PropertyType == typeof(OutcomeKind)))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(carriers);

        // The result types this contract replaced stay gone.
        var names = assemblies.SelectMany(a => a.GetTypes()).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(names, n => n is "EntrySaveResult" or "SaveResult" or "AssessmentSaveResult" or "AssessmentSaveStatus" or "PlanImportResult");
    }

    [Fact]
    public void NoEndpointWritesAProblemByHand()
    {
        var server = Path.Combine(RepoPaths.Root, "Dashboard.Server");
        var home = Path.Combine(server, "Features", "Problems", "ProblemResults.cs");
        var files = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(server, "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var byHand = files.Where(f => f != home)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => HandWritten().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(byHand.Count == 0, string.Join("\n", byHand));

        // The scan sees a problem written by hand: ProblemResults itself writes them.
        Assert.Contains(File.ReadLines(home), line => HandWritten().IsMatch(line));
    }

    private static IEnumerable<Type> FeatureServices() =>
        _shared.GetTypes().Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Service", StringComparison.Ordinal));

    private static Type Awaited(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;

    private static bool IsOutcome(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Outcome<>);

    /// <summary>A string or dictionary of messages, a flag, or a type named as a result that holds errors or a status.</summary>
    private static bool CarriesAResult(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(Task)
        || typeof(IReadOnlyDictionary<string, string[]>).IsAssignableFrom(type)
        || (type.Name.EndsWith("Result", StringComparison.Ordinal) && type.GetProperty("Errors") is not null);

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;

    [GeneratedRegex(@"\b(Typed)?Results\.(Problem|ValidationProblem|NotFound|BadRequest|Conflict|UnprocessableEntity)\(|new\s+(Http)?(Validation)?ProblemDetails\b")]
    private static partial Regex HandWritten();
}
