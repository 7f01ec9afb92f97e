using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dashboard.Server.Tests;

/// <summary>Messages are in Japanese unless a test chooses English, whatever the machine's locale (as the server sets it).</summary>
internal static class RuleCulture
{
    [ModuleInitializer]
    internal static void Japanese() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = new CultureInfo("ja-JP");

    /// <summary>English messages until disposed, on this test's thread only.</summary>
    public static IDisposable English()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        return new Restore(before);
    }

    private sealed class Restore(CultureInfo before) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = before;
    }
}
