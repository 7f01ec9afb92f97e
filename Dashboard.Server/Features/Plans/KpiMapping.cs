using Dashboard.Server.Data;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Plans;

/// <summary>A loaded KPI (with targets and owners) as its Shared DTO.</summary>
public static class KpiMapping
{
    /// <summary>The targets in force now, by year: per year the latest revision, else the plan's own value.</summary>
    public static List<KpiTarget> TargetsInForce(IEnumerable<KpiTargetValue> targets) =>
        targets.GroupBy(t => t.FiscalYear).OrderBy(g => g.Key)
            .Select(g => new KpiTarget(g.Key, g.OrderBy(t => t.EffectiveFrom ?? DateOnly.MinValue).Last().Value)).ToList();

    public static KpiDto ToDto(this Kpi k) => new(
        k.Code,
        k.Name,
        k.Kind,
        k.Direction,
        k.Unit,
        k.BaselineValue,
        k.BaselineDate,
        TargetsInForce(k.Targets),
        k.MilestoneDueFiscalYear,
        k.Owners.OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name, d.IsSample)).ToList(),
        k.Source,
        k.Note,
        TargetHistory: k.Targets.Any(t => t.EffectiveFrom is not null)
            ? k.Targets.OrderBy(t => t.FiscalYear).ThenBy(t => t.EffectiveFrom ?? DateOnly.MinValue)
                .Select(t => new KpiTargetVersion(t.FiscalYear, t.Value, t.EffectiveFrom, t.Reason, t.RecordedBy)).ToList()
            : null,
        RetiredOn: k.RetiredOn);
}

/// <summary>The KPIs a quarter expects a figure of (<see cref="KpiRetirement"/>), as a query.</summary>
public static class KpiQueries
{
    /// <summary>Leaves out KPIs retired before <paramref name="quarter"/> ended.</summary>
    public static IQueryable<Kpi> ExpectedIn(this IQueryable<Kpi> kpis, Dashboard.Shared.Fiscal.FiscalQuarter quarter)
    {
        var end = quarter.EndDate;
        return kpis.Where(k => k.RetiredOn == null || k.RetiredOn >= end);
    }
}
