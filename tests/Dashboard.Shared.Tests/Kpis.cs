using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

/// <summary>KPIs shaped like the real ones in Goshogawara City's plan.</summary>
internal static class Kpis
{
    public static readonly KpiDefinition OnlineProcedures = new(
        KpiKind.Cumulative, KpiDirection.HigherIsBetter, 61m, new DateOnly(2022, 10, 1),
        [new(2022, 100m), new(2023, 140m), new(2024, 170m), new(2025, 200m)]);

    public static readonly KpiDefinition SnsSubscribers = new(
        KpiKind.Stock, KpiDirection.HigherIsBetter, 14000m, new DateOnly(2022, 4, 1),
        [new(2022, 17000m), new(2023, 18000m), new(2024, 19000m), new(2025, 20000m)]);

    public static readonly KpiDefinition CardUptake = new(
        KpiKind.Percentage, KpiDirection.HigherIsBetter, null, null, [new(2022, 100m)]);

    /// <summary>Counter cash payments as an index, FY2021 = 100, halved by FY2025; no target for FY2022-2024.</summary>
    public static readonly KpiDefinition CashPayments = new(
        KpiKind.Reduction, KpiDirection.LowerIsBetter, 100m, new DateOnly(2022, 3, 31), [new(2025, 50m)]);

    public static readonly KpiDefinition CyberAttackDamage = new(
        KpiKind.ZeroTarget, KpiDirection.LowerIsBetter, null, null,
        [new(2022, 0m), new(2023, 0m), new(2024, 0m), new(2025, 0m)]);

    public static readonly KpiDefinition OnlineElectronicPayment = new(
        KpiKind.Milestone, KpiDirection.HigherIsBetter, null, null, [], MilestoneDueFiscalYear: 2023);

    public static readonly KpiDefinition SmartphoneClasses = new(
        KpiKind.MonitorOnly, KpiDirection.HigherIsBetter, null, null, []);

    /// <summary>A stock KPI whose target is the baseline: hold the level.</summary>
    public static readonly KpiDefinition HoldTheLevel = new(
        KpiKind.Stock, KpiDirection.HigherIsBetter, 500m, new DateOnly(2022, 4, 1), [new(2022, 500m), new(2023, 500m)]);

    public static KpiDefinition Named(string name) => name switch
    {
        nameof(OnlineProcedures) => OnlineProcedures,
        nameof(SnsSubscribers) => SnsSubscribers,
        nameof(CardUptake) => CardUptake,
        nameof(CashPayments) => CashPayments,
        nameof(CyberAttackDamage) => CyberAttackDamage,
        nameof(OnlineElectronicPayment) => OnlineElectronicPayment,
        nameof(SmartphoneClasses) => SmartphoneClasses,
        nameof(HoldTheLevel) => HoldTheLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
