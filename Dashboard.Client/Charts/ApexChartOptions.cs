using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Client.Charts;

// The part of ApexCharts' options this app uses, typed. Serialised once per render to camelCase JSON without nulls;
// the ES module parses it and adds the formatters (functions cannot travel as JSON, and eval is not allowed).

/// <summary>Options of one chart.</summary>
public sealed record ApexChartOptions(
    ApexChartSettings Chart,
    IReadOnlyList<ApexSeries> Series,
    [property: JsonPropertyName("xaxis")] ApexXAxis XAxis,
    [property: JsonPropertyName("yaxis")] IReadOnlyList<ApexYAxis>? YAxis = null,
    ApexStroke? Stroke = null,
    ApexMarkers? Markers = null,
    ApexAnnotations? Annotations = null,
    IReadOnlyList<string>? Colors = null,
    ApexLegend? Legend = null,
    ApexPlotOptions? PlotOptions = null,
    ApexDataLabels? DataLabels = null,
    ApexTooltip? Tooltip = null,
    ApexTheme? Theme = null,
    ApexValueFormat? ValueFormat = null,
    string? NoData = null)
{
    /// <summary>The JSON handed to the module.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ApexJsonContext.Default.ApexChartOptions);
}

/// <summary>chart: type, height, locale, toolbar.</summary>
public sealed record ApexChartSettings(
    string Type,
    int Height,
    string DefaultLocale,
    IReadOnlyList<ApexLocale> Locales,
    ApexToolbar Toolbar,
    string Background = "transparent",
    string? ForeColor = null,
    string? FontFamily = null,
    ApexAnimations? Animations = null,
    ApexZoom? Zoom = null);

/// <summary>Animations on or off (off in tests and for reduced motion).</summary>
public sealed record ApexAnimations(bool Enabled);

/// <summary>Zoom on or off.</summary>
public sealed record ApexZoom(bool Enabled);

/// <summary>The toolbar; download keeps PNG/SVG/CSV.</summary>
public sealed record ApexToolbar(bool Show, ApexToolbarTools Tools, ApexToolbarExport Export);

/// <summary>Which toolbar tools are shown.</summary>
public sealed record ApexToolbarTools(bool Download, bool Selection = false, bool Zoom = false, bool Zoomin = false, bool Zoomout = false, bool Pan = false, bool Reset = false);

/// <summary>File names of the downloads.</summary>
public sealed record ApexToolbarExport(ApexExportFile Csv, ApexExportFile Svg, ApexExportFile Png);

/// <summary>A download's file name (without extension) and, for CSV, the first column's header.</summary>
public sealed record ApexExportFile(string Filename, string? HeaderCategory = null);

/// <summary>A locale: month and day names and toolbar texts.</summary>
public sealed record ApexLocale(string Name, ApexLocaleOptions Options);

/// <summary>The texts of a locale.</summary>
public sealed record ApexLocaleOptions(
    IReadOnlyList<string> Months,
    IReadOnlyList<string> ShortMonths,
    IReadOnlyList<string> Days,
    IReadOnlyList<string> ShortDays,
    IReadOnlyDictionary<string, string> Toolbar);

/// <summary>A series. Type: column, line, area or rangeBar.</summary>
public sealed record ApexSeries(string Name, string Type, IReadOnlyList<ApexPoint> Data);

/// <summary>
/// A point: X is a category (or a date for timelines); Y the value, null for a gap; Range [start, end] in epoch
/// milliseconds for rangeBar timelines; FillColor overrides the series colour for this point.
/// </summary>
public sealed record ApexPoint(string X, decimal? Y, IReadOnlyList<long>? Range = null, string? FillColor = null);

/// <summary>The x-axis: categories (full labels for the tooltip) with short labels drawn under the plot.</summary>
public sealed record ApexXAxis(string Type, IReadOnlyList<string>? ShortLabels = null, string? Title = null);

/// <summary>A y-axis.</summary>
public sealed record ApexYAxis(string? Title = null, decimal? Min = null, decimal? Max = null, bool ForceNiceScale = true);

/// <summary>Line widths and dashes per series.</summary>
public sealed record ApexStroke(IReadOnlyList<int> Width, IReadOnlyList<int> DashArray, string Curve = "straight");

/// <summary>Marker sizes per series.</summary>
public sealed record ApexMarkers(IReadOnlyList<int> Size);

/// <summary>Horizontal lines (the baseline) and points.</summary>
public sealed record ApexAnnotations(IReadOnlyList<ApexYAnnotation>? Yaxis = null, IReadOnlyList<ApexXAnnotation>? Xaxis = null);

/// <summary>A horizontal line at Y with a label.</summary>
public sealed record ApexYAnnotation(decimal Y, string BorderColor, ApexAnnotationLabel Label, int StrokeDashArray = 4);

/// <summary>A vertical line at X (a category or epoch milliseconds) with a label.</summary>
public sealed record ApexXAnnotation(string X, string BorderColor, ApexAnnotationLabel Label, int StrokeDashArray = 4);

/// <summary>An annotation's label.</summary>
public sealed record ApexAnnotationLabel(string Text, ApexLabelStyle Style, string? Position = null, string? TextAnchor = null, string? Orientation = null);

/// <summary>An annotation label's colours.</summary>
public sealed record ApexLabelStyle(string Color, string Background);

/// <summary>Legend.</summary>
public sealed record ApexLegend(bool Show, string Position = "top", string HorizontalAlign = "left");

/// <summary>Bar options.</summary>
public sealed record ApexPlotOptions(ApexBarOptions Bar);

/// <summary>Bars: horizontal for timelines; column width.</summary>
public sealed record ApexBarOptions(bool Horizontal, string? ColumnWidth = null, int BorderRadius = 0, bool RangeBarGroupRows = false);

/// <summary>Values written on the plot.</summary>
public sealed record ApexDataLabels(bool Enabled);

/// <summary>Tooltip: shared across series or one at a time.</summary>
public sealed record ApexTooltip(bool Shared, bool Intersect, ApexTooltipX? X = null);

/// <summary>How the tooltip writes dates on timelines.</summary>
public sealed record ApexTooltipX(string? Format = null);

/// <summary>light or dark.</summary>
public sealed record ApexTheme(string Mode);

/// <summary>
/// How the module formats values on the axis, tooltip and labels: grouped digits in the UI language, a fixed number
/// of decimals, then the unit (20,000人, 85.0%).
/// </summary>
public sealed record ApexValueFormat(string Locale, string Unit, int Decimals);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApexChartOptions))]
internal sealed partial class ApexJsonContext : JsonSerializerContext;
