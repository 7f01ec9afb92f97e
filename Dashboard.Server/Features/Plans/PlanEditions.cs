using System.Globalization;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Features.Plans;

/// <summary>
/// Each version (版) of a plan as it was: when a version is recorded (the plan as loaded, a 改訂, a change in the
/// editor, a successor's start), the plan is kept in the seed files' shape with the targets in force on the version's
/// date; a version reads back from it, so a later change never rewrites what an earlier version said.
/// </summary>
internal static class PlanEditions
{
    /// <summary>The plan as it stands, with the targets in force on <paramref name="asOf"/>, as JSON.</summary>
    public static string Snapshot(Plan plan, DateOnly asOf)
    {
        var file = PlanSeedShape.ToSeedFile(plan);
        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Code);
        foreach (var seed in file.Policies!.SelectMany(p => p!.Initiatives!).SelectMany(i => i!.Kpis!))
        {
            var inForce = kpis[seed!.Code!].Targets.Where(t => t.EffectiveFrom is null || t.EffectiveFrom <= asOf)
                .GroupBy(t => t.FiscalYear)
                .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => (decimal?)g.OrderBy(t => t.EffectiveFrom ?? DateOnly.MinValue).Last().Value);
            seed.Targets = inForce.Count == 0 ? null : inForce;
        }

        file.Revisions = null;
        return PlanSeedShape.ToJson(file);
    }

    /// <summary>The version read back for the plan page; null when the snapshot does not read.</summary>
    public static PlanDto? Read(PlanRevision version, int number, IReadOnlyList<PlanRevisionDto> versions, IReadOnlyDictionary<string, Department> departments, PlanStatus status)
    {
        if (version.Snapshot is null || PlanSeedShape.FromJson(version.Snapshot) is not { PeriodStart: { } start, PeriodEnd: { } end } file)
        {
            return null;
        }

        var (first, last) = (FiscalQuarter.FiscalYearOf(start), FiscalQuarter.FiscalYearOf(end));
        return new PlanDto(
            file.Code ?? "",
            file.Name ?? "",
            start,
            end,
            Enumerable.Range(first, last - first + 1).ToList(),
            false,
            new StatusThresholds(file.StatusThresholds?.OnTrack ?? StatusThresholds.Default.OnTrack, file.StatusThresholds?.Caution ?? StatusThresholds.Default.Caution),
            versions.Where(v => v.Number <= number).ToList(),
            (file.Policies ?? []).Select(p => new PolicyDto(
                p!.Number ?? 0,
                p.Title ?? "",
                p.Subtitle,
                (p.Initiatives ?? []).Select(i => new InitiativeDto(
                    i!.Number ?? 0,
                    i.Title ?? "",
                    i.Summary,
                    (i.Kpis ?? []).Select(k => Kpi(k!, departments)).ToList())).ToList())).ToList(),
            Status: status);
    }

    private static KpiDto Kpi(KpiSeed k, IReadOnlyDictionary<string, Department> departments)
    {
        var kind = Enum.TryParse<KpiKind>(k.Kind, ignoreCase: true, out var parsed) ? parsed : KpiKind.MonitorOnly;
        return new KpiDto(
            k.Code ?? "",
            k.Name ?? "",
            kind,
            k.Direction == "lower" ? KpiDirection.LowerIsBetter : KpiDirection.HigherIsBetter,
            k.Unit ?? "",
            k.Baseline?.Value,
            k.Baseline?.Date,
            (k.Targets ?? []).Where(t => t.Value is not null).Select(t => new KpiTarget(int.Parse(t.Key, CultureInfo.InvariantCulture), t.Value!.Value)).OrderBy(t => t.FiscalYear).ToList(),
            k.DueFiscalYear,
            (k.Owners ?? []).Select(o => departments.TryGetValue(o ?? "", out var d) ? new DepartmentDto(d.Code, d.Name, d.IsSample) : new DepartmentDto(o ?? "", o ?? "", false)).ToList(),
            k.Source,
            k.Note,
            RetiredOn: k.RetiredOn);
    }
}
