using System.Text.Json.Serialization;

namespace Dashboard.Shared.Kpis;

/// <summary>The kinds of outcome target (成果目標) the city's plans really have.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiKind>))]
public enum KpiKind
{
    /// <summary>A running total with yearly targets (online procedures: 100/140/170/200).</summary>
    Cumulative,

    /// <summary>A level measured at a date (SNS subscribers 1.4万 → 2万).</summary>
    Stock,

    /// <summary>A share from 0 to 100 (My Number card uptake).</summary>
    Percentage,

    /// <summary>To be brought down from a baseline (counter cash payments halved against FY2021). Lower is better.</summary>
    Reduction,

    /// <summary>Must stay at zero (cyber-attack damage). Lower is better.</summary>
    ZeroTarget,

    /// <summary>Done or not by a fiscal year (electronic payment at the counter by FY2025).</summary>
    Milestone,

    /// <summary>An activity reported without a number to reach (smartphone classes held).</summary>
    MonitorOnly,
}

/// <summary>Which way is good.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiDirection>))]
public enum KpiDirection
{
    /// <summary>More is better.</summary>
    HigherIsBetter,

    /// <summary>Less is better.</summary>
    LowerIsBetter,
}

/// <summary>Where a milestone stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MilestoneState>))]
public enum MilestoneState
{
    /// <summary>未着手.</summary>
    NotStarted,

    /// <summary>実施中.</summary>
    InProgress,

    /// <summary>完了.</summary>
    Done,
}

/// <summary>Extensions that say what a kind implies.</summary>
public static class KpiKindExtensions
{
    /// <summary>Whether the KPI is reported as a number compared against a target path.</summary>
    public static bool HasTargetPath(this KpiKind kind) =>
        kind is KpiKind.Cumulative or KpiKind.Stock or KpiKind.Percentage or KpiKind.Reduction;

    /// <summary>Whether a figure is entered for the KPI at all.</summary>
    public static bool IsNumeric(this KpiKind kind) => kind.HasTargetPath() || kind == KpiKind.ZeroTarget;

    /// <summary>Counts of things or people: whole numbers only.</summary>
    public static bool IsCount(this KpiKind kind) => kind is KpiKind.Cumulative or KpiKind.Stock or KpiKind.ZeroTarget;

    /// <summary>The only direction a kind allows, or null when either is allowed.</summary>
    public static KpiDirection? RequiredDirection(this KpiKind kind) => kind switch
    {
        KpiKind.Reduction or KpiKind.ZeroTarget => KpiDirection.LowerIsBetter,
        KpiKind.Cumulative => KpiDirection.HigherIsBetter,
        _ => null,
    };
}
