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
    /// <summary>
    /// Status counts only approved figures, what the committee reviews is what the secretariat accepted, and reads
    /// every approved report up to the quarter: a milestone completed earlier stays 完了, an overdue one is 期限超過.
    /// </summary>
    public static PackRow Of(PackData data, BasicPolicy policy, Initiative initiative, Kpi kpi, FiscalQuarter q)
    {
        var definition = kpi.ToDto().ToDefinition();
        var standing = KpiGrades.Standing(definition, q, data.ApprovedOf(kpi), data.Current.Thresholds, data.Current.Grading, data.Current.LastQuarter);
        return new PackRow(policy, initiative, kpi, definition, q, data.EntryOf(kpi, q), KpiRules.ExpectedAt(definition, q), definition.InForceAt(q.EndDate).TargetFor(q.FiscalYear), standing.Status)
        {
            Latest = standing.Latest,
            Grade = standing.Grade,
        };
    }

    /// <summary>入力状態; an entry left 提出済 or 差戻し when its quarter was closed reads 未承認のまま締切.</summary>
    public string EntryStateText(PackData data) =>
        Entry is { State: EntryState.Submitted or EntryState.Returned } && data.Closed.Contains(Quarter)
            ? "未承認のまま締切"
            : ((EntryState?)Entry?.State).Japanese();

    /// <summary>評価区分: the latest approved figure up to the quarter graded by the plan's scale.</summary>
    public KpiGrade Grade { get; init; }

    /// <summary>The latest approved report at or before the quarter, with its quarter.</summary>
    public (FiscalQuarter Quarter, QuarterReport Report)? Latest { get; init; }

    /// <summary>未報告 this quarter with no approved figure ever (the others show an older one).</summary>
    public bool NeverReported => Status == KpiStatus.NotReported && Latest is null;

    /// <summary>The latest approved figure as text, with its quarter when it is older than the row's: 188手続（令和7年度 第2四半期）.</summary>
    public string LatestText => Latest is not { } latest
        ? "実績なし"
        : (Kpi.Kind switch
        {
            KpiKind.Milestone => latest.Report.Milestone?.Japanese() ?? "",
            KpiKind.MonitorOnly => "報告あり",
            _ => KpiFormat.Value(latest.Report.Value, Kpi.Unit),
        }) + (latest.Quarter == Quarter ? "" : $"（{latest.Quarter.ToJapaneseLabel()}）");

    /// <summary>
    /// The projection to the plan's last quarter from the approved figures up to this row's quarter, with those the KPI
    /// carries from the previous plan (as the KPI page fits it).
    /// </summary>
    public ForecastResult Forecast(PackData data)
    {
        var points = data.Carried[Kpi.Id].Where(f => f.Value is not null).Select(f => (f.FiscalQuarter, f.Value!.Value))
            .Concat(data.Current.Quarters().Where(x => x <= Quarter)
                .Select(x => (Quarter: x, Entry: data.EntryOf(Kpi, x)))
                .Where(x => x.Entry is { State: EntryState.Approved, Value: not null })
                .Select(x => (x.Quarter, x.Entry!.Value!.Value)))
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
