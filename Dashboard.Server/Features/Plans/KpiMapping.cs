using Dashboard.Server.Data;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Plans;

/// <summary>A loaded KPI (with targets and owners) as its Shared DTO.</summary>
public static class KpiMapping
{
    public static KpiDto ToDto(this Kpi k) => new(
        k.Code,
        k.Name,
        k.Kind,
        k.Direction,
        k.Unit,
        k.BaselineValue,
        k.BaselineDate,
        k.Targets.OrderBy(t => t.FiscalYear).Select(t => new KpiTarget(t.FiscalYear, t.Value)).ToList(),
        k.MilestoneDueFiscalYear,
        k.Owners.OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name, d.IsSample)).ToList(),
        k.Source,
        k.Note);
}
