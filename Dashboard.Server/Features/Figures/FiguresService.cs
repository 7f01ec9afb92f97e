using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Figures;
using Dashboard.Shared.Problems;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Figures;

/// <summary>
/// Figures from other systems (issue 25, decision 021), saved as drafts through the entry service itself, so the same
/// rules hold as in the form: the token's department only, the KPI's kind and validation, plausibility, closed and
/// retired quarters, approved and submitted entries left alone. The entry's PDCA notes are kept: only the value changes.
/// </summary>
public sealed class FiguresService(IEntryService entries, DbOperations operations, AuditWriter audit, CurrentUser user)
{
    private DashboardDbContext db => operations.Current;

    public async Task<Outcome<FigureSavedDto>> PutAsync(string kpiCode, int fiscalYear, int quarter, PutFigureRequest request, CancellationToken cancellationToken)
    {
        var value = request.Value?.Trim();
        if (FiguresCsv.LooksLikeFormula(value))
        {
            return Outcome.Invalid<FigureSavedDto>("Value", "数式のような値（=, +, @ で始まる）は受け付けません。");
        }

        using var operation = operations.Begin();
        var current = await entries.GetEntryAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        if (!current.Succeeded)
        {
            return Outcome.Refused<FigureSavedDto>(Refusal(current), current.Kind);
        }

        var saved = await entries.SaveEntryAsync(kpiCode, fiscalYear, quarter, KeepingNotes(current.Value!, value, request.ConfirmUnlikely), cancellationToken);
        if (saved.Kind == OutcomeKind.Invalid)
        {
            return Outcome.Invalid<FigureSavedDto>(saved.Errors.ToDictionary(e => e.Key, e => e.Value.Select(ForScripts).ToArray()));
        }

        if (!saved.Succeeded)
        {
            return saved.As<FigureSavedDto>();
        }

        await UsedAsync($"PUT {kpiCode} {fiscalYear} Q{quarter}", cancellationToken);
        return Outcome.Ok(ToDto(saved.Value!));
    }

    /// <summary>Every row as a draft, or nothing: one transaction over the quarters the file names.</summary>
    public async Task<Outcome<FiguresImportDto>> ImportCsvAsync(byte[] body, bool confirmUnlikely, CancellationToken cancellationToken)
    {
        if (body.Length > FiguresApi.MaxCsvBytes)
        {
            return Outcome.Invalid<FiguresImportDto>(FiguresCsv.Sheet, $"CSV が大きすぎます（{body.Length:N0} バイト、{FiguresApi.MaxCsvBytes:N0} バイトまで）。分けて送ってください。");
        }

        var (text, encoding, problem) = FiguresCsv.Decode(body);
        if (text is null)
        {
            return Outcome.Invalid<FiguresImportDto>(FiguresCsv.Sheet, problem!);
        }

        var (rows, errors) = FiguresCsv.Parse(text);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<FiguresImportDto>(errors);
        }

        using var operation = operations.Begin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = new List<(FigureCsvRow Row, SaveEntryRequest Entry)>();
        foreach (var row in rows)
        {
            var current = await entries.GetEntryAsync(row.KpiCode, row.FiscalYear, row.Quarter, cancellationToken);
            if (current.Succeeded)
            {
                requests.Add((row, KeepingNotes(current.Value!, row.Value, confirmUnlikely)));
                continue;
            }

            errors[$"{FiguresCsv.Sheet}!A{row.Line}"] = [$"{row.Line} 行目: {row.KpiCode} {Label(row.FiscalYear, row.Quarter)}: {Refusal(current)}"];
        }

        var saved = new List<FigureSavedDto>();
        if (errors.Count == 0)
        {
            foreach (var group in requests.GroupBy(r => (r.Row.FiscalYear, r.Row.Quarter)))
            {
                var items = group.ToList();
                var result = await entries.SaveBulkAsync(new BulkSaveRequest(group.Key.FiscalYear, group.Key.Quarter,
                    items.Select(i => new BulkEntryItem(i.Row.KpiCode, i.Entry)).ToList()), cancellationToken);
                if (result.Succeeded)
                {
                    saved.AddRange(items.Select(i => new FigureSavedDto(i.Row.KpiCode, i.Row.FiscalYear, i.Row.Quarter, null, null)));
                    continue;
                }

                Collect(errors, items.Select(i => i.Row).ToList(), result);
            }
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Outcome.Invalid<FiguresImportDto>(errors);
        }

