using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Tests;

/// <summary>An <see cref="IPlanService"/> for component tests: reads nothing, refuses every change; a test overrides what its component calls.</summary>
internal class PlanServiceDouble : IPlanService
{
    public virtual Task<Outcome<PlanRevisionDto>> ReviseAsync(PlanRevisionRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<PlanRevisionDto>("not in this test"));

    public virtual Task<Outcome<KpiDto>> ReviseTargetAsync(string kpiCode, int fiscalYear, TargetRevisionRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<KpiDto>("not in this test"));

    public virtual Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default) => Task.FromResult<PlanDto?>(null);

    public virtual Task<Outcome<string>> RenameAsync(string code, int? policyNumber, int? initiativeNumber, HeadingEditRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<string>("not in this test"));

    public virtual Task<Outcome<string>> AddHeadingAsync(string code, HeadingAddRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<string>("not in this test"));

    public virtual Task<Outcome<string>> RemoveHeadingAsync(string code, int? policyNumber, int? initiativeNumber, KpiRemovalRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<string>("not in this test"));

    public virtual Task<PlanDto?> GetEditionAsync(string code, int number, CancellationToken cancellationToken = default) => Task.FromResult<PlanDto?>(null);

    public virtual Task<Outcome<KpiDto>> SaveKpiAsync(string code, string? kpiCode, KpiEditRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<KpiDto>("not in this test"));

    public virtual Task<Outcome<string>> RemoveKpiAsync(string code, string kpiCode, KpiRemovalRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<string>("not in this test"));

    public virtual Task<Dashboard.Shared.Exports.ExportFile?> ExportWorkbookAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult<Dashboard.Shared.Exports.ExportFile?>(null);

    public virtual Task<Dashboard.Shared.Exports.ExportFile?> ExportSeedAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult<Dashboard.Shared.Exports.ExportFile?>(null);

    public virtual Task<Outcome<PlanSummaryDto>> ImportAsync(Dashboard.Shared.Exports.ExportFile upload, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<PlanSummaryDto>("読み込めません。"));

    public virtual Task<PlanDto?> GetPlanAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult<PlanDto?>(null);

    public virtual Task<Outcome<PlanSummaryDto>> CreateSuccessorAsync(string code, SuccessorRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<PlanSummaryDto>("not in this test"));

    public virtual Task<Outcome<SuccessionDto>> SetDispositionAsync(string code, string predecessorKpiCode, DispositionRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<SuccessionDto>("not in this test"));

    public virtual Task<Outcome<KpiDto>> SetDraftTargetAsync(string code, string kpiCode, int fiscalYear, DraftTargetRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<KpiDto>("not in this test"));

    public virtual Task<Outcome<PlanSummaryDto>> StartAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<PlanSummaryDto>("not in this test"));

    public virtual Task<Outcome<Done>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Refused<Done>("not in this test"));
}
