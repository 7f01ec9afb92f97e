using Dashboard.Client.Charts;
using Dashboard.Client.Layout;
using Dashboard.Client.Localization;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Microsoft.Extensions.Localization;

namespace Dashboard.Client.Features.Dashboards;

/// <summary>The KPI detail's charts as typed ApexCharts options: progress against the target path, and milestone timelines.</summary>
public static class KpiCharts
{
    /// <summary>
    /// Series colours per theme, each at least 3:1 against its background (1.4.11): on the dark background the light
    /// theme's blue bars measured 1.7:1 and the brown expected path 1.6:1.
    /// </summary>
    private sealed record Palette(string Actual, string Expected, string Target, string Forecast, string Baseline, string BaselineText);

    private static readonly Palette _light = new("#1a5fa8", "#8a4b00", "#b3261e", "#6a1b9a", "#5f6368", "#fff");
    private static readonly Palette _dark = new("#8ab4f8", "#ffb74d", "#f28b82", "#d7aefb", "#bdc1c6", "#0b1a2e");

    /// <summary>
    /// Columns of approved quarterly figures up to the chosen quarter; a line of the expected value per quarter over
    /// the whole plan; markers at each fiscal year's target; a dashed forecast from the last figure to the projected
    /// value at the plan's end; the baseline as a horizontal line.
    /// </summary>
    public static ApexChartOptions Progress(KpiDetailDto detail, bool dark, IStringLocalizer<UiText> t)
    {
        var kpi = detail.Kpi;
        var c = dark ? _dark : _light;
        var figures = detail.Quarters.Where(q => q.Figure?.Value is not null)
            .ToDictionary(q => new FiscalQuarter(q.FiscalYear, q.Quarter), q => q.Figure!.Value!.Value);

        // A KPI carried over from the previous plan: its figures there come first in the same column series, and a
        // line marks where this plan begins.
        var earlier = detail.Lineage?.EarlierFigures.Where(f => f.Value is not null).ToDictionary(f => f.FiscalQuarter, f => f.Value!.Value) ?? [];
        var quarters = EarlierQuarters(detail, earlier).Concat(PlanQuarters(detail)).ToList();
        var labels = quarters.Select(q => Labels.Quarter(q.FiscalYear, q.Quarter)).ToList();
        var actual = earlier.Concat(figures).ToDictionary(f => f.Key, f => f.Value);
        var expected = detail.ExpectedPath.ToDictionary(p => new FiscalQuarter(p.FiscalYear, p.Quarter), p => p.Value);
        var targets = kpi.Targets.ToDictionary(x => x.FiscalYear, x => x.Value);

        var series = new List<ApexSeries>
        {
            new(t["SeriesActual"], "column", quarters.Select((q, i) => new ApexPoint(labels[i], actual.TryGetValue(q, out var v) ? v : null)).ToList()),
            new(t["SeriesExpected"], "line", quarters.Select((q, i) => new ApexPoint(labels[i], expected.GetValueOrDefault(q))).ToList()),
            new(t["SeriesTarget"], "line", quarters.Select((q, i) =>
                new ApexPoint(labels[i], q.Quarter == 4 && targets.TryGetValue(q.FiscalYear, out var v) ? v : null)).ToList()),
        };
        // Widths, dashes, markers and colours follow the series: columns, expected path, targets, then the optional ones.
        var (widths, dashes, markers, colors) = (new List<int> { 0, 2, 0 }, new List<int> { 0, 5, 0 }, new List<int> { 0, 0, 7 }, new List<string> { c.Actual, c.Expected, c.Target });
        var forecast = ForecastLine(detail, quarters, actual);
        if (forecast is not null)
        {
            series.Add(new ApexSeries(t["SeriesForecast"], "line", quarters.Select((q, i) => new ApexPoint(labels[i], forecast.GetValueOrDefault(q))).ToList()));
            (widths, dashes, markers, colors) = ([.. widths, 2], [.. dashes, 3], [.. markers, 4], [.. colors, c.Forecast]);
        }

        // A revised target: the plan's own (当初) targets stay on the chart beside the revised ones, as hollow-looking
        // smaller markers in the baseline's grey.
        if (kpi.TargetHistory?.Any(v => !v.IsOriginal) == true)
        {
            var definition = kpi.ToDefinition();
            series.Add(new ApexSeries(t["SeriesOriginalTarget"], "line", quarters.Select((q, i) =>
                new ApexPoint(labels[i], q.Quarter == 4 ? definition.OriginalTargetFor(q.FiscalYear) : null)).ToList()));
            (widths, dashes, markers, colors) = ([.. widths, 0], [.. dashes, 0], [.. markers, 5], [.. colors, c.Baseline]);
        }

        var baselines = kpi.BaselineValue is { } baseline
            ? new List<ApexYAnnotation>
            {
                new(baseline, c.Baseline, new ApexAnnotationLabel(
                    t["BaselineLabel", KpiFormat.Value(baseline, kpi.Unit)].Value, new ApexLabelStyle(c.BaselineText, c.Baseline), TextAnchor: "start", Position: "left")),
            }
            : null;
        var boundary = earlier.Count > 0 && detail.Lineage?.Boundary is { } first
            ? new List<ApexXAnnotation>
            {
                new(Labels.ShortQuarter(first.FiscalYear, first.Quarter), c.Target, new ApexAnnotationLabel(
                    t["PlanBoundaryLabel"].Value, new ApexLabelStyle(c.BaselineText, c.Target), Position: "top", TextAnchor: "start", Orientation: "horizontal"), StrokeDashArray: 0),
            }
            : null;
        var annotations = baselines is null && boundary is null ? null : new ApexAnnotations(baselines, boundary);

        return new ApexChartOptions(
            Settings("line", 340, kpi.Code + "_" + kpi.Name, t, dark),
            series,
            new ApexXAxis("category", quarters.Select(q => Labels.ShortQuarter(q.FiscalYear, q.Quarter)).ToList()),
            YAxis: [new ApexYAxis(Min: kpi.Unit.StartsWith('%') ? 0 : null, Max: kpi.Unit.StartsWith('%') ? 100 : null)],
            Stroke: new ApexStroke(widths, dashes),
            Markers: new ApexMarkers(markers),
            Annotations: annotations,
            Colors: colors,
            Legend: new ApexLegend(true),
            PlotOptions: new ApexPlotOptions(new ApexBarOptions(false, "60%", 2)),
            DataLabels: new ApexDataLabels(false),
            Tooltip: new ApexTooltip(true, false),
            Theme: new ApexTheme(dark ? "dark" : "light"),
            ValueFormat: Format(kpi.Unit, actual.Values),
            NoData: t["NoFigures"]);
    }

