using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Data;

public sealed class Plan
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>The plan pages show by default: the one most recently started (one at a time).</summary>
    public bool IsCurrent { get; set; }

    /// <summary>下書き, 実施中 or 終了.</summary>
    public Dashboard.Shared.Plans.PlanStatus Status { get; set; } = Dashboard.Shared.Plans.PlanStatus.Active;

    /// <summary>The plan this one follows (第2期 follows 第1期), if any.</summary>
    public int? PredecessorId { get; set; }
    public decimal OnTrackThreshold { get; set; }
    public decimal CautionThreshold { get; set; }

    /// <summary>評価区分: the plan's grading (A-D or S/A/B/C/-) and its thresholds.</summary>
    public GradeScheme GradeScheme { get; set; }
    public decimal GradeA { get; set; } = GradeScale.Default.A;
    public decimal GradeB { get; set; } = GradeScale.Default.B;
    public decimal GradeC { get; set; } = GradeScale.Default.C;
    public decimal GradeBaselineBand { get; set; } = GradeScale.Default.BaselineBand;
    public DateTime CreatedUtc { get; set; }

    /// <summary>The grading as the rules read it.</summary>
    public GradeScale Grading => new(GradeScheme, GradeA, GradeB, GradeC, GradeBaselineBand);
    public List<PlanRevision> Revisions { get; set; } = [];
    public List<BasicPolicy> Policies { get; set; } = [];
}

/// <summary>
/// One version (版) of a plan: its adoption (策定) or a revision (改訂) with its date, what changed and why. A revision
/// recorded in the app also keeps the period before and after, and who recorded it.
/// </summary>
public sealed class PlanRevision
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public DateOnly Date { get; set; }
    public required string Description { get; set; }
    public string? Reason { get; set; }
    public DateOnly? PeriodEndBefore { get; set; }
    public DateOnly? PeriodEndAfter { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime? RecordedUtc { get; set; }

    /// <summary>The plan as this version left it (seed files' shape, targets in force on its date); null for versions recorded before snapshots were kept.</summary>
    public string? Snapshot { get; set; }
}

/// <summary>
/// How a KPI of the previous plan goes on in a plan that follows it: 継続, 拡充 or 延伸 in the KPI of the same code,
/// 統合 into another KPI, or not at all (完了, 廃止).
/// </summary>
public sealed class KpiSuccession
{
    public int Id { get; set; }

    /// <summary>The plan that follows.</summary>
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int PredecessorKpiId { get; set; }
    public Kpi? PredecessorKpi { get; set; }

    /// <summary>The KPI that carries it on in the plan that follows; null for 完了 and 廃止.</summary>
    public int? SuccessorKpiId { get; set; }
    public Kpi? SuccessorKpi { get; set; }
    public Dashboard.Shared.Plans.KpiDisposition Disposition { get; set; }
}

public sealed class BasicPolicy
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Subtitle { get; set; }
    public List<Initiative> Initiatives { get; set; } = [];
}

public sealed class Initiative
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public List<Kpi> Kpis { get; set; } = [];
}

public sealed class Kpi
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }

    // Denormalised from the initiative so a KPI code is unique per plan in the database, not only in the loader.
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public KpiKind Kind { get; set; }
    public KpiDirection Direction { get; set; }
    public string Unit { get; set; } = "";
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public int? MilestoneDueFiscalYear { get; set; }
    public int DisplayOrder { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }

    /// <summary>
    /// 廃止: the date a revision of the plan in force retired the KPI (its figures stay; quarters ending after it take
    /// none); null while it is in use. See <see cref="Dashboard.Shared.Plans.KpiRetirement"/>.
    /// </summary>
    public DateOnly? RetiredOn { get; set; }
    public List<KpiTargetValue> Targets { get; set; } = [];
    public List<Department> Owners { get; set; } = [];
}

/// <summary>
/// A KPI's target for a fiscal year. The plan's own value (当初) has no <see cref="EffectiveFrom"/>; each revision
/// (見直し後) is a row of its own with the date it takes effect, the reason and who recorded it. Rows are never
/// changed: the target in force at a date is the latest row effective by then.
/// </summary>
public sealed class KpiTargetValue
{
    public int Id { get; set; }
    public int KpiId { get; set; }
    public int FiscalYear { get; set; }
    public decimal Value { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public string? Reason { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime? RecordedUtc { get; set; }
}

public sealed class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool IsSample { get; set; }
    public List<Kpi> Kpis { get; set; } = [];
}

public sealed class QuarterlyEntry
{
    public int Id { get; set; }
    public int KpiId { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public decimal? Value { get; set; }
    public MilestoneState? MilestoneState { get; set; }
    public DateOnly? MilestoneDate { get; set; }

    /// <summary>PDCA: 実施内容 (Do).</summary>
    public string? Done { get; set; }

    /// <summary>PDCA: 評価・課題 (Check).</summary>
    public string? Check { get; set; }

    /// <summary>PDCA: 改善策 (Act).</summary>
    public string? Act { get; set; }
    public string? EvidenceUrl { get; set; }
    public EntryState State { get; set; }

    /// <summary>The secretariat's comment when it returned the entry.</summary>
    public string? ReviewComment { get; set; }
    public bool IsSample { get; set; }

    /// <summary>The planner made the PDCA notes public (they appear on the public page once the quarter is published).</summary>
    public bool NotesPublic { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A quarter the secretariat has closed: its entries no longer change until an admin reopens it.</summary>
public sealed class ClosedQuarter
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public DateTime ClosedUtc { get; set; }
    public required string ClosedBy { get; set; }
}

/// <summary>An initiative's assessment for one fiscal year (総合評価, 課題, 今後の方向性, 推進本部の意見, 担当課の回答).</summary>
public sealed class InitiativeAssessment
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public int FiscalYear { get; set; }
    public Dashboard.Shared.Kpis.KpiGrade? OverrideGrade { get; set; }
    public string? OverrideReason { get; set; }
    public string? Issues { get; set; }
    public Dashboard.Shared.Assessments.AssessmentDirection? Direction { get; set; }
    public string? CommitteeOpinion { get; set; }
    public string? DepartmentReply { get; set; }
    public string? RepliedBy { get; set; }
    public DateTime? RepliedUtc { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A closed quarter the planner has published on the public page and in the open data.</summary>
public sealed class PublishedQuarter
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public DateTime PublishedUtc { get; set; }
    public required string PublishedBy { get; set; }
}

/// <summary>
/// One row whose stamp changes in the same transaction as every saved change to what the dashboards show (see
/// <see cref="DashboardDbContext"/>): the data version of the dashboard view cache, the same on every instance.
/// </summary>
public sealed class DataStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public Guid Stamp { get; set; }
}
