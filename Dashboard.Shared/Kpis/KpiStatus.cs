using System.Text.Json.Serialization;

namespace Dashboard.Shared.Kpis;

/// <summary>How a KPI stands in a quarter, as the committee reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiStatus>))]
public enum KpiStatus
{
    /// <summary>達成: the fiscal year's target is met.</summary>
    Achieved,

    /// <summary>順調: at or above the on-track share of the expected progress.</summary>
    OnTrack,

    /// <summary>注意: between the caution and on-track shares.</summary>
    Caution,

    /// <summary>遅延: below the caution share, or a zero target missed.</summary>
    Delayed,

    /// <summary>未報告: nothing reported for the quarter.</summary>
    NotReported,

    /// <summary>完了: a milestone is done.</summary>
    Completed,

    /// <summary>予定どおり: a milestone not yet done, before its due fiscal year has ended.</summary>
    Scheduled,

    /// <summary>期限超過: a milestone not done after its due fiscal year.</summary>
    Overdue,

    /// <summary>報告済: a monitor-only KPI was reported.</summary>
    Reported,

    /// <summary>目標なし: a figure was reported, but no target applies to the quarter yet.</summary>
    NoTarget,
}

/// <summary>
/// The shares of expected progress that separate 順調 / 注意 / 遅延, set per plan.
/// </summary>
/// <param name="OnTrack">At or above this achievement of the quarter's expected value: 順調 (default 0.95).</param>
/// <param name="Caution">At or above this, below on-track: 注意; below it: 遅延 (default 0.80).</param>
public sealed record StatusThresholds(decimal OnTrack, decimal Caution)
{
    /// <summary>95% / 80%.</summary>
    public static StatusThresholds Default { get; } = new(0.95m, 0.80m);

    /// <summary>Whether the thresholds make sense: 0 &lt; caution &lt;= on-track &lt;= 1.</summary>
    public bool IsValid => Caution > 0 && Caution <= OnTrack && OnTrack <= 1;
}

/// <summary>Japanese and English names of statuses.</summary>
public static class KpiStatusLabels
{
    /// <summary>達成, 順調, ...</summary>
    public static string Japanese(this KpiStatus status) => status switch
    {
        KpiStatus.Achieved => "達成",
        KpiStatus.OnTrack => "順調",
        KpiStatus.Caution => "注意",
        KpiStatus.Delayed => "遅延",
        KpiStatus.NotReported => "未報告",
        KpiStatus.Completed => "完了",
        KpiStatus.Scheduled => "予定どおり",
        KpiStatus.Overdue => "期限超過",
        KpiStatus.Reported => "報告済",
        KpiStatus.NoTarget => "目標なし",
        _ => status.ToString(),
    };

    /// <summary>Achieved, On track, ...</summary>
    public static string English(this KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "On track",
        KpiStatus.NotReported => "Not reported",
        KpiStatus.NoTarget => "No target",
        _ => status.ToString(),
    };

    /// <summary>The name in the language of the messages (<see cref="Text.Wording"/>).</summary>
    public static string Named(this KpiStatus status) => Text.Wording.English ? status.English() : status.Japanese();
}
