using Dashboard.Server.Data;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Features.Exports;

/// <summary>One KPI in one quarter, computed by the KPI rules: what every sheet of the pack is made of.</summary>
public sealed record PackRow(
    BasicPolicy Policy,
    Initiative Initiative,
    Kpi Kpi,
    KpiDefinition Definition,
    FiscalQuarter Quarter,
    QuarterlyEntry? Entry,
    decimal? Expected,
    decimal? YearTarget,
    KpiStatus Status)
{
    /// <summary>Status counts only approved figures: what the committee reviews is what the secretariat accepted.</summary>
    public static PackRow Of(PackData data, BasicPolicy policy, Initiative initiative, Kpi kpi, FiscalQuarter q)
    {
        var definition = kpi.ToDto().ToDefinition();
        var entry = data.EntryOf(kpi, q);
        var approved = entry is { State: EntryState.Approved } ? entry : null;
        var report = approved is null ? null : new QuarterReport(approved.Value, approved.MilestoneState, Reported: true);
        return new PackRow(policy, initiative, kpi, definition, q, entry, KpiRules.ExpectedAt(definition, q), definition.TargetFor(q.FiscalYear),
            KpiRules.Status(definition, q, report, data.Current.Thresholds));
    }

    /// <summary>The projection to the plan's last quarter from the approved figures up to this row's quarter (summary only).</summary>
    public ForecastResult Forecast(PackData data)
    {
        var points = data.Current.Quarters().Where(x => x <= Quarter)
            .Select(x => (Quarter: x, Entry: data.EntryOf(Kpi, x)))
            .Where(x => x.Entry is { State: EntryState.Approved, Value: not null })
            .Select(x => (x.Quarter, x.Entry!.Value!.Value))
            .ToList();
        return KpiForecast.Project(Definition, points, data.Current.LastQuarter);
    }

    public decimal? ApprovedValue => Entry is { State: EntryState.Approved } ? Entry.Value : null;

    public string Figure => Kpi.Kind switch
    {
        KpiKind.Milestone => Entry?.MilestoneState?.Japanese() ?? "",
        KpiKind.MonitorOnly => string.IsNullOrEmpty(Entry?.Done) ? "" : "報告あり",
        _ => "",
    };

    public static string ForecastText(ForecastResult forecast) => forecast switch
    {
        { IsAvailable: true, WillMeetFinalTarget: true } => "達成見込み",
        { IsAvailable: true, WillMeetFinalTarget: false } => "未達の見込み",
        { IsAvailable: true } => "",
        { Refusal: ForecastRefusal.TooFewPoints } => $"実績{forecast.PointsUsed}点（{forecast.PointsRequired}点必要）",
        { Refusal: ForecastRefusal.PlanEnded } => "計画期間終了",
        _ => "対象外",
    };
}
