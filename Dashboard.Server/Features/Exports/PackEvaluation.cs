using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Features.Exports;

/// <summary>An initiative's 総合評価 in the pack: the secretariat's override, or the suggestion from its KPIs' grades.</summary>
internal static class PackInitiativeGrade
{
    public static KpiGrade Suggested(PackData data, Initiative initiative, IReadOnlyList<PackRow> rows) =>
        AssessmentRules.Suggest(rows.Where(r => r.Initiative == initiative).Select(r => r.Grade), data.Current.Grading.Scheme);

    public static KpiGrade Overall(PackData data, Initiative initiative, IReadOnlyList<PackRow> rows) =>
        data.Assessments.GetValueOrDefault(initiative.Id)?.OverrideGrade ?? Suggested(data, initiative, rows);
}

/// <summary>
/// 総括, one A4 portrait page: counts by grade and by status, every initiative with its 総合評価 and 今後の方向性, and
/// what needs the committee's attention (遅延 / 期限超過 / 未報告), each with its department and the reason given.
/// </summary>
internal static class PackSummary
{
    private static readonly double[] _widths = [30, 27, 7, 7, 12];

    public static void Write(IXLWorksheet sheet, PackData data, IReadOnlyList<PackRow> rows)
    {
        for (var c = 0; c < _widths.Length; c++)
        {
            sheet.Column(c + 1).Width = _widths[c];
        }

        var final = data.Quarter == data.Current.LastQuarter;
        var r = Title(sheet, 1, $"総括（{data.Quarter.ToJapaneseLabel()}{(final ? "・最終評価" : "")}）", _widths.Length);
        sheet.Cell(++r, 1).SetText(final
            ? "評価区分は計画の最終目標（令和7年度）に対するもの。状況と評価区分は事務局が承認した実績だけで計算しています。"
            : "評価区分は年度目標に対するもの。状況と評価区分は事務局が承認した実績だけで計算しています。");
        Merge(sheet, r, 1, _widths.Length);

        r += 1;
        Section(sheet, ++r, "内訳（指標の数）", _widths.Length);
        sheet.Cell(++r, 1).SetText("評価区分: " + string.Join("・", rows.GroupBy(x => x.Grade)
            .OrderBy(g => g.Key == KpiGrade.NotGradable ? 99 : (int)g.Key).Select(g => $"{g.Key.Japanese()} {g.Count()}")));
        Merge(sheet, r, 1, _widths.Length);
        sheet.Cell(++r, 1).SetText("状況: " + string.Join("・", rows.GroupBy(x => x.Status).OrderBy(g => g.Key).Select(g => $"{g.Key.Japanese()} {g.Count()}"))
            + $"（未報告のうち承認済の実績が一度もないもの {rows.Count(x => x.NeverReported)}）");
        Merge(sheet, r, 1, _widths.Length);

        r += 1;
        Section(sheet, ++r, "取組施策の総合評価", _widths.Length);
        Row(sheet, ++r, true, "取組施策", "", "指標の数", "総合評価", "今後の方向性");
        sheet.Range(r, 1, r, 2).Merge();
        foreach (var policy in data.Plan.Policies.OrderBy(p => p.Number))
        {
            foreach (var initiative in policy.Initiatives.OrderBy(i => i.Number))
            {
                var assessment = data.Assessments.GetValueOrDefault(initiative.Id);
                Row(sheet, ++r, false, $"{initiative.Number} {initiative.Title}", "",
                    initiative.Kpis.Count.ToString(CultureInfo.InvariantCulture),
                    PackInitiativeGrade.Overall(data, initiative, rows).Japanese(),
                    assessment?.Direction?.Japanese() ?? "未記入");
                sheet.Range(r, 1, r, 2).Merge();

            }
        }

        r += 1;
        Section(sheet, ++r, "委員会の注意が必要な指標（遅延・期限超過・未報告）", _widths.Length);
        Row(sheet, ++r, true, "指標", "理由（担当課の評価・課題）", "状況", "評価区分", "担当課");
        var attention = rows.Where(x => x.Status is KpiStatus.Delayed or KpiStatus.Overdue or KpiStatus.NotReported).ToList();
        foreach (var row in attention)
        {
            Row(sheet, ++r, false, $"{row.Kpi.Code} {row.Kpi.Name}", Reason(row), row.Status.Japanese(), row.Grade.Japanese(),
                string.Join("、", row.Kpi.Owners.Select(o => o.Name)));
            PrintLayout.FitRow(sheet, r, (1, _widths[0]), (2, _widths[1]), (4, _widths[3]), (5, _widths[4]));
        }

        if (attention.Count == 0)
        {
            sheet.Cell(++r, 1).SetText("該当する指標はありません。");
            Merge(sheet, r, 1, _widths.Length);
        }

        sheet.Range(1, 1, r, _widths.Length).Style.Alignment.WrapText = true;
        sheet.Range(1, 1, r, _widths.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        PrintLayout.FitRow(sheet, 2, (1, PrintLayout.Width(sheet, 1, _widths.Length)));
        Portrait(sheet, r, _widths.Length);
    }

    /// <summary>Why a KPI needs attention, in the department's words where it gave any.</summary>
    private static string Reason(PackRow row) => row.Status switch
    {
        KpiStatus.NotReported when row.NeverReported => "承認済の実績なし",
        KpiStatus.NotReported => $"今期の報告なし（最新 {row.LatestText}）",
        _ => string.IsNullOrWhiteSpace(row.Entry?.Check) ? "担当課の記載なし。" : row.Entry!.Check!,
    };

    internal static int Title(IXLWorksheet sheet, int r, string text, int columns)
    {
        sheet.Cell(r, 1).SetText(text);
        sheet.Cell(r, 1).Style.Font.FontSize = 14;
        sheet.Cell(r, 1).Style.Font.Bold = true;
        sheet.Range(r, 1, r, columns).Merge();
        sheet.Row(r).Height = 24;
        return r;
    }

    internal static void Section(IXLWorksheet sheet, int r, string text, int columns)
    {
        sheet.Cell(r, 1).SetText(text);
        sheet.Cell(r, 1).Style.Font.Bold = true;
        sheet.Cell(r, 1).Style.Font.FontSize = 11;
        sheet.Range(r, 1, r, columns).Merge();
        sheet.Range(r, 1, r, columns).Style.Border.BottomBorder = XLBorderStyleValues.Medium;
        sheet.Row(r).Height = 20;
    }

    internal static void Row(IXLWorksheet sheet, int r, bool header, params string[] texts)
    {
        for (var c = 0; c < texts.Length; c++)
        {
            sheet.Cell(r, c + 1).SetText(texts[c]);
        }

        var range = sheet.Range(r, 1, r, texts.Length);
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        if (header)
        {
            range.Style.Font.Bold = true;
            range.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F2");
        }
    }

    internal static void Merge(IXLWorksheet sheet, int r, int first, int last)
    {
        sheet.Range(r, first, r, last).Merge();
        sheet.Range(r, first, r, last).Style.Alignment.WrapText = true;
        PrintLayout.FitRow(sheet, r, (first, PrintLayout.Width(sheet, first, last)));
    }

    /// <summary>A4 portrait, one page wide, the print area the sheet's own columns (chart data to the right stays off paper).</summary>
    internal static void Portrait(IXLWorksheet sheet, int lastRow, int lastColumn)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6).SetHeader(0.3).SetFooter(0.3);
        sheet.PageSetup.Footer.Center.AddText("&P / &N");
        sheet.PageSetup.PrintAreas.Clear();
        sheet.PageSetup.PrintAreas.Add(1, 1, lastRow, lastColumn);
        sheet.ShowGridLines = false;
    }
}

