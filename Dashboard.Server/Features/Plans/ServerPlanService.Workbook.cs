using Dashboard.Shared.Problems;
using Dashboard.Server.Data;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>A plan out to the KPI table workbook or its seed file, and a workbook in as a new draft plan.</summary>
public sealed partial class ServerPlanService
{
    public async Task<ExportFile?> ExportWorkbookAsync(string code, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await ExportableAsync(code, cancellationToken) is not { } plan)
        {
            return null;
        }

        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return new ExportFile($"{plan.Code}_計画.xlsx", workbooks.Write(plan, names));
    }

    public async Task<ExportFile?> ExportSeedAsync(string code, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await ExportableAsync(code, cancellationToken) is not { } plan)
        {
            return null;
        }

        return new ExportFile($"{plan.Code}.json", PlanSeedShape.WriteSeed(plan));
    }

    public async Task<Outcome<PlanSummaryDto>> ImportAsync(ExportFile upload, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (!MayMaintain)
        {
            return Outcome.Forbidden<PlanSummaryDto>("計画を読み込む権限がありません。");
        }

        var departments = await db.Departments.ToListAsync(cancellationToken);
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in departments)
        {
            lookup[d.Code] = d.Code;
            lookup.TryAdd(d.Name, d.Code);
        }

        var read = workbooks.Read(upload.Content, lookup);
        if (read.Plan is not { } plan || read.OwnerCodesByKpi is not { } owners)
        {
            return Outcome.Invalid<PlanSummaryDto>(TemplateErrors.ToFieldErrors(read.Errors));
        }

        if (await db.Plans.AnyAsync(p => p.Code == plan.Code, cancellationToken))
        {
            return Outcome.Invalid<PlanSummaryDto>(TemplateErrors.ToFieldErrors([new TemplateError(PlanWorkbookRead.PlanSheet, 1, "B", $"計画コード「{plan.Code}」は既に使われています。別のコードにしてください。")]));
        }

        var byCode = departments.ToDictionary(d => d.Code);
        (plan.Status, plan.IsCurrent, plan.CreatedUtc) = (PlanStatus.Draft, false, clock.GetUtcNow().UtcDateTime);
        foreach (var kpi in plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis))
        {
            kpi.Plan = plan;
            kpi.Owners = owners[kpi.Code].Select(c => byCode[c]).ToList();
        }

        db.Plans.Add(plan);
        var count = plan.Policies.Sum(p => p.Initiatives.Sum(i => i.Kpis.Count));
        audit.Changed(PlanAudit, plan.Code, "計画の読み込み", null, $"{upload.FileName}（{count}指標、{plan.PeriodStart:yyyy-MM-dd}〜{plan.PeriodEnd:yyyy-MM-dd}）");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(Summary(plan, null));
    }

    /// <summary>A plan with everything the workbook holds; drafts for planners only.</summary>
    private async Task<Plan?> ExportableAsync(string code, CancellationToken cancellationToken)
    {
        var plan = await WithKpis(db.Plans.Where(p => p.Code == code)).Include(p => p.Revisions).FirstOrDefaultAsync(cancellationToken);
        return plan is null || (plan.Status == PlanStatus.Draft && !MayMaintain) ? null : plan;
    }
}
