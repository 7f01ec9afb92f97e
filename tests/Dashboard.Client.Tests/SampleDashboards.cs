using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Tests;

/// <summary>Dashboards built through the real rules from known figures.</summary>
internal static class SampleDashboards
{
    public static readonly DepartmentDto Kikaku = new("kikaku", "企画課", IsSample: false);
    public static readonly DepartmentDto Kaikei = new("kaikei", "会計課", IsSample: false);

    public static readonly KpiDto Online = new("I01-K1", "オンライン化した行政手続の数", KpiKind.Cumulative, KpiDirection.HigherIsBetter, "手続",
        61m, new DateOnly(2022, 10, 1), [new(2022, 100m), new(2023, 140m), new(2024, 170m), new(2025, 200m)], null, [Kikaku], null, null);

    public static readonly KpiDto Cash = new("I02-K5", "会計課出納窓口の現金納付件数（令和3年度=100）", KpiKind.Reduction, KpiDirection.LowerIsBetter, "",
        100m, new DateOnly(2022, 3, 31), [new(2025, 50m)], null, [Kaikei], null, null);

    public static readonly KpiDto Payment = new("I02-K2", "オンラインによる行政手続への電子収納の導入", KpiKind.Milestone, KpiDirection.HigherIsBetter, "",
        null, null, [], 2023, [Kikaku], null, null);

    /// <summary>I01-K1 from FY2022 Q3 on, as in the sample figures.</summary>
    public static readonly decimal[] OnlineSeries = [75, 96, 108, 119, 128, 137, 145, 152, 160, 166, 172, 180];

    public static List<QuarterFigure> OnlineFigures(int count) =>
        OnlineSeries.Take(count).Select((v, i) => FiscalQuarter.FromOrdinal(new FiscalQuarter(2022, 3).Ordinal + i))
            .Zip(OnlineSeries, (q, v) => new QuarterFigure(q.FiscalYear, q.Quarter, v, null, IsSample: true)).ToList();

    public static OverviewDto Overview(int fiscalYear, int quarter)
    {
        var q = new FiscalQuarter(fiscalYear, quarter);
        var t = StatusThresholds.Default;
        var online = DashboardRules.Row(Online, OnlineFigures(OnlineSeries.Length), q, t, null);
        var cash = DashboardRules.Row(Cash, [], q, t, EntryState.Submitted);
        var payment = DashboardRules.Row(Payment, [new QuarterFigure(2023, 2, null, MilestoneState.InProgress, false), new QuarterFigure(fiscalYear, quarter, null, MilestoneState.Done, false)], q, t, null);
        return new OverviewDto("五所川原市DX推進計画（テスト）", fiscalYear, quarter, [2022, 2023, 2024, 2025], 2025, 4, [Kaikei, Kikaku],
        [
            new OverviewPolicyDto(1, "利用者にとって便利な行政サービスの実現",
            [
                new OverviewInitiativeDto(1, "行政手続のオンライン化", [online]),
                new OverviewInitiativeDto(2, "民間サービスを活用した利便性向上", [payment, cash]),
            ]),
        ]);
    }

    /// <summary>会計課 at FY2025 Q2: the cash KPI not reported yet.</summary>
    public static DepartmentViewDto Kaikei2025Q2()
    {
        var cash = DashboardRules.Row(Cash, [], new FiscalQuarter(2025, 2), StatusThresholds.Default, null);
        return new DepartmentViewDto(Kaikei, [Kaikei, Kikaku], [2022, 2023, 2024, 2025], 2025, 2,
            [new DepartmentKpiDto(2, "民間サービスを活用した利便性向上", cash, 2025, 50m)]);
    }

    public static KpiDetailDto OnlineDetail(int quarters)
    {
        var figures = OnlineFigures(quarters);
        var first = new FiscalQuarter(2022, 3);
        var last = new FiscalQuarter(2025, 4);
        var asOf = FiscalQuarter.FromOrdinal(first.Ordinal + quarters - 1);
        var definition = Online.ToDefinition();
        var rows = figures.Select(f => new KpiQuarterDto(f.FiscalYear, f.Quarter, f, KpiRules.ExpectedAt(definition, f.FiscalQuarter),
            KpiRules.AchievementOfYear(definition, f.FiscalQuarter, f.Value!.Value), DashboardRules.StatusOf(definition, f.FiscalQuarter, figures, StatusThresholds.Default),
            null, f.FiscalQuarter == asOf ? "電子申請を3手続追加" : null, f.FiscalQuarter == asOf ? "目標経路をやや下回る" : null, null)).ToList();
        var path = Enumerable.Range(first.Ordinal, last.Ordinal - first.Ordinal + 1).Select(FiscalQuarter.FromOrdinal)
            .Select(q => new ExpectedPointDto(q.FiscalYear, q.Quarter, KpiRules.ExpectedAt(definition, q))).ToList();
        return new KpiDetailDto(Online, 1, 1, "行政手続のオンライン化", asOf.FiscalYear, asOf.Quarter, new QuarterRef(2022, 3), new QuarterRef(2025, 4),
            rows, path, DashboardRules.Forecast(definition, figures, last));
    }
}

/// <summary>Answers with fixed dashboards and counts the calls.</summary>
internal sealed class FixedDashboardService(
    Func<int?, int?, OverviewDto?>? overview = null, KpiDetailDto? detail = null, HeatmapDto? heatmap = null,
    Func<string, DepartmentViewDto?>? department = null) : IDashboardService
{
    public List<string> Calls { get; } = [];

    public Task<OverviewDto?> GetOverviewAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        Calls.Add($"overview {fiscalYear} {quarter}");
        return Task.FromResult(overview?.Invoke(fiscalYear, quarter));
    }

    public Task<HeatmapDto?> GetHeatmapAsync(int? fiscalYear = null, int? quarter = null, CancellationToken cancellationToken = default) => Task.FromResult(heatmap);

    public Task<KpiDetailDto?> GetKpiDetailAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        Task.FromResult(code == detail?.Kpi.Code ? detail : null);

    public Task<DepartmentViewDto?> GetDepartmentAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default)
    {
        Calls.Add($"department {code} {fiscalYear} {quarter}");
        return Task.FromResult(department?.Invoke(code));
    }
}
