using Dashboard.Shared.Problems;
using Dashboard.Server.Features.Problems;
using Microsoft.AspNetCore.Mvc;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Dashboards;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("Dashboards").RequireAuthorization(Policies.ViewDashboards);
        group.MapGet("/overview", GetOverview)
            .WithName(nameof(GetOverview))
            .WithSummary("Every KPI at the end of a quarter (fy, q; the reporting quarter by default).");
        group.MapGet("/heatmap", GetHeatmap)
            .WithName(nameof(GetHeatmap))
            .WithSummary("Initiatives × quarters of the plan covering fy/q (the current plan by default) up to the reporting quarter, coloured by the worst status.");
        group.MapGet("/kpis/{code}", GetKpiDetail)
            .WithName(nameof(GetKpiDetail))
            .WithSummary("One KPI's quarters up to fy/q with PDCA notes, the target path and the forecast.");
        group.MapGet("/departments", GetFirstDepartment)
            .WithName(nameof(GetFirstDepartment))
            .WithSummary("The department view of the first department that owns KPIs.");
        group.MapGet("/departments/{code}", GetDepartment)
            .WithName(nameof(GetDepartment))
            .WithSummary("The KPIs a department owns at a quarter, and what is due next.");
        return app;
    }

    // The views come with their JSON cached per data version: the same bytes for everyone who may see them.
    public static async Task<Results<CachedJson<OverviewDto>, ProblemHttpResult>> GetOverview(
        ServerDashboardService dashboards, [FromQuery(Name = QuarterAddress.FiscalYear)] int? fy, [FromQuery(Name = QuarterAddress.Quarter)] int? q, CancellationToken cancellationToken) =>
        await dashboards.OverviewAsync(fy, q, cancellationToken) is { } overview ? new CachedJson<OverviewDto>(overview) : QuarterNotFound();

    public static async Task<Results<CachedJson<HeatmapDto>, ProblemHttpResult>> GetHeatmap(
        ServerDashboardService dashboards, [FromQuery(Name = QuarterAddress.FiscalYear)] int? fy, [FromQuery(Name = QuarterAddress.Quarter)] int? q, CancellationToken cancellationToken) =>
        await dashboards.HeatmapAsync(fy, q, cancellationToken) is { } heatmap ? new CachedJson<HeatmapDto>(heatmap) : QuarterNotFound();

    public static async Task<Results<CachedJson<KpiDetailDto>, ProblemHttpResult>> GetKpiDetail(
        ServerDashboardService dashboards, string code, [FromQuery(Name = QuarterAddress.FiscalYear)] int? fy, [FromQuery(Name = QuarterAddress.Quarter)] int? q, CancellationToken cancellationToken) =>
        await dashboards.KpiDetailAsync(code, fy, q, cancellationToken) is { } detail
            ? new CachedJson<KpiDetailDto>(detail)
            : ProblemResults.Problem(OutcomeKind.NotFound, $"指標が見つかりません。現行の計画に指標「{code}」がないか、四半期が計画期間の外です。");

    public static async Task<Results<CachedJson<DepartmentViewDto>, ProblemHttpResult>> GetDepartment(
        ServerDashboardService dashboards, string code, [FromQuery(Name = QuarterAddress.FiscalYear)] int? fy, [FromQuery(Name = QuarterAddress.Quarter)] int? q, CancellationToken cancellationToken) =>
        await dashboards.DepartmentAsync(code, fy, q, cancellationToken) is { } view
            ? new CachedJson<DepartmentViewDto>(view)
            : ProblemResults.Problem(OutcomeKind.NotFound, $"課が見つかりません。課「{code}」は指標を担当していないか、四半期が計画期間の外です。");

    public static Task<Results<CachedJson<DepartmentViewDto>, ProblemHttpResult>> GetFirstDepartment(
        ServerDashboardService dashboards, [FromQuery(Name = QuarterAddress.FiscalYear)] int? fy, [FromQuery(Name = QuarterAddress.Quarter)] int? q, CancellationToken cancellationToken) =>
        GetDepartment(dashboards, "", fy, q, cancellationToken);

    private static ProblemHttpResult QuarterNotFound() => ProblemResults.Problem(OutcomeKind.NotFound,
        "四半期が計画期間の外です。計画が読み込まれていないか、指定の年度・四半期が計画期間に含まれません。");
}
