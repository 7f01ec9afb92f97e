namespace Dashboard.Shared.Kpis;

/// <summary>A target for the end of one fiscal year.</summary>
/// <param name="FiscalYear">FY2025 = April 2025 - March 2026.</param>
/// <param name="Value">The value to reach by 31 March of the following calendar year.</param>
public sealed record KpiTarget(int FiscalYear, decimal Value);

/// <summary>The parts of a KPI the rules read.</summary>
/// <param name="Kind">What sort of target it is.</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="BaselineValue">The starting value, when the plan gives one.</param>
/// <param name="BaselineDate">The date the baseline was measured; required with a baseline value.</param>
/// <param name="Targets">At most one target per fiscal year; years may be missing.</param>
/// <param name="MilestoneDueFiscalYear">For milestones: the fiscal year by whose end it is due.</param>
public sealed record KpiDefinition(
    KpiKind Kind,
    KpiDirection Direction,
    decimal? BaselineValue,
    DateOnly? BaselineDate,
    IReadOnlyList<KpiTarget> Targets,
    int? MilestoneDueFiscalYear = null)
{
    /// <summary>The target set for <paramref name="fiscalYear"/>, or null when the plan sets none that year.</summary>
    public decimal? TargetFor(int fiscalYear) => Targets.FirstOrDefault(t => t.FiscalYear == fiscalYear)?.Value;

    /// <summary>The target of the latest fiscal year that has one.</summary>
    public KpiTarget? FinalTarget => Targets.MaxBy(t => t.FiscalYear);
}
