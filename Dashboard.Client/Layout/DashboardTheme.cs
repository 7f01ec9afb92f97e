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
        // Dark: light accents carry dark text (the app bar was white on #7fb2f0, 2.2:1); secondary text is brighter
        // than MudBlazor's 50% white so that it, too, meets 4.5:1 on the dark surfaces.
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            PrimaryContrastText = "#0b1a2e",
            Secondary = "#80cbc4",
            SecondaryContrastText = "#061a18",
            AppbarBackground = "#8ab4f8",
            AppbarText = "#0b1a2e",
            Info = "#8ab4f8",
            InfoContrastText = "#0b1a2e",
            Success = "#81c995",
            SuccessContrastText = "#0b1f10",
            Warning = "#fdd663",
            WarningContrastText = "#2a1e00",
            Error = "#f28b82",
            ErrorContrastText = "#2a0b09",
            // Dark themes draw tinted alerts and outlined chips in the "darken" shade: make it lighter, not darker.
            PrimaryDarken = "#aecbfa",
            SecondaryDarken = "#80cbc4",
            InfoDarken = "#aecbfa",
            SuccessDarken = "#a8dab5",
            WarningDarken = "#fde293",
            ErrorDarken = "#f6aea9",
            TextPrimary = "rgba(255,255,255,0.90)",
            TextSecondary = "rgba(255,255,255,0.74)",
            TextDisabled = "rgba(255,255,255,0.55)",
            ActionDefault = "rgba(255,255,255,0.80)",
            DrawerText = "rgba(255,255,255,0.80)",
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
