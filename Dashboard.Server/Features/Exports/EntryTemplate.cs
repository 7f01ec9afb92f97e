using Dashboard.Shared.Text;
using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// The Excel entry template: a department's KPIs for a quarter, only the input cells unlocked, data validation on
/// them, and a very hidden sheet carrying the plan, the quarter and the KPI codes, signed with the app's data
/// protection keys so that a changed code or quarter is caught on upload.
/// </summary>
public static class EntryTemplate
{
    public const string InputSheet = "入力";
    public const string MetaSheet = "_meta";
    public const string Marker = "DX-DASHBOARD-ENTRY-TEMPLATE v1";
    public const int MaxBytes = TemplateLimits.MaxBytes;
    private const string Purpose = "Dashboard.EntryTemplate.v1";

    // Input columns: F value / milestone state, G completion date, H-J PDCA notes.
    internal static readonly (int Column, string Letter, string Field, string Title)[] Inputs =
    [
        (6, "F", nameof(SaveEntryRequest.Value), "実績値／状態"),
        (7, "G", nameof(SaveEntryRequest.MilestoneDate), "完了日"),
        (8, "H", nameof(SaveEntryRequest.Done), "実施内容"),
        (9, "I", nameof(SaveEntryRequest.Check), "評価・課題"),
        (10, "J", nameof(SaveEntryRequest.Act), "改善策"),
    ];

    public static byte[] Build(string planCode, FiscalQuarter quarter, IReadOnlyList<(Kpi Kpi, decimal? Expected, QuarterlyEntry? Entry)> rows, IDataProtectionProvider protection)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = PackBuilder.FontName;
        var sheet = workbook.AddWorksheet(InputSheet);
        PackBuilder.Header(sheet, ("コード", 9), ("指標", 34), ("種類", 12), ("単位", 7), ("四半期末の見込み", 11),
            ($"実績値／状態\n{quarter.ToJapaneseLabel()}", 17), ("完了日", 12), ("実施内容", 40), ("評価・課題", 40), ("改善策", 40));
        var r = 1;
        foreach (var (kpi, expected, entry) in rows)
        {
            r++;
            sheet.Cell(r, 1).SetText(kpi.Code);
            sheet.Cell(r, 2).SetText(kpi.Name);
            sheet.Cell(r, 3).SetText(kpi.Kind.Japanese());
            sheet.Cell(r, 4).SetText(kpi.Unit);
            sheet.Cell(r, 5).SetNumber(expected is { } e ? Math.Round(e, 2) : null, kpi.Unit);
            var value = sheet.Cell(r, 6);
            var date = sheet.Cell(r, 7);
            switch (kpi.Kind)
            {
                case KpiKind.Milestone:
                    value.SetText(entry?.MilestoneState?.Japanese());
                    value.SetDataValidation().List("\"未着手,実施中,完了\"", true);
                    if (entry?.MilestoneDate is { } done)
                    {
                        date.SetValue(done.ToDateTime(TimeOnly.MinValue));
                    }

                    date.Style.DateFormat.Format = "yyyy/mm/dd";
                    date.SetDataValidation().Date.Between(new DateTime(2000, 1, 1), new DateTime(2100, 12, 31));
                    break;
                case var kind when kind.IsNumeric():
                    value.SetNumber(entry?.Value, kpi.Unit);
                    var validation = value.SetDataValidation();
                    if (kind.IsCount())
                    {
                        validation.WholeNumber.Between(0, int.MaxValue);
                        validation.ErrorMessage = "0以上の整数を入力してください。";
                    }
                    else
                    {
                        validation.Decimal.Between(0, kind == KpiKind.Percentage ? 100 : (double)KpiValueParser.Limit - 1);
                        validation.ErrorMessage = kind == KpiKind.Percentage ? "0から100の数値を入力してください。" : "0以上の数値を入力してください。";
                    }
                    break;
                default:
                    value.Style.Fill.BackgroundColor = XLColor.FromHtml("#EEEEEE");
                    break;
            }

            sheet.Cell(r, 8).SetText(entry?.Done);
            sheet.Cell(r, 9).SetText(entry?.Check);
            sheet.Cell(r, 10).SetText(entry?.Act);
            foreach (var (column, _, _, _) in Inputs)
            {
                if (kpi.Kind == KpiKind.MonitorOnly && column == 6 || kpi.Kind != KpiKind.Milestone && column == 7)
                {
                    continue;
                }

                sheet.Cell(r, column).Style.Protection.Locked = false;
                sheet.Cell(r, column).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFF9E5");
            }

            foreach (var column in new[] { 8, 9, 10 })
            {
                sheet.Cell(r, column).SetDataValidation().TextLength.EqualOrLessThan(EntryValidation.NoteMaxLength);
            }
        }