/// <summary>
/// One 評価シート per initiative, A4 portrait: 基本方針 and 取組施策, 目的, 担当課, the KPI table (baseline and its date,
/// this year's and the final target, the latest approved figure and its quarter, 達成率 against both, 評価区分, 状況),
/// the chart of the first KPI with a target path over the whole period up to the quarter, the quarter's PDCA notes in
/// full, 「前回の指摘と対応」, and the assessment (総合評価, 課題, 今後の方向性, 推進本部の意見, 担当課の回答).
/// </summary>
internal static class PackEvaluationSheet
{
    public const int Columns = 10;
    private static readonly double[] _widths = [18, 5, 9, 8, 8, 11, 6, 6, 5, 6];

    /// <summary>Chart data sits in these columns, right of the print area: quarter, expected, actual.</summary>
    private const int ChartDataColumn = 12;

    public static PackCharts.ChartRequest? Write(IXLWorksheet sheet, PackData data, Initiative initiative, IReadOnlyList<PackRow> allRows)
    {
        for (var c = 0; c < _widths.Length; c++)
        {
            sheet.Column(c + 1).Width = _widths[c];
        }

        var policy = data.Plan.Policies.Single(p => p.Initiatives.Contains(initiative));
        var rows = allRows.Where(x => x.Initiative == initiative).ToList();
        var final = data.Quarter == data.Current.LastQuarter;
        var assessment = data.Assessments.GetValueOrDefault(initiative.Id);

        var r = PackSummary.Title(sheet, 1, $"評価シート　取組施策{initiative.Number} {initiative.Title}", Columns);
        sheet.Cell(++r, 1).SetText($"{data.Quarter.ToJapaneseLabel()}{(final ? "（最終評価: 評価区分は最終目標に対するもの）" : "")}");
        PackSummary.Merge(sheet, r, 1, Columns);
        Fact(sheet, ++r, "基本方針", $"{policy.Number} {policy.Title}");
        Fact(sheet, ++r, "目的", initiative.Summary ?? "");
        Fact(sheet, ++r, "担当課", string.Join("、", initiative.Kpis.SelectMany(k => k.Owners).Select(o => o.Name).Distinct(StringComparer.Ordinal)));

        r += 1;
        PackSummary.Section(sheet, ++r, "成果指標", Columns);
        PackSummary.Row(sheet, ++r, true, "指標", "単位", "基準値（時点）", $"{JapaneseEra.FiscalYearLabel(data.Quarter.FiscalYear)}目標", "最終目標",
            "最新の承認済実績", "達成率（年度目標）", "達成率（最終目標）", "評価区分", "状況");
        sheet.Range(r, 1, r, Columns).Style.Alignment.WrapText = true;
        sheet.Row(r).Height = 30;
        foreach (var row in rows)
        {
            r++;
            var kpi = row.Kpi;
            sheet.Cell(r, 1).SetText($"{kpi.Name}（{kpi.Code}）");
            sheet.Cell(r, 2).SetText(kpi.Unit);
            sheet.Cell(r, 3).SetText(kpi.BaselineValue is { } b ? KpiFormat.Value(b, "") + (kpi.BaselineDate is { } d ? $"（{d:yyyy/M}）" : "") : "—");
            sheet.Cell(r, 4).SetNumber(row.YearTarget, kpi.Unit);
            sheet.Cell(r, 5).SetNumber(row.Definition.FinalTarget?.Value, kpi.Unit);
            sheet.Cell(r, 6).SetText(row.LatestText);
            Share(sheet.Cell(r, 7), row, row.YearTarget);
            Share(sheet.Cell(r, 8), row, row.Definition.FinalTarget?.Value);
            sheet.Cell(r, 9).SetText(row.Grade.Japanese());
            sheet.Cell(r, 10).SetText(row.Status.Japanese());
            sheet.Range(r, 1, r, Columns).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            sheet.Range(r, 1, r, Columns).Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            sheet.Range(r, 1, r, Columns).Style.Alignment.WrapText = true;
            PrintLayout.FitRow(sheet, r, (1, _widths[0]), (3, _widths[2]), (6, _widths[5]));
        }

        PackKpiList.StatusColours(sheet.Range(r - rows.Count + 1, 10, Math.Max(r, r - rows.Count + 1), 10));
        r = TargetRevisions(sheet, rows, data.Quarter, r);

        var chart = Chart(sheet, data, rows, ref r);

        PackSummary.Section(sheet, ++r, $"今期の取組（{data.Quarter.ToJapaneseLabel()}、担当課の記載）", Columns);
        PackSummary.Row(sheet, ++r, true, "指標", "実施内容", "", "", "評価・課題", "", "", "改善策", "", "");
        MergeNoteColumns(sheet, r);
        foreach (var row in rows)
        {
            r++;
            sheet.Cell(r, 1).SetText(row.Kpi.Name);
            sheet.Cell(r, 2).SetText(Note(row.Entry?.Done));
            sheet.Cell(r, 5).SetText(Note(row.Entry?.Check));
            sheet.Cell(r, 8).SetText(Note(row.Entry?.Act));
            MergeNoteColumns(sheet, r);
            TextRow(sheet, r);
            PrintLayout.FitRow(sheet, r, (1, _widths[0]), (2, PrintLayout.Width(sheet, 2, 4)), (5, PrintLayout.Width(sheet, 5, 7)), (8, PrintLayout.Width(sheet, 8, 10)));
        }

        r = PreviousFindings(sheet, data.PreviousFindings.Where(f => f.InitiativeId == initiative.Id).ToList(), r);

        r += 1;
        PackSummary.Section(sheet, ++r, $"評価（{JapaneseEra.FiscalYearLabel(data.Quarter.FiscalYear)}）", Columns);
        var suggested = PackInitiativeGrade.Suggested(data, initiative, allRows);
        var overall = assessment?.OverrideGrade is { } o
            ? $"{o.Japanese()}（指標からの提案 {suggested.Japanese()}。変更の理由: {assessment.OverrideReason}）"
            : $"{suggested.Japanese()}（指標の評価区分からの提案）";
        Fact(sheet, ++r, "総合評価", overall);
        Fact(sheet, ++r, "課題", assessment?.Issues ?? "未記入");
        Fact(sheet, ++r, "今後の方向性", assessment?.Direction?.Japanese() ?? "未記入");
        Fact(sheet, ++r, "推進本部の意見", assessment?.CommitteeOpinion ?? "未記入");
        Fact(sheet, ++r, "担当課の回答", assessment?.DepartmentReply ?? "未記入");

        sheet.Range(1, 1, r, Columns).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.PageSetup.Header.Center.AddText($"取組施策{initiative.Number} {initiative.Title}");
        PackSummary.Portrait(sheet, r, Columns);
        return chart;
    }

