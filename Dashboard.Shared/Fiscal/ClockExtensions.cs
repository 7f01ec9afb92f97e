namespace Dashboard.Shared.Fiscal;

/// <summary>The app's date from its clock, in one place.</summary>
public static class ClockExtensions
{
    /// <summary>Today on the clock's local time zone (the server runs in Japan time).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
