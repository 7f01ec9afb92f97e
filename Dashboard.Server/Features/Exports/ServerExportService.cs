using Dashboard.Shared.Text;
using Dashboard.Shared.Problems;
using System.Globalization;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Exports;

public sealed class ServerExportService(
    DbOperations operations, AuditWriter audit, TimeProvider clock, PlanQuarters quarters, IDataProtectionProvider protection, IEntryService entries, CurrentUser current) : IExportService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private ClaimsPrincipal User => current.Principal;

    public async Task<ExportFile?> BuildPackAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return null;
        }

        var data = await PackData.LoadAsync(db, plan, q, audit.Actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        // Building is CPU-bound (a second or two for a large plan); keep it off the request thread.
        return new ExportFile(PackNaming.FileName(q), await Task.Run(() => PackBuilder.Build(data), cancellationToken));
    }

    public async Task<ExportFile?> BuildTemplateAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if ((await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value is not var (plan, q))
        {
            return null;
        }

        var kpis = await db.Kpis.EnterableBy(User, plan.Id).ToListAsync(cancellationToken);
        var ids = kpis.Select(k => k.Id).ToList();
        var stored = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.KpiId) && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter).ToListAsync(cancellationToken);
        var rows = kpis.Select(k => (k, KpiRules.ExpectedAt(k.ToDto().ToDefinition(), q), stored.FirstOrDefault(e => e.KpiId == k.Id))).ToList();
        var mine = KpiAccess.DepartmentsOf(User);
        var departments = kpis.SelectMany(k => k.Owners).Where(o => mine.Contains(o.Code)).DistinctBy(o => o.Code).OrderBy(o => o.Code).Select(o => o.Name);
        return new ExportFile(PackNaming.TemplateFileName(q, departments), EntryTemplate.Build(plan.Code, q, rows, protection));
    }

    public async Task<TemplatePreviewDto> PreviewTemplateAsync(ExportFile upload, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        // A dry run of the real save inside a transaction that is always rolled back: the preview applies exactly the
        // rules the import will (departments, closed quarter, approved entries, validation) and stores nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await ReadAndSaveAsync(upload, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    public async Task<Outcome<TemplatePreviewDto>> ImportTemplateAsync(ExportFile upload, CancellationToken cancellationToken = default)
    {
        var preview = await ReadAndSaveAsync(upload, cancellationToken);
        return preview.Errors.Count > 0 ? Outcome.Invalid(TemplateErrors.ToFieldErrors(preview.Errors), preview) : Outcome.Ok(preview);
    }

    private async Task<TemplatePreviewDto> ReadAndSaveAsync(ExportFile upload, CancellationToken cancellationToken)
    {
        using var operation = operations.Begin();
        if (await quarters.PlanAsync(cancellationToken) is not { } plan)
        {
            return new TemplatePreviewDto(0, 0, [], [new TemplateError(EntryTemplate.InputSheet, 0, "", Wording.Pick("現行の計画がありません。", "There is no current plan."))]);
        }

        var (q, rows, errors) = EntryTemplate.Read(upload.Content, plan.Code, protection);
        var preview = await ChangesAsync(plan, q, rows, errors, cancellationToken);
        if (errors.Count > 0 || !preview.Any(r => r.Changes.Count > 0))
        {
            return new TemplatePreviewDto(q.FiscalYear, q.Quarter, preview, errors);
        }

        var changed = rows.Where(r => preview.Single(p => p.Row == r.SheetRow).Changes.Count > 0).ToList();
        var versions = await VersionsAsync(plan, q, changed.Select(r => r.KpiCode).ToList(), cancellationToken);
        var result = await entries.SaveBulkAsync(new BulkSaveRequest(q.FiscalYear, q.Quarter,
            changed.Select(r => new BulkEntryItem(r.KpiCode, r.Request with { Version = versions.GetValueOrDefault(r.KpiCode) })).ToList()), cancellationToken);
        if (result.Kind != OutcomeKind.Saved)
        {
            errors.AddRange(ToErrors(result, changed));
        }

        return new TemplatePreviewDto(q.FiscalYear, q.Quarter, preview, errors);
    }

    /// <summary>Per row: the KPI must be one the person may enter; the fields that would change against what is stored.</summary>
    private async Task<List<TemplateRowPreview>> ChangesAsync(CurrentPlan plan, FiscalQuarter q, List<EntryTemplate.Row> rows, List<TemplateError> errors, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.KpiCode).ToList();
        var kpis = await db.Kpis.AsNoTracking().Include(k => k.Owners).Where(k => k.PlanId == plan.Id && codes.Contains(k.Code)).ToListAsync(cancellationToken);
        var ids = kpis.Select(k => k.Id).ToList();
        var stored = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.KpiId) && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter).ToListAsync(cancellationToken);
        var preview = new List<TemplateRowPreview>();
        foreach (var row in rows)
        {
            var kpi = kpis.FirstOrDefault(k => k.Code == row.KpiCode);
            if (kpi is null || !KpiAccess.MayEnter(User, kpi.Owners.Select(o => o.Code)))
            {
                errors.Add(new TemplateError(EntryTemplate.InputSheet, row.SheetRow, "A", Wording.Pick($"{row.KpiCode} は担当課の指標ではないため、入力できません。", $"{row.KpiCode} is not your department's indicator, so you cannot enter it.")));
                continue;
            }

            var entry = stored.FirstOrDefault(e => e.KpiId == kpi.Id);
            var r = row.Request;
            var changes = new List<TemplateChange>();
            Compare(changes, Wording.Pick("実績値", "Figure"), entry?.Value?.ToString("0.####", CultureInfo.InvariantCulture), KpiValueParser.TryParse(r.Value, out var v, out _) ? v?.ToString("0.####", CultureInfo.InvariantCulture) : r.Value);
            Compare(changes, Wording.Pick("状態", "State"), entry?.MilestoneState?.Japanese(), r.Milestone?.Japanese());
            Compare(changes, Wording.Pick("完了日", "Completion date"), entry?.MilestoneDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.MilestoneDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Compare(changes, Wording.Pick("実施内容", "What was done"), entry?.Done, r.Done);
            Compare(changes, Wording.Pick("評価・課題", "Check and issues"), entry?.Check, r.Check);
            Compare(changes, Wording.Pick("改善策", "What changes next"), entry?.Act, r.Act);
            preview.Add(new TemplateRowPreview(row.SheetRow, kpi.Code, kpi.Name, changes));
        }

        return preview;
    }

    private static void Compare(List<TemplateChange> changes, string field, string? old, string? @new)
    {
        var trimmed = string.IsNullOrWhiteSpace(@new) ? null : @new.Trim();
        if (!string.Equals(old, trimmed, StringComparison.Ordinal))
        {
            changes.Add(new TemplateChange(field, old, trimmed));
        }
    }

    private async Task<Dictionary<string, Guid?>> VersionsAsync(CurrentPlan plan, FiscalQuarter q, List<string> codes, CancellationToken cancellationToken) =>
        await db.Entries.AsNoTracking()
            .Where(e => e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter)
            .Join(db.Kpis.Where(k => k.PlanId == plan.Id && codes.Contains(k.Code)), e => e.KpiId, k => k.Id, (e, k) => new { k.Code, e.Version })
            .ToDictionaryAsync(x => x.Code, x => (Guid?)x.Version, cancellationToken);

    /// <summary>Field errors of the bulk save ("Items[3].Value") as sheet, row and column.</summary>
    private static IEnumerable<TemplateError> ToErrors(Outcome<EntryDto> result, List<EntryTemplate.Row> rows)
    {
        if (result.Kind != OutcomeKind.Invalid)
        {
            // A refusal for one KPI ("I02-K5: 承認済み…") is named by that KPI's row.
            var row = rows.FirstOrDefault(r => result.Message?.StartsWith(r.KpiCode + ": ", StringComparison.Ordinal) == true);
            yield return row is null
                ? new TemplateError(EntryTemplate.InputSheet, 0, "", result.Message ?? Wording.Pick("保存できませんでした。", "Nothing was saved."))
                : new TemplateError(EntryTemplate.InputSheet, row.SheetRow, "A", result.Message![(row.KpiCode.Length + 2)..]);
            yield break;
        }

        foreach (var (key, messages) in result.Errors)
        {
            var match = System.Text.RegularExpressions.Regex.Match(key, @"^Items\[(\d+)\]\.(\w+)$");
            if (!match.Success)
            {
                yield return new TemplateError(EntryTemplate.InputSheet, 0, "", string.Join(" ", messages));
                continue;
            }

            var row = rows[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)].SheetRow;
            var field = match.Groups[2].Value;
            var column = EntryTemplate.Inputs.FirstOrDefault(i => i.Field == field || (field == nameof(SaveEntryRequest.Milestone) && i.Column == 6)).Letter ?? "F";
            // A workbook has no 「この値で正しい」 to choose: the message says where a person confirms such a figure.
            yield return new TemplateError(EntryTemplate.InputSheet, row, column,
                string.Join(" ", messages.Select(m => EntryValidation.ConfirmedElsewhere(m, EntryValidation.ConfirmInFormTail))));
        }
    }
}
