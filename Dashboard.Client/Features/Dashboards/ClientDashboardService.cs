using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Features.Dashboards;

/// <summary>The dashboards over the API; a 404 (unknown KPI, department or quarter) reads as null.</summary>
public sealed class ClientDashboardService(HttpClient http) : IDashboardService
{
    public Task<OverviewDto?> GetOverviewAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        GetAsync<OverviewDto>("api/dashboard/overview" + Query(fiscalYear, quarter), cancellationToken);

    public Task<HeatmapDto?> GetHeatmapAsync(int? fiscalYear = null, int? quarter = null, CancellationToken cancellationToken = default) =>
        GetAsync<HeatmapDto>("api/dashboard/heatmap" + Query(fiscalYear, quarter), cancellationToken);

    public Task<KpiDetailDto?> GetKpiDetailAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        GetAsync<KpiDetailDto>($"api/dashboard/kpis/{Uri.EscapeDataString(code)}" + Query(fiscalYear, quarter), cancellationToken);

    public Task<DepartmentViewDto?> GetDepartmentAsync(string code, int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) =>
        GetAsync<DepartmentViewDto>(
            (code.Length == 0 ? "api/dashboard/departments" : $"api/dashboard/departments/{Uri.EscapeDataString(code)}") + Query(fiscalYear, quarter),
            cancellationToken);

    private static string Query(int? fiscalYear, int? quarter) =>
        fiscalYear is { } fy && quarter is { } q ? $"?{QuarterAddress.Query(fy, q)}" : "";

    private async Task<T?> GetAsync<T>(string url, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }
}
