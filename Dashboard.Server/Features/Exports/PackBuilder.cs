using ClosedXML.Excel;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// The Excel pack for the steering committee's PDCA review, the committee's own document: a cover, a one-page 総括,
/// one A4 評価シート per initiative, then for analysts the KPI list and a flat data sheet (both print at full size
/// across pages). Japanese font, number formats, frozen headers, filters, row heights fitted to wrapped text.
/// Column widths are set, never measured (AdjustToContents needs libgdiplus; see STACK-NOTES).
/// </summary>
public static class PackBuilder
{
    public const string FontName = "Meiryo UI";
    public const string CoverSheet = "表紙";
    public const string SummarySheet = "総括";
    public const string KpiListSheet = "指標一覧";
    public const string DataSheet = "データ";

    public static byte[] Build(PackData data)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = 10;
        workbook.Properties.Title = $"{data.Plan.Name} PDCA資料 {data.Quarter.ToJapaneseLabel()}";
        workbook.Properties.Author = data.ExportedBy;

        var rows = data.Kpis().Select(x => PackRow.Of(data, x.Policy, x.Initiative, x.Kpi, data.Quarter)).ToList();
        var charts = new List<PackCharts.ChartRequest>();
        PackCover.Write(workbook.AddWorksheet(CoverSheet), data, rows);
        PackSummary.Write(workbook.AddWorksheet(SummarySheet), data, rows);
        foreach (var initiative in data.Plan.Policies.OrderBy(p => p.Number).SelectMany(p => p.Initiatives.OrderBy(i => i.Number)))
        {
            var sheetName = PackNaming.InitiativeSheet(initiative.Number, initiative.Title);
            if (PackEvaluationSheet.Write(workbook.AddWorksheet(sheetName), data, initiative, rows) is { } chart)
            {
                charts.Add(chart with { Sheet = sheetName });
            }
        }

        PackKpiList.Write(workbook.AddWorksheet(KpiListSheet), data, rows);
        PackDataSheet.Write(workbook.AddWorksheet(DataSheet), data);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true, ValidatePackage = false });
        return PackCharts.Add(PrintTitles.FixForLibreOffice(stream.ToArray()), charts);
    }

    /// <summary>A header row: bold, filled, frozen, filtered, repeated on every printed page.</summary>
    internal static void Header(IXLWorksheet sheet, params (string Title, double Width)[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).SetText(columns[c].Title);
            sheet.Column(c + 1).Width = columns[c].Width;
        }

        var header = sheet.Range(1, 1, 1, columns.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F2");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Row(1).Height = 30;
        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    /// <summary>A4 landscape, fit to one page wide.</summary>
    internal static void Print(IXLWorksheet sheet)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.5).SetBottom(0.5).SetHeader(0.3).SetFooter(0.3);
        sheet.PageSetup.Footer.Center.AddText("&P / &N");
    }

    /// <summary>Turns the used range below the header into a filtered table area with borders and wrapped text.</summary>
    internal static void Finish(IXLWorksheet sheet, int lastRow, int lastColumn)
    {
        if (lastRow > 1)
        {
            var range = sheet.Range(1, 1, lastRow, lastColumn);
            range.SetAutoFilter();
            range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            sheet.Range(2, 1, lastRow, lastColumn).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        Print(sheet);
    }

    internal static string NumberFormat(string unit) => unit.StartsWith('%') ? "0.0\"%\"" : "#,##0.##";

    internal static void SetNumber(this IXLCell cell, decimal? value, string unit)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = NumberFormat(unit);
        }
    }

    internal static string Japanese(this EntryState? state) => EntryStateLabels.Japanese(state);

    internal static string Label(FiscalQuarter q) => q.ToJapaneseLabel();

    internal static string StatusText(KpiStatus status) => status.Japanese();
}
