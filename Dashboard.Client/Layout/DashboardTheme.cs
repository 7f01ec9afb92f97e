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
            Secondary = "#00796b",
            AppbarBackground = "#1a5fa8",
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
