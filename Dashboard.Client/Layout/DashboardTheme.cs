using MudBlazor;

namespace Dashboard.Client.Layout;

/// <summary>The one theme, light and dark.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a5fa8",
            Secondary = "#00695c",
            AppbarBackground = "#1a5fa8",

            // Darker than MudBlazor's defaults so that text on them and beside them meets WCAG AA (4.5:1).
            Info = "#0b5cad",
            Success = "#1b6e2f",
            Warning = "#8a4b00",
            Error = "#b3261e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2f0",
            Secondary = "#4db6ac",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "system-ui", "sans-serif"],
            },
        },
    };
}
