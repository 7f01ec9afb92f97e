using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Dashboard.Shared.Publishing;

namespace Dashboard.Server.Features.Publishing;

/// <summary>The JSON form of the open data (the CSV's rows with English keys) and its DCAT catalogue.</summary>
internal static class OpenDataJson
{
    public const string Licence = "CC BY 4.0";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/deed.ja";

    private static readonly JsonSerializerOptions _options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Write(PublicSnapshot snapshot, PublicOptions options)
    {
        var columns = new JsonArray(OpenDataColumns.All.Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["name"] = c.Japanese, ["description"] = c.Description }).ToArray());
        var rows = new JsonArray(snapshot.Rows.Select(r => (JsonNode)Row(r)).ToArray());
        var document = new JsonObject
        {
            ["title"] = $"{options.MunicipalityName} DX推進計画 KPI進捗",
            ["municipalityCode"] = options.MunicipalityCode,
            ["licence"] = Licence,
            ["licenceUrl"] = LicenceUrl,
            ["updated"] = snapshot.Published.Count == 0 ? null : Dashboard.Shared.Fiscal.JapanTime.Format(snapshot.Published.Max(p => p.PublishedUtc), "yyyy-MM-dd"),
            ["columns"] = columns,
            ["rows"] = rows,
        };
        return document.ToJsonString(_options);
    }

    private static JsonObject Row(OpenDataRow r) => new()
    {
        ["municipalityCode"] = r.MunicipalityCode,
        ["municipalityName"] = r.MunicipalityName,
        ["planName"] = r.PlanName,
        ["policyNumber"] = r.PolicyNumber,
        ["policyName"] = r.PolicyName,
        ["initiativeNumber"] = r.InitiativeNumber,
        ["initiativeName"] = r.InitiativeName,
        ["kpiId"] = r.KpiId,
        ["kpiName"] = r.KpiName,
        ["unit"] = r.Unit,
        ["direction"] = r.Direction,
        ["baseline"] = r.Baseline,
        ["baselineDate"] = r.BaselineDate,
        ["fiscalYear"] = r.FiscalYear,
        ["quarter"] = r.Quarter,
        ["target"] = r.Target,
        ["actual"] = r.Actual,
        ["achievement"] = r.Achievement,
        ["status"] = r.Status,
        ["grade"] = r.Grade,
        ["departments"] = r.Departments,
        ["updated"] = r.Updated,
        ["planCode"] = r.PlanCode,
        ["planEdition"] = r.PlanEdition,
        ["targetKind"] = r.TargetKind,
        ["targetSetDate"] = r.TargetSetDate,
        ["targetRevisionReason"] = r.TargetRevisionReason,
        ["previousKpiId"] = r.PreviousKpiId,
        ["previousDisposition"] = r.PreviousDisposition,
        ["nextKpiId"] = r.NextKpiId,
        ["nextDisposition"] = r.NextDisposition,
    };

    public static string Catalog(PublicSnapshot snapshot, PublicOptions options, string origin)
    {
        var updated = snapshot.Published.Count == 0 ? null : Dashboard.Shared.Fiscal.JapanTime.Format(snapshot.Published.Max(p => p.PublishedUtc), "yyyy-MM-dd");
        JsonObject Distribution(string format, string media) => new()
        {
            ["@type"] = "dcat:Distribution",
            ["dct:format"] = format,
            ["dcat:mediaType"] = media,
            ["dcat:accessURL"] = new JsonObject { ["@id"] = $"{origin}/public/data" },
            ["dcat:downloadURL"] = new JsonObject { ["@id"] = $"{origin}/public/data/kpi-progress.{format.ToLowerInvariant()}" },
            ["dct:license"] = new JsonObject { ["@id"] = LicenceUrl },
        };
        var catalog = new JsonObject
        {
            ["@context"] = new JsonObject { ["dcat"] = "http://www.w3.org/ns/dcat#", ["dct"] = "http://purl.org/dc/terms/" },
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = $"{options.MunicipalityName} オープンデータ（DX推進計画）",
            ["dct:publisher"] = options.MunicipalityName,
            ["dcat:dataset"] = new JsonArray(new JsonObject
            {
                ["@type"] = "dcat:Dataset",
                ["dct:identifier"] = $"{options.MunicipalityCode}-dx-kpi-progress",
                ["dct:title"] = $"{options.MunicipalityName} DX推進計画 KPI進捗",
                ["dct:description"] = "DX推進計画の成果指標（KPI）ごと、公表した四半期ごとの目標値・実績値・達成率・状況・評価区分。",
                ["dct:publisher"] = options.MunicipalityName,
                ["dct:license"] = new JsonObject { ["@id"] = LicenceUrl },
                ["dct:modified"] = updated,
                ["dcat:keyword"] = new JsonArray("DX", "KPI", "計画", options.MunicipalityName),
                ["dcat:distribution"] = new JsonArray(Distribution("CSV", "text/csv"), Distribution("JSON", "application/json")),
            }),
        };
        return catalog.ToJsonString(_options);
    }
}
