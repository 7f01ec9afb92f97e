using System.Globalization;

namespace Dashboard.Shared.Kpis;

/// <summary>Numbers and names formatted for people: 20,000人, 85.0%, 令和7年度.</summary>
public static class KpiFormat
{
    // ja-JP groups and points numbers as the invariant culture does, and needs no ICU data in WebAssembly.
    private static readonly CultureInfo _numbers = CultureInfo.InvariantCulture;

    /// <summary>20,000人; 85.0%; 12.5件 (decimals shown only when there are any, except for percentages).</summary>
    public static string Value(decimal? value, string unit)
    {
        if (value is not { } v)
        {
            return "—";
        }

        if (unit.StartsWith('%'))
        {
            return v.ToString("N1", _numbers) + unit;
        }

        var format = decimal.Truncate(v) == v ? "N0" : "#,##0.##";
        return v.ToString(format, _numbers) + unit;
    }

    /// <summary>
    /// An expected value on the target path, to one decimal (185.04 -> 185手続, 177.48 -> 177.5手続): the path is a
    /// straight line by days, and more digits would pretend to a precision the plan does not have. Halves round up (四捨五入).
    /// </summary>
    public static string Expected(decimal? value, string unit) => Value(value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null, unit);

    /// <summary>An achievement share as 85.0%.</summary>
    public static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("N1", _numbers) + "%" : "—";

    /// <summary>累計, 現在値, ...</summary>
    public static string Japanese(this KpiKind kind) => kind switch
    {
        KpiKind.Cumulative => "累計",
        KpiKind.Stock => "現在値",
        KpiKind.Percentage => "割合",
        KpiKind.Reduction => "削減（基準比）",
        KpiKind.ZeroTarget => "ゼロ目標",
        KpiKind.Milestone => "マイルストーン",
        KpiKind.MonitorOnly => "実施状況",
        _ => kind.ToString(),
    };

    /// <summary>高いほど良い / 低いほど良い.</summary>
    public static string Japanese(this KpiDirection direction) =>
        direction == KpiDirection.HigherIsBetter ? "高いほど良い" : "低いほど良い";

    /// <summary>未着手 / 実施中 / 完了.</summary>
    public static string Japanese(this MilestoneState state) => state switch
    {
        MilestoneState.NotStarted => "未着手",
        MilestoneState.InProgress => "実施中",
        MilestoneState.Done => "完了",
        _ => state.ToString(),
    };
}
