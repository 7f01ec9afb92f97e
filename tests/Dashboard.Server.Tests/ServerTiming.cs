using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Server.Tests;

/// <summary>The SQL query count the app writes in its Server-Timing header.</summary>
internal static partial class ServerTiming
{
    public static int Queries(HttpResponseMessage response) =>
        int.Parse(QueriesPattern().Match(string.Join(",", response.Headers.GetValues("Server-Timing"))).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("queries=(\\d+)")]
    private static partial Regex QueriesPattern();
}
