using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dashboard.Client.Tests;

/// <summary>Pages render in Japanese unless a test chooses English, whatever the machine's locale.</summary>
internal static class UiCulture
{
    [ModuleInitializer]
    internal static void Japanese() => Use("ja-JP");

    public static void Use(string name)
    {
        var culture = new CultureInfo(name);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
