using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Tests;

/// <summary>A small plan with known numbers, shaped like the city's.</summary>
internal static class SamplePlans
{
    public static PlanDto Plan(bool withSamples)
    {
        var kikaku = new DepartmentDto("kikaku", "企画課", IsSample: true);
        var online = new KpiDto("I01-K1", "オンライン化した行政手続の数", KpiKind.Cumulative, KpiDirection.HigherIsBetter, "手続",
            61m, new DateOnly(2022, 10, 1), [new(2022, 100m), new(2023, 140m), new(2024, 170m), new(2025, 200m)], null, [kikaku],
            "成果目標(1)", null, withSamples ? new LatestFigureDto(2025, 3, 188m, null, IsSample: true) : null);
        var tax = new KpiDto("I02-K3", "市税の納付への電子収納の導入", KpiKind.Milestone, KpiDirection.HigherIsBetter, "",
            null, null, [], 2024, [new DepartmentDto("zeimu", "税務課", IsSample: true)], null, "工程表に従った。",
            withSamples ? new LatestFigureDto(2025, 1, null, MilestoneState.InProgress, IsSample: true) : null);
        return new PlanDto("test-plan", "五所川原市DX推進計画（テスト）", new DateOnly(2022, 10, 1), new DateOnly(2026, 3, 31),
            [2022, 2023, 2024, 2025], true, StatusThresholds.Default, [new PlanRevisionDto(new DateOnly(2022, 10, 1), "策定")],
            [new PolicyDto(1, "利用者にとって便利な行政サービスの実現", "市民の利便性の向上",
            [
                new InitiativeDto(1, "行政手続のオンライン化", null, [online]),
                new InitiativeDto(2, "民間サービスを活用した利便性向上", null, [tax]),
            ])]);
    }
}
