using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Server.Tests;

/// <summary>Edits a copy of the real seed files, to make them wrong in one place.</summary>
internal static class SeedFiles
{
    public const string PlanFile = "plans/goshogawara-dx-2022.json";
    public const string SampleFile = "sample-figures/goshogawara-dx-2022.json";

    private static readonly JsonDocumentOptions _read = new() { CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonSerializerOptions _write = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Edit(string seedFolder, string relativeFile, Action<JsonNode> edit)
    {
        var path = Path.Combine(seedFolder, relativeFile);
        var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: _read)!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString(_write));
    }

    public static JsonObject Kpi(JsonNode plan, int policy, int initiative, int kpi) =>
        plan["policies"]![policy]!["initiatives"]![initiative]!["kpis"]![kpi]!.AsObject();
}
