using System.Reflection;
using System.Xml.Linq;

namespace Dashboard.Server.Tests;

/// <summary>Shared holds contracts and rules only; the WebAssembly client never reaches into the server.</summary>
public class ArchitectureTests
{
    private static readonly string[] _serverOnly =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient",
        "Microsoft.Identity.Web", "ClosedXML", "DocumentFormat.OpenXml", "Dashboard.Server", "Dashboard.Client",
    ];

    [Fact]
    public void SharedReferencesNoServerOrUiAssembly()
    {
        var references = typeof(Dashboard.Shared.Kpis.KpiRules).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.DoesNotContain(_serverOnly, prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
        AssertProjectDoesNotReference("Dashboard.Shared", _serverOnly);
        Assert.Empty(FrameworkReferences("Dashboard.Shared"));
    }

    [Fact]
    public void ClientDoesNotReferenceTheServer()
    {
        var references = typeof(Dashboard.Client._Imports).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("Dashboard.Server", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        AssertProjectDoesNotReference("Dashboard.Client", ["Dashboard.Server", "Microsoft.EntityFrameworkCore", "ClosedXML", "Microsoft.Identity.Web"]);
    }

    [Fact]
    public void TheTestsCatchAViolation()
    {
        // The server does reference EF Core: the same check must see it.
        var references = typeof(Dashboard.Server.Data.DashboardDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.Contains(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(ProjectReferences("Dashboard.Server"), r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private static void AssertProjectDoesNotReference(string project, IEnumerable<string> forbidden)
    {
        var references = ProjectReferences(project);
        foreach (var prefix in forbidden)
        {
            Assert.DoesNotContain(references, r => r.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    private static List<string> ProjectReferences(string project)
    {
        var xml = XDocument.Load(Path.Combine(RepoPaths.Root, project, project + ".csproj"));
        return xml.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .ToList();
    }

    private static List<string> FrameworkReferences(string project) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, project, project + ".csproj"))
            .Descendants().Where(e => e.Name.LocalName == "FrameworkReference").Select(e => e.Attribute("Include")!.Value).ToList();
}
