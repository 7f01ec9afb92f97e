namespace Dashboard.Shared.Fiscal;

/// <summary>Times are stored in UTC and shown in Japan Standard Time (UTC+9, no daylight saving).</summary>
public static class JapanTime
{
    private static readonly TimeSpan _offset = TimeSpan.FromHours(9);

    /// <summary>The JST clock time of a UTC time.</summary>
    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(_offset);

    /// <summary>2026/03/02 14:05 (JST).</summary>
    public static string Format(DateTime utc, string format = "yyyy/MM/dd HH:mm") =>
        FromUtc(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