    /// <summary>
    /// A milestone as a timeline: the due fiscal year as one bar, and the reported states quarter by quarter
    /// (未着手, 実施中, 完了) merged into spans, on a date axis.
    /// </summary>
    public static ApexChartOptions MilestoneTimeline(KpiDetailDto detail, bool dark, IStringLocalizer<UiText> t)
    {
        var kpi = detail.Kpi;
        var points = new List<ApexPoint>();
        if (kpi.MilestoneDueFiscalYear is { } due)
        {
            points.Add(new ApexPoint(t["TimelineDue"], null, [Epoch(new DateOnly(due, 4, 1)), Epoch(FiscalQuarter.FiscalYearEnd(due).AddDays(1))], (dark ? _dark : _light).Target));
        }

        var reported = detail.Quarters.Where(q => q.Figure?.Milestone is not null).ToList();
        for (var i = 0; i < reported.Count;)
        {
            var state = reported[i].Figure!.Milestone!.Value;
            var start = new FiscalQuarter(reported[i].FiscalYear, reported[i].Quarter);
            var end = start;
            while (++i < reported.Count && reported[i].Figure!.Milestone == state
                && new FiscalQuarter(reported[i].FiscalYear, reported[i].Quarter) == end.Next())
            {
                end = end.Next();
            }

            points.Add(new ApexPoint(t.Milestone(state), null, [Epoch(start.StartDate), Epoch(end.EndDate.AddDays(1))], StateColor(state)));
        }

        return new ApexChartOptions(
            Settings("rangeBar", 240, kpi.Code + "_" + kpi.Name, t, dark),
            [new ApexSeries(t["SeriesMilestone"], "rangeBar", points)],
            new ApexXAxis("datetime"),
            PlotOptions: new ApexPlotOptions(new ApexBarOptions(true, BorderRadius: 2, RangeBarGroupRows: false)),
            DataLabels: new ApexDataLabels(false),
            Tooltip: new ApexTooltip(false, true, new ApexTooltipX("yyyy/MM/dd")),
            Legend: new ApexLegend(false),
            Theme: new ApexTheme(dark ? "dark" : "light"),
            NoData: t["NoFigures"]);
    }

