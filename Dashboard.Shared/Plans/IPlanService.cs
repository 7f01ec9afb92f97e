using Dashboard.Shared.Kpis;
using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Plans;

/// <summary>Reads plans. The server implements it over the database, the WebAssembly client over the API.</summary>
public interface IPlanService
{
    /// <summary>The plan marked current, or null when none is loaded.</summary>
    Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the current plan's 評価区分 scheme and thresholds (planners; audited). Field errors, empty when saved.</summary>
    Task<IReadOnlyDictionary<string, string[]>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default);

    /// <summary>Records a revision (改訂) of the current plan, extending its period when asked (planners; audited).</summary>
    Task<Outcome<PlanRevisionDto>> ReviseAsync(PlanRevisionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records a revised target for a KPI and fiscal year; the plan's own value is kept (planners; audited).</summary>
    Task<Outcome<KpiDto>> ReviseTargetAsync(string kpiCode, int fiscalYear, TargetRevisionRequest request, CancellationToken cancellationToken = default);
}
