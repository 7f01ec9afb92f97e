using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dashboard.Client.Tests;

/// <summary>Pages render in Japanese unless a test chooses English, whatever the machine's locale.</summary>
internal static class UiCulture
{
    [ModuleInitializer]
    internal static void Japanese()
    {
        var culture = new CultureInfo("ja-JP");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        Use("ja-JP");
    }

    /// <summary>For the running test only (other test classes run in parallel with the process default).</summary>
    public static void Use(string name)
    {
        var culture = new CultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
