namespace Dashboard.Shared.Dashboards;

/// <summary>Reads the dashboards. The server computes them over the database (the default, interactive server pages), the WebAssembly mode asks the API.</summary>
public interface IDashboardService
{
    /// <summary>The overview at the end of a quarter; the reporting quarter when none is given. Null when the plan or quarter is unknown.</summary>
    Task<OverviewDto?> GetOverviewAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>Initiatives × quarters up to the reporting quarter. Null when no plan is loaded.</summary>
    Task<HeatmapDto?> GetHeatmapAsync(int? fiscalYear = null, int? quarter = null, CancellationToken cancellationToken = default);

    /// <summary>One KPI up to a quarter. Null when the KPI or quarter is unknown.</summary>
    Task<KpiDetailDto?> GetKpiDetailAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);

    /// <summary>A department's KPIs at a quarter; an empty code means the first department that owns KPIs. Null when the department or quarter is unknown.</summary>
    Task<DepartmentViewDto?> GetDepartmentAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default);
}