    /// <summary>The previous plan's quarters from its first figure up to this plan's first quarter; none without earlier figures.</summary>
    private static IEnumerable<FiscalQuarter> EarlierQuarters(KpiDetailDto detail, Dictionary<FiscalQuarter, decimal> earlier)
    {
        if (earlier.Count == 0)
        {
            yield break;
        }

        for (var q = earlier.Keys.MinBy(k => k.Ordinal); q < detail.PlanFirst.FiscalQuarter; q = q.Next())
        {
            yield return q;
        }
    }

    private static List<FiscalQuarter> PlanQuarters(KpiDetailDto detail)
    {
        var list = new List<FiscalQuarter>();
        for (var q = detail.PlanFirst.FiscalQuarter; q <= detail.PlanLast.FiscalQuarter; q = q.Next())
        {
            list.Add(q);
        }

        return list;
    }

    // Straight from the last approved figure to the projected value at the plan's last quarter.
    private static Dictionary<FiscalQuarter, decimal?>? ForecastLine(KpiDetailDto detail, List<FiscalQuarter> quarters, Dictionary<FiscalQuarter, decimal> figures)
    {
        if (detail.Forecast.ProjectedValue is not { } projected || figures.Count == 0)
        {
            return null;
        }

        var (from, value) = figures.MaxBy(f => f.Key.Ordinal);
        var to = detail.PlanLast.FiscalQuarter;
        var steps = to.Ordinal - from.Ordinal;
        return quarters.Where(q => q >= from).ToDictionary(q => q, q => (decimal?)Math.Round(value + ((projected - value) * (q.Ordinal - from.Ordinal) / steps), 2));
    }

    private static ApexChartSettings Settings(string type, int height, string fileName, IStringLocalizer<UiText> t, bool dark)
    {
        var export = new ApexToolbarExport(new ApexExportFile(fileName, t["Quarter"]), new ApexExportFile(fileName), new ApexExportFile(fileName));
        return new ApexChartSettings(
            type,
            height,
            UiPreferences.Language,
            [UiPreferences.IsEnglish ? ApexLocales.English : ApexLocales.Japanese],
            new ApexToolbar(true, new ApexToolbarTools(Download: true), export),
            ForeColor: dark ? "#e0e0e0" : "#424242",
            FontFamily: "inherit",
            Animations: new ApexAnimations(false),
            Zoom: new ApexZoom(false));
    }

    private static ApexValueFormat Format(string unit, IEnumerable<decimal> values) => new(
        UiPreferences.IsEnglish ? "en-US" : "ja-JP",
        unit,
        unit.StartsWith('%') ? 1 : values.Any(v => decimal.Truncate(v) != v) ? 1 : 0);

    private static string StateColor(MilestoneState state) => state switch
    {
        MilestoneState.Done => "#1b6e2f",
        MilestoneState.InProgress => "#0b5cad",
        _ => "#757575",
    };

    private static long Epoch(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
