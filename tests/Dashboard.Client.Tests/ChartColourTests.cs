using Dashboard.Client.Features.Dashboards;
using Dashboard.Client.Layout;
using Dashboard.Client.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Utilities;

namespace Dashboard.Client.Tests;

/// <summary>
/// WCAG 1.4.11 for the KPI chart: every series (bars, expected path, targets, forecast) at least 3:1 against the
/// background it is drawn on, in both themes (the dark theme drew the light theme's blue bars at 1.7:1 and the
/// brown expected path at 1.6:1).
/// </summary>
public sealed class ChartColourTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EverySeriesStandsOutFromTheBackgroundByAtLeast3To1(bool dark)
    {
        var options = KpiCharts.Progress(SampleDashboards.OnlineDetail(8), dark, new KeyLocalizer());
        var palette = dark ? (Palette)DashboardTheme.Theme.PaletteDark : DashboardTheme.Theme.PaletteLight;

        Assert.NotNull(options.Colors);
        Assert.Equal(options.Series.Count, options.Colors!.Count);
        foreach (var background in new[] { palette.Background, palette.Surface })
        {
            foreach (var colour in options.Colors)
            {
                var ratio = Contrast(new MudColor(colour), background);
                Assert.True(ratio >= 3.0, $"{(dark ? "dark" : "light")}: {colour} on {background} is {ratio:0.00}:1");
            }
        }
    }

    private static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(MudColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));
    }

    /// <summary>Returns each key as its value: the chart's texts do not matter here.</summary>
    private sealed class KeyLocalizer : IStringLocalizer<UiText>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