    /// <summary>
    /// 当初目標 and 見直し後目標 with the date and reason, for each KPI whose year target was revised by the quarter's
    /// end: the committee reads the grade against the revised target and sees what it replaced.
    /// </summary>
    private static int TargetRevisions(IXLWorksheet sheet, List<PackRow> rows, FiscalQuarter quarter, int r)
    {
        var revised = rows.Select(row => (row, revision: row.Definition.RevisionInForce(quarter)))
            .Where(x => x.revision is not null).ToList();
        if (revised.Count == 0)
        {
            return r;
        }

        PackSummary.Section(sheet, ++r, $"目標の見直し（{JapaneseEra.FiscalYearLabel(quarter.FiscalYear)}）", Columns);
        foreach (var (row, revision) in revised)
        {
            var kpi = row.Kpi;
            sheet.Cell(++r, 1).SetText($"{kpi.Name}（{kpi.Code}）: 当初目標 {KpiFormat.Value(row.Definition.OriginalTargetFor(quarter.FiscalYear), kpi.Unit)} → 見直し後目標 "
                + $"{KpiFormat.Value(revision!.Value, kpi.Unit)}（目標設定日 {revision.EffectiveFrom:yyyy/MM/dd}、見直し理由: {revision.Reason}）");
            PackSummary.Merge(sheet, r, 1, Columns);
            sheet.Cell(r, 1).Style.Alignment.WrapText = true;
            PrintLayout.FitRow(sheet, r, (1, PrintLayout.Width(sheet, 1, Columns)));
        }

        return r;
    }