        await UsedAsync($"CSV {saved.Count} 件（{encoding}）", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Ok(new FiguresImportDto(encoding, await WithValuesAsync(saved, cancellationToken)));
    }

    /// <summary>A script confirms an unlikely figure with its flag, not the form's 「この値で正しい」.</summary>
    private static string ForScripts(string message) =>
        EntryValidation.ConfirmedElsewhere(message, "正しい値のときは confirmUnlikely を true にして送り直してください。");

    /// <summary>A group's refusal, at the cells it is about: a field error at its row's value, a whole-quarter one at each row's quarter.</summary>
    private static void Collect(Dictionary<string, string[]> errors, List<FigureCsvRow> rows, Outcome<EntryDto> result)
    {
        if (result.Kind == OutcomeKind.Invalid)
        {
            foreach (var (field, messages) in result.Errors)
            {
                var index = int.TryParse(field.Split('[', ']') is [_, var i, ..] ? i : "", out var n) && n < rows.Count ? n : 0;
                var row = rows[index];
                errors[$"{FiguresCsv.Sheet}!D{row.Line}"] = messages.Select(m => $"{row.Line} 行目 D 列: {row.KpiCode}: {ForScripts(m)}").ToArray();
            }

            return;
        }

        foreach (var row in rows)
        {
            errors[$"{FiguresCsv.Sheet}!C{row.Line}"] = [$"{row.Line} 行目: {Label(row.FiscalYear, row.Quarter)}: {result.Message}"];
        }
    }

    private async Task<List<FigureSavedDto>> WithValuesAsync(List<FigureSavedDto> saved, CancellationToken cancellationToken)
    {
        var list = new List<FigureSavedDto>();
        foreach (var row in saved)
        {
            var entry = await entries.GetEntryAsync(row.KpiCode, row.FiscalYear, row.Quarter, cancellationToken);
            list.Add(entry.Succeeded ? ToDto(entry.Value!) : row);
        }

        return list;
    }

    /// <summary>The save the form would make with only the value changed: notes, milestone and evidence kept, as a draft.</summary>
    private static SaveEntryRequest KeepingNotes(EntryDto current, string? value, bool confirmUnlikely) =>
        new(value, current.Milestone, current.MilestoneDate, current.Done, current.Check, current.Act, current.EvidenceUrl, current.Version, Submit: false,
            ConfirmUnlikely: confirmUnlikely);

    /// <summary>
    /// Why a figure cannot be sent, in the sender's terms: the entry is read first (to keep its notes), and a read of
    /// another department's KPI is refused as "only the department may see unapproved figures"; for a sender that is
    /// "not this token's department".
    /// </summary>
    private static string Refusal(Outcome<EntryDto> read) =>
        read.Kind == OutcomeKind.Forbidden ? "この指標はトークンの担当課の指標ではないため、送れません。" : read.FirstMessage ?? "";

    /// <summary>令和7年度 第4四半期 when the quarter is one, else the numbers as sent.</summary>
    private static string Label(int fiscalYear, int quarter) =>
        quarter is >= 1 and <= 4 && fiscalYear is >= 1900 and <= 2999 ? new Dashboard.Shared.Fiscal.FiscalQuarter(fiscalYear, quarter).ToJapaneseLabel() : $"{fiscalYear}年度 Q{quarter}";

    private static FigureSavedDto ToDto(EntryDto entry) => new(entry.Kpi.Code, entry.FiscalYear, entry.Quarter, entry.Value, entry.Version);

    /// <summary>Every use of a token is in the audit history, beside the entries' own rows.</summary>
    private async Task UsedAsync(string what, CancellationToken cancellationToken)
    {
        var token = user.Principal.FindFirstValue(FigureTokens.TokenClaim) ?? "?";
        audit.Changed("ApiToken", $"#{token}", "Use", null, what, "データ連携API");
        await db.SaveChangesAsync(cancellationToken);
    }
}
