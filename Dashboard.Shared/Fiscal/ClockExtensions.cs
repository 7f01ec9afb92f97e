namespace Dashboard.Shared.Fiscal;

/// <summary>The app's date from its clock, in one place.</summary>
public static class ClockExtensions
{
    /// <summary>
    /// Today in Japan, whatever time zone the server or the browser is set to: the fiscal year, the reporting quarter
    /// and every due date are Japanese dates. Features read it through <c>PlanQuarters.Today</c>.
    /// </summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(JapanTime.FromUtc(clock.GetUtcNow().UtcDateTime));
}
