namespace Dashboard.Shared.Plans;

/// <summary>Reads plans. The server implements it over the database, the WebAssembly client over the API.</summary>
public interface IPlanService
{
    /// <summary>The plan marked current, or null when none is loaded.</summary>
    Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default);
}
