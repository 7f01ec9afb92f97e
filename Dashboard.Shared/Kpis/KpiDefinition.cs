namespace Dashboard.Shared.Kpis;

/// <summary>A target for the end of one fiscal year.</summary>
/// <param name="FiscalYear">FY2025 = April 2025 - March 2026.</param>
/// <param name="Value">The value to reach by 31 March of the following calendar year.</param>
public sealed record KpiTarget(int FiscalYear, decimal Value);

/// <summary>
/// One value a fiscal year's target has had: the plan's own (当初, no date) or a revision (見直し後) taking effect on
/// <paramref name="EffectiveFrom"/>. Revisions are added, never written over: the original stays readable.
/// </summary>
/// <param name="FiscalYear">The year the target is for.</param>
/// <param name="Value">The target value.</param>
/// <param name="EffectiveFrom">目標設定日: when a revision takes effect; null for the plan's own value.</param>
/// <param name="Reason">見直し理由.</param>
/// <param name="RecordedBy">Who recorded the revision (a name, for people).</param>
public sealed record KpiTargetVersion(int FiscalYear, decimal Value, DateOnly? EffectiveFrom = null, string? Reason = null, string? RecordedBy = null)
{
    /// <summary>The plan's own value (当初), not a revision.</summary>
    public bool IsOriginal => EffectiveFrom is null;
}

/// <summary>The parts of a KPI the rules read.</summary>
/// <param name="Kind">What sort of target it is.</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="BaselineValue">The starting value, when the plan gives one.</param>
/// <param name="BaselineDate">The date the baseline was measured; required with a baseline value.</param>
/// <param name="Targets">At most one target per fiscal year; years may be missing.</param>
/// <param name="MilestoneDueFiscalYear">For milestones: the fiscal year by whose end it is due.</param>
/// <param name="Versions">Every value the targets have had (当初 and 見直し後); none when never revised.</param>
public sealed record KpiDefinition(
    KpiKind Kind,
    KpiDirection Direction,
    decimal? BaselineValue,
    DateOnly? BaselineDate,
    IReadOnlyList<KpiTarget> Targets,
    int? MilestoneDueFiscalYear = null,
    IReadOnlyList<KpiTargetVersion>? Versions = null)
{
    /// <summary>
    /// The KPI with the targets in force on <paramref name="date"/>: for each year the latest revision effective by
    /// then, else the plan's own value (a year whose only target is a later revision has none yet). The rules read a
    /// quarter against the targets in force at its end, so a grade of a past quarter keeps the target of its time.
    /// </summary>
    public KpiDefinition InForceAt(DateOnly date)
    {
        if (Versions is null || Versions.All(v => v.IsOriginal))
        {
            return this;
        }

        var targets = Versions.Where(v => v.EffectiveFrom is null || v.EffectiveFrom <= date)
            .GroupBy(v => v.FiscalYear)
            .Select(g => new KpiTarget(g.Key, g.OrderBy(v => v.EffectiveFrom ?? DateOnly.MinValue).Last().Value))
            .OrderBy(t => t.FiscalYear)
            .ToList();
        return this with { Targets = targets };
    }

    /// <summary>
    /// The revision (見直し後) of <paramref name="quarter"/>'s fiscal-year target in force at the quarter's end; null when
    /// the target of that time is the plan's own.
    /// </summary>
    public KpiTargetVersion? RevisionInForce(Fiscal.FiscalQuarter quarter) =>
        Versions?.Where(v => v.FiscalYear == quarter.FiscalYear && !v.IsOriginal && v.EffectiveFrom <= quarter.EndDate).MaxBy(v => v.EffectiveFrom);

    /// <summary>The plan's own (当初) target for <paramref name="fiscalYear"/>, when the plan set one.</summary>
    public decimal? OriginalTargetFor(int fiscalYear) =>
        Versions is null ? TargetFor(fiscalYear) : Versions.FirstOrDefault(v => v.FiscalYear == fiscalYear && v.IsOriginal)?.Value;

    /// <summary>The target set for <paramref name="fiscalYear"/>, or null when the plan sets none that year.</summary>
    public decimal? TargetFor(int fiscalYear) => Targets.FirstOrDefault(t => t.FiscalYear == fiscalYear)?.Value;

    /// <summary>The target of the latest fiscal year that has one.</summary>
    public KpiTarget? FinalTarget => Targets.MaxBy(t => t.FiscalYear);
}
