using Dashboard.Shared.Text;

namespace Dashboard.Client.Layout;

/// <summary>
/// The person's display choices: language (Japanese first, English switchable) and light or dark theme. Kept in
/// cookies, so the prerendered HTML already has them; the server reads them per request (and the WebAssembly mode at start-up).
/// </summary>
public sealed class UiPreferences
{
    /// <summary>ASP.NET Core's request-culture cookie.</summary>
    public const string CultureCookie = ".AspNetCore.Culture";

    /// <summary>"dark" or "light".</summary>
    public const string ThemeCookie = "dashboard-theme";

    /// <summary>The languages offered: Japanese first.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ja", "en"];

    /// <summary>Whether the dark palette is on.</summary>
    public bool DarkMode { get; set; }

    /// <summary>"ja" or "en", from the current UI culture.</summary>
    public static string Language => Wording.English ? "en" : "ja";

    /// <summary>Whether the UI is in English.</summary>
    public static bool IsEnglish => Wording.English;

    /// <summary>The culture name used for a language choice.</summary>
    public static string CultureOf(string language) => language == "en" ? "en" : "ja-JP";
}
