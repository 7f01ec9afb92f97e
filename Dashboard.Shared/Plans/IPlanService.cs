using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Plans;

/// <summary>Reads plans. The server implements it over the database, the WebAssembly client over the API.</summary>
public interface IPlanService
{
    /// <summary>The plan marked current, or null when none is loaded.</summary>
    Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the current plan's 評価区分 scheme and thresholds (planners; audited). Field errors, empty when saved.</summary>
    Task<IReadOnlyDictionary<string, string[]>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default);
}