    /// <summary>
    /// 「前回の指摘と対応」: each thing the committee asked about this initiative last time (and earlier, while still open),
    /// the department, the due date, the 対応状況 and what was done.
    /// </summary>
    private static int PreviousFindings(IXLWorksheet sheet, List<PackFinding> findings, int r)
    {
        r += 1;
        PackSummary.Section(sheet, ++r, "前回の指摘と対応", Columns);
        if (findings.Count == 0)
        {
            sheet.Cell(++r, 1).SetText("前回の推進本部会議からの指摘はありません。");
            PackSummary.Merge(sheet, r, 1, Columns);
            return r;
        }

        PackSummary.Row(sheet, ++r, true, "指摘（会議）", "", "", "担当課（期限）", "", "対応状況", "対応内容", "", "", "");
        MergeFindingColumns(sheet, r);
        foreach (var finding in findings)
        {
            r++;
            sheet.Cell(r, 1).SetText($"{(finding.KpiName is { } kpi ? $"［{kpi}］" : "")}{finding.Request}\n（{finding.Meeting} {finding.HeldOn:yyyy/M/d}）");
            sheet.Cell(r, 4).SetText($"{finding.Department}\n（{finding.DueOn:yyyy/M/d}まで）");
            sheet.Cell(r, 6).SetText(finding.State.Japanese());
            sheet.Cell(r, 7).SetText(Note(finding.Response));
            MergeFindingColumns(sheet, r);
            TextRow(sheet, r);
            PrintLayout.FitRow(sheet, r, (1, PrintLayout.Width(sheet, 1, 3)), (4, PrintLayout.Width(sheet, 4, 5)), (7, PrintLayout.Width(sheet, 7, 10)));
        }

        return r;
    }

