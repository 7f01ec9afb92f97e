using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dashboard.Server.Tests;

/// <summary>Messages are Japanese in every test, whatever the machine's locale, as the server makes them for people who did not choose English.</summary>
internal static class RuleCulture
{
    [ModuleInitializer]
    internal static void Japanese() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = new CultureInfo("ja-JP");
}