        sheet.Range(2, 8, Math.Max(r, 2), 10).Style.Alignment.WrapText = true;
        PackBuilder.Finish(sheet, r, 10);
        sheet.PageSetup.Header.Center.AddText($"実績入力 {quarter.ToJapaneseLabel()}");
        sheet.Protect().AllowElement(XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows);

        var meta = workbook.AddWorksheet(MetaSheet);
        meta.Cell(1, 1).SetText(Marker);
        meta.Cell(2, 1).SetText(protection.CreateProtector(Purpose).Protect(Payload(planCode, quarter, rows.Select(x => x.Kpi.Code))));
        meta.Visibility = XLWorksheetVisibility.VeryHidden;

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return PrintTitles.FixForLibreOffice(stream.ToArray());
    }

    /// <summary>A row read from an upload: its sheet row, KPI code and the request it makes.</summary>
    public sealed record Row(int SheetRow, string KpiCode, SaveEntryRequest Request);

    /// <summary>The answer to a file that is not a workbook.</summary>
    public static string NotAWorkbook => Wording.Pick(
        "Excelファイル（.xlsx）として読めません。ダウンロードした入力用ファイルに入力して、.xlsx のまま保存してください。",
        "This cannot be read as an Excel file (.xlsx). Please fill in the entry file you downloaded and keep it as .xlsx.");

    private static string DateExpected => Wording.Pick("完了日は 2025/12/1 のような日付で入力してください。", "Enter the completion date as a date such as 2025/12/1.");

    /// <summary>Reads an upload: the quarter and rows, or the errors that stop it.</summary>
    public static (FiscalQuarter Quarter, List<Row> Rows, List<TemplateError> Errors) Read(byte[] bytes, string planCode, IDataProtectionProvider protection)
    {
        var errors = new List<TemplateError>();
        if (bytes.Length > MaxBytes)
        {
            errors.Add(new TemplateError(InputSheet, 0, "", Wording.Pick(
                $"ファイルが大きすぎます（上限 {MaxBytes / 1024 / 1024} MB）。ダウンロードした入力用ファイルをお使いください。",
                $"The file is too large (up to {MaxBytes / 1024 / 1024} MB). Please use the entry file you downloaded.")));
            return (default, [], errors);
        }

        if (WorkbookGuard.Check(bytes, out var errorCells) is { } refusal)
        {
            errors.Add(new TemplateError(InputSheet, 0, "", refusal));
            return (default, [], errors);
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors.Add(new TemplateError(InputSheet, 0, "", NotAWorkbook));
            return (default, [], errors);
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(MetaSheet, out var meta) || meta.Cell(1, 1).GetString() != Marker || !workbook.TryGetWorksheet(InputSheet, out var sheet))
            {
                errors.Add(new TemplateError(InputSheet, 0, "", Wording.Pick(
                    "このダッシュボードの入力用ファイルではありません。「Excelで入力」からダウンロードしたファイルをお使いください。",
                    "This is not an entry file of this dashboard. Please use the file downloaded from Enter in Excel.")));
                return (default, [], errors);
            }

            string payload;
            try
            {
                payload = protection.CreateProtector(Purpose).Unprotect(meta.Cell(2, 1).GetString());
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                errors.Add(new TemplateError(InputSheet, 0, "", Wording.Pick("入力用ファイルの管理情報が変更されています。新しくダウンロードし直してください。", "The entry file's own data has been changed. Please download it again.")));
                return (default, [], errors);
            }

            var parts = payload.Split('|');
            var quarter = new FiscalQuarter(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            var codes = parts[3].Length == 0 ? [] : parts[3].Split(',');
            if (parts[0] != planCode)
            {
                errors.Add(new TemplateError(InputSheet, 0, "", Wording.Pick("別の計画の入力用ファイルです。現行の計画のファイルをダウンロードし直してください。", "This entry file is for another plan. Please download the current plan's file.")));
                return (quarter, [], errors);
            }

            var rows = new List<Row>();
            for (var i = 0; i < codes.Length; i++)
            {
                var r = i + 2;
                var code = sheet.Cell(r, 1).GetString();
                if (code != codes[i])
                {
                    errors.Add(new TemplateError(InputSheet, r, "A", Wording.Pick(
                        $"指標コードが変更されています（{code}）。行を並べ替えたり書き換えたりせずに入力してください。",
                        $"An indicator code has been changed ({code}). Please enter figures without moving or rewriting rows.")));
                    continue;
                }

                rows.Add(new Row(r, code, ReadRequest(sheet, r, errors)));
            }

            foreach (var (cell, value) in errorCells)
            {
                var address = XLHelper.IsValidA1Address(cell) ? sheet.Cell(cell).Address : null;
                if (address is { RowNumber: > 1 } && address.RowNumber <= codes.Length + 1 && address.ColumnNumber >= Inputs[0].Column)
                {
                    errors.Add(new TemplateError(InputSheet, address.RowNumber, address.ColumnLetter, Wording.Pick($"エラー値（{value}）が入っています。値を入力し直してください。", $"The cell holds an error value ({value}). Please enter the value again.")));
                }
            }

            if (!sheet.Cell(codes.Length + 2, 1).IsEmpty())
            {
                errors.Add(new TemplateError(InputSheet, codes.Length + 2, "A", Wording.Pick("入力用ファイルにない行が追加されています。", "Rows have been added that the entry file did not have.")));
            }

            return (quarter, rows, errors);
        }
    }

    private static SaveEntryRequest ReadRequest(IXLWorksheet sheet, int r, List<TemplateError> errors)
    {
        var valueCell = sheet.Cell(r, 6);
        string? value = null;
        MilestoneState? milestone = null;
        var text = CellText(valueCell, r, "F", errors);
        if (sheet.Cell(r, 3).GetString() == KpiKind.Milestone.Japanese())
        {
            milestone = text switch
            {
                null => null,
                "未着手" => MilestoneState.NotStarted,
                "実施中" => MilestoneState.InProgress,
                "完了" => MilestoneState.Done,
                _ => Fail(errors, r, "F", Wording.Pick("状態は「未着手」「実施中」「完了」から選んでください。", "Choose the state from 未着手, 実施中 or 完了 (not started, in progress, done).")),
            };
        }
        else
        {
            value = text;
        }

        DateOnly? date = null;
        var dateCell = sheet.Cell(r, 7);
        if (!dateCell.IsEmpty())
        {
            var dateText = CellText(dateCell, r, "G", errors);
            if (dateCell.DataType == XLDataType.DateTime && !dateCell.HasFormula && DateOf(dateCell) is { } typed)
            {
                date = typed;
            }
            else if (dateCell.DataType is XLDataType.DateTime or XLDataType.Number && double.TryParse(dateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            {
                // Excel keeps dates as day numbers; anything outside 1900-9999 is not a date Excel could show.
                if (serial is >= 1 and < 2958466)
                {
                    date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                }
                else
                {
                    errors.Add(new TemplateError(InputSheet, r, "G", DateExpected));
                }
            }
            else if (DateOnly.TryParse(dateText, CultureInfo.GetCultureInfo("ja-JP"), out var parsed))
            {
                date = parsed;
            }
            else if (dateText is not null)
            {
                errors.Add(new TemplateError(InputSheet, r, "G", DateExpected));
            }
        }

        return new SaveEntryRequest(value, milestone, date, CellText(sheet.Cell(r, 8), r, "H", errors), CellText(sheet.Cell(r, 9), r, "I", errors),
            CellText(sheet.Cell(r, 10), r, "J", errors), null, null, false);
    }

    private static DateOnly? DateOf(IXLCell cell)
    {
        try
        {
            return cell.TryGetValue<DateTime>(out var value) ? DateOnly.FromDateTime(value) : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }

    private static MilestoneState? Fail(List<TemplateError> errors, int row, string column, string message)
    {
        errors.Add(new TemplateError(InputSheet, row, column, message));
        return null;
    }

    /// <summary>
    /// A cell as text: numbers in invariant form (so the shared parser reads them), text as typed. A formula counts by
    /// the result Excel saved with it; a formula saved without one, is refused by cell.
    /// </summary>
    private static string? CellText(IXLCell cell, int row, string column, List<TemplateError> errors)
    {
        string raw;
        if (cell.HasFormula)
        {
            raw = cell.CachedValue switch
            {
                null => "",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
            if (raw.Length == 0)
            {
                errors.Add(new TemplateError(InputSheet, row, column, Wording.Pick(
                    "数式の計算結果が保存されていません。値を直接入力するか、Excelで開いて保存し直してください。",
                    "The formula's result was not saved. Enter the value itself, or open the file in Excel and save it again.")));
                return null;
            }
        }
        else if (cell.IsEmpty())
        {
            return null;
        }
        else
        {
            raw = cell.GetString();
        }

        return (cell.DataType is XLDataType.Number or XLDataType.DateTime || cell.CachedValue is double) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("0.##########", CultureInfo.InvariantCulture)
            : raw;
    }

    private static string Payload(string planCode, FiscalQuarter quarter, IEnumerable<string> codes) =>
        $"{planCode}|{quarter.FiscalYear}|{quarter.Quarter}|{string.Join(",", codes)}";
}