    /// <summary>A table row of long text: wrapped, from the top, with thin borders.</summary>
    private static void TextRow(IXLWorksheet sheet, int r)
    {
        var range = sheet.Range(r, 1, r, Columns);
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    private static void MergeFindingColumns(IXLWorksheet sheet, int r)
    {
        sheet.Range(r, 1, r, 3).Merge();
        sheet.Range(r, 4, r, 5).Merge();
        sheet.Range(r, 7, r, 10).Merge();
    }

    private static string Note(string? text) => string.IsNullOrWhiteSpace(text) ? "（記載なし）" : text;

    private static void MergeNoteColumns(IXLWorksheet sheet, int r)
    {
        sheet.Range(r, 2, r, 4).Merge();
        sheet.Range(r, 5, r, 7).Merge();
        sheet.Range(r, 8, r, 10).Merge();
    }

    /// <summary>A label in the first column and its text across the rest, wrapped, the row as tall as the text.</summary>
    private static void Fact(IXLWorksheet sheet, int r, string label, string text)
    {
        sheet.Cell(r, 1).SetText(label).Style.Font.Bold = true;
        sheet.Cell(r, 2).SetText(text);
        PackSummary.Merge(sheet, r, 2, Columns);
        sheet.Range(r, 1, r, Columns).Style.Border.BottomBorder = XLBorderStyleValues.Hair;
    }

    /// <summary>達成率 of the latest approved figure against <paramref name="target"/>, for numeric KPIs with both.</summary>
    private static void Share(IXLCell cell, PackRow row, decimal? target)
    {
        if (row.Kpi.Kind.IsNumeric() && row.Kpi.Kind != KpiKind.ZeroTarget && target is { } t && row.Latest?.Report.Value is { } actual)
        {
            cell.SetValue(Math.Round(KpiRules.Achievement(row.Kpi.Direction, row.Kpi.BaselineValue, t, actual), 3));
            cell.Style.NumberFormat.Format = "0.0%";
        }
        else
        {
            cell.SetText("—");
        }
    }

    /// <summary>
    /// The chart of the first KPI with a target path: expected against approved actual for every quarter up to the
    /// pack's, its data right of the print area, the chart itself inside it, under the KPI table.
    /// </summary>
    private static PackCharts.ChartRequest? Chart(IXLWorksheet sheet, PackData data, IReadOnlyList<PackRow> rows, ref int r)
    {
        var charted = rows.FirstOrDefault(x => x.Kpi.Kind.HasTargetPath());
        if (charted is null)
        {
            return null;
        }

        var header = 1;
        sheet.Cell(header, ChartDataColumn).SetText("グラフのデータ（四半期）");
        sheet.Cell(header, ChartDataColumn + 1).SetText("見込み");
        sheet.Cell(header, ChartDataColumn + 2).SetText("実績");
        sheet.Column(ChartDataColumn).Width = 18;
        var first = header + 1;
        var last = header;
        foreach (var q in data.Current.QuartersUpTo(data.Quarter))
        {
            last++;
            sheet.Cell(last, ChartDataColumn).SetText($"R{q.FiscalYear - 2018} Q{q.Quarter}");
            sheet.Cell(last, ChartDataColumn + 1).SetNumber(KpiRules.ExpectedAt(charted.Definition, q) is { } e ? Math.Round(e, 2) : null, charted.Kpi.Unit);
            sheet.Cell(last, ChartDataColumn + 2).SetNumber(data.EntryOf(charted.Kpi, q) is { State: Dashboard.Shared.Entries.EntryState.Approved, Value: { } v } ? v : null, charted.Kpi.Unit);
        }

        // 15 rows of 15 pt under the table: about 8 cm on paper.
        var top = r + 1;
        for (var i = 0; i < 15; i++)
        {
            sheet.Row(top + i).Height = 15;
        }

        r = top + 15;
        return new PackCharts.ChartRequest("", $"{charted.Kpi.Name}（{charted.Kpi.Unit}）見込みと実績", first, last)
        {
            Categories = ColumnLetter(ChartDataColumn),
            Expected = ColumnLetter(ChartDataColumn + 1),
            Actual = ColumnLetter(ChartDataColumn + 2),
            NameRow = header,
            Anchor = (0, top - 1, Columns, top + 14),
        };
    }

    private static string ColumnLetter(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
