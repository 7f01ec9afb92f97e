using Dashboard.Shared.Kpis;
using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Plans;

/// <summary>Reads plans. The server implements it over the database (the default, interactive server pages), the WebAssembly mode over the API.</summary>
public interface IPlanService
{
    /// <summary>The plan marked current, or null when none is loaded.</summary>
    Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default);

    /// <summary>The plan with <paramref name="code"/> (drafts for planners only), or null.</summary>
    Task<PlanDto?> GetPlanAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>「次期計画を作成」: copies the plan's structure (not figures or notes) into a draft that follows it (planners; audited).</summary>
    Task<Outcome<PlanSummaryDto>> CreateSuccessorAsync(string code, SuccessorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets what becomes of a previous plan's KPI in the draft <paramref name="code"/> (planners; audited).</summary>
    Task<Outcome<SuccessionDto>> SetDispositionAsync(string code, string predecessorKpiCode, DispositionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets a draft plan's own target for a KPI and year (planners; audited).</summary>
    Task<Outcome<KpiDto>> SetDraftTargetAsync(string code, string kpiCode, int fiscalYear, DraftTargetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts the draft <paramref name="code"/>: it becomes the plan in force and the plan it follows ends (planners; audited).</summary>
    Task<Outcome<PlanSummaryDto>> StartAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The plan as the KPI table workbook (基本方針, 施策, KPI, 単位, 基準値, 各年度目標, 担当課) (planners).</summary>
    Task<Dashboard.Shared.Exports.ExportFile?> ExportWorkbookAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The plan as a seed file (plans/*.json) (planners).</summary>
    Task<Dashboard.Shared.Exports.ExportFile?> ExportSeedAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Reads a plan workbook into a new draft plan, all or nothing (planners; audited).</summary>
    Task<Outcome<PlanSummaryDto>> ImportAsync(Dashboard.Shared.Exports.ExportFile upload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a KPI (<paramref name="kpiCode"/> null) or changes one's definition: a draft freely, a plan in force as a
    /// recorded revision (planners; audited; the seed files' validator decides).
    /// </summary>
    Task<Outcome<KpiDto>> SaveKpiAsync(string code, string? kpiCode, KpiEditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a KPI that has no figures (one with figures is 廃止 in the next plan instead) (planners; audited).</summary>
    Task<Outcome<string>> RemoveKpiAsync(string code, string kpiCode, KpiRemovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>The plan as its version (版) <paramref name="number"/> left it; null when there is no such version or it was recorded before versions were kept.</summary>
    Task<PlanDto?> GetEditionAsync(string code, int number, CancellationToken cancellationToken = default);

    /// <summary>Adds a basic policy or an initiative (numbered after the last): a draft freely, a plan in force as a recorded revision (planners; audited). Answers the heading's label.</summary>
    Task<Outcome<string>> AddHeadingAsync(string code, HeadingAddRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes an empty basic policy (no initiatives) or initiative (no KPIs, no assessments): a draft freely, a plan in force as a recorded revision (planners; audited).</summary>
    Task<Outcome<string>> RemoveHeadingAsync(string code, int? policyNumber, int? initiativeNumber, KpiRemovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames a basic policy (<paramref name="initiativeNumber"/> null) or an initiative: a draft freely, a plan in force as a recorded revision (planners; audited).</summary>
    Task<Outcome<string>> RenameAsync(string code, int? policyNumber, int? initiativeNumber, HeadingEditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the current plan's 評価区分 scheme and thresholds (planners; audited). Field errors, empty when saved.</summary>
    Task<Outcome<Done>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default);

    /// <summary>Records a revision (改訂) of the current plan, extending its period when asked (planners; audited).</summary>
    Task<Outcome<PlanRevisionDto>> ReviseAsync(PlanRevisionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records a revised target for a KPI and fiscal year; the plan's own value is kept (planners; audited).</summary>
    Task<Outcome<KpiDto>> ReviseTargetAsync(string kpiCode, int fiscalYear, TargetRevisionRequest request, CancellationToken cancellationToken = default);
}
