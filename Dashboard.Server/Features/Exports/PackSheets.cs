using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Features.Exports;

internal static class PackCover
{
    public static void Write(IXLWorksheet sheet, PackData data, IReadOnlyList<PackRow> rows)
    {
        sheet.Column(1).Width = 20;
        sheet.Column(2).Width = 56;
        // At the plan's last quarter the pack is the 最終評価: grades against the final targets.
        sheet.Cell(1, 1).SetText(data.Quarter == data.Current.LastQuarter ? "DX推進計画 最終評価資料" : "DX推進計画 PDCA資料");
        sheet.Cell(1, 1).Style.Font.FontSize = 20;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Row(1).Height = 36; // LibreOffice does not grow rows for large fonts
        var lines = new (string Label, string Value)[]
        {
            ("計画", data.Plan.Name),
            ("計画期間", $"{data.Plan.PeriodStart:yyyy年M月}〜{data.Plan.PeriodEnd:yyyy年M月}"),
            ("対象四半期", data.Quarter.ToJapaneseLabel()),
            ("作成日時", JapanTime.Format(data.ExportedUtc, "yyyy年M月d日 H:mm")),
            ("作成者", data.ExportedBy),
            ("指標の数", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("提出期限", data.Window.DueLabel + (data.Window.IsDefault ? "" : "（事務局が設定）")),
            ("期限後の未提出", $"{data.LateCount(data.Kpis().Select(k => k.Kpi))}件（作成時点で提出も承認もされていない指標）"),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.Cell(3 + i, 1).SetText(lines[i].Label).Style.Font.Bold = true;
            sheet.Cell(3 + i, 2).SetText(lines[i].Value);
        }

        var row = 4 + lines.Length;
        sheet.Cell(row, 1).SetText("状況の内訳").Style.Font.Bold = true;
        foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => g.Key))
        {
            row++;
            sheet.Cell(row, 1).SetText(group.Key.Japanese());
            sheet.Cell(row, 2).SetValue(group.Count());
            if (group.Key == KpiStatus.NotReported)
            {
                // "Not yet this quarter" and "never" are different signals for the committee.
                var never = group.Count(r => r.NeverReported);
                sheet.Cell(++row, 1).SetText("　うち以前の実績あり");
                sheet.Cell(row, 2).SetValue(group.Count() - never);
                sheet.Cell(++row, 1).SetText("　うち実績なし");
                sheet.Cell(row, 2).SetValue(never);
            }
        }

        row += 2;
        sheet.Cell(row, 1).SetText("注記").Style.Font.Bold = true;
        sheet.Cell(row, 2).SetText("状況と予測は事務局が承認した実績だけで計算しています。達成率は四半期末の見込みに対する進み具合です。");
        if (data.Entries.Any(e => e.IsSample))
        {
            sheet.Cell(row + 1, 2).SetText("「サンプル」の実績はデモ用の架空の数値です。").Style.Font.FontColor = XLColor.DarkRed;
        }

        sheet.Range(3, 2, row + 1, 2).Style.Alignment.WrapText = true;
        // LibreOffice does not grow rows for wrapped text: give every wrapped line its height, or the note prints cut.
        for (var r = 3; r <= row + 1; r++)
        {
            PrintLayout.FitRow(sheet, r, (2, sheet.Column(2).Width));
        }

        PackBuilder.Print(sheet);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Portrait;
    }
}

internal static class PackKpiList
{
    public const int AchievementColumn = 11;
    public const int StatusColumn = 12;

    public static void Write(IXLWorksheet sheet, PackData data, IReadOnlyList<PackRow> rows)
    {
        PackBuilder.Header(sheet, ("基本方針", 7), ("取組施策", 24), ("コード", 8), ("指標", 36), ("種類", 10), ("単位", 7),
            ("基準値", 10), ("年度目標", 10), ("四半期末の見込み", 11), ("実績（承認済）", 11), ("達成率", 9), ("状況", 10),
            ("予測（計画最終四半期）", 12), ("予測の判定", 14), ("担当課", 18), ("入力状態", 9), ("最新の承認済実績", 20), ("評価区分", 9));
        var r = 1;
        foreach (var row in rows)
        {
            r++;
            var unit = row.Kpi.Unit;
            sheet.Cell(r, 1).SetValue(row.Policy.Number);
            sheet.Cell(r, 2).SetText($"{row.Initiative.Number} {row.Initiative.Title}");
            sheet.Cell(r, 3).SetText(row.Kpi.Code);
            sheet.Cell(r, 4).SetText(row.Kpi.Name);
            sheet.Cell(r, 5).SetText(row.Kpi.Kind.Japanese());
            sheet.Cell(r, 6).SetText(unit);
            sheet.Cell(r, 7).SetNumber(row.Kpi.BaselineValue, unit);
            sheet.Cell(r, 8).SetNumber(row.YearTarget, unit);
            sheet.Cell(r, 9).SetNumber(row.Expected is { } e ? Math.Round(e, 2) : null, unit);
            if (row.Kpi.Kind.IsNumeric())
            {
                sheet.Cell(r, 10).SetNumber(row.ApprovedValue, unit);
            }
            else
            {
                sheet.Cell(r, 10).SetText(row.Figure);
            }

            if (Achievement(row, r) is { } formula)
            {
                sheet.Cell(r, AchievementColumn).FormulaA1 = formula;
                sheet.Cell(r, AchievementColumn).Style.NumberFormat.Format = "0.0%";
            }

            sheet.Cell(r, StatusColumn).SetText(row.Status.Japanese());
            var forecast = row.Forecast(data);
            sheet.Cell(r, 13).SetNumber(forecast.ProjectedValue is { } p ? Math.Round(p, 1) : null, unit);
            sheet.Cell(r, 14).SetText(PackRow.ForecastText(forecast));
            sheet.Cell(r, 15).SetText(string.Join("、", row.Kpi.Owners.Select(o => o.Name)));
            sheet.Cell(r, 16).SetText(row.EntryStateText(data));
            sheet.Cell(r, 17).SetText(row.LatestText);
            sheet.Cell(r, 18).SetText(row.Grade.Japanese());
        }

        sheet.Range(2, 4, r, 4).Style.Alignment.WrapText = true;
        sheet.Range(2, 17, Math.Max(r, 2), 17).Style.Alignment.WrapText = true;
        for (var row = 2; row <= r; row++)
        {
            PrintLayout.FitRow(sheet, row, (4, 36), (17, 20));
        }

        PackBuilder.Finish(sheet, r, 18);
        PrintLayout.AcrossPages(sheet, repeatColumns: (3, 4));
        StatusColours(sheet.Range(2, StatusColumn, Math.Max(r, 2), StatusColumn));
    }

    /// <summary>
    /// The achievement of the quarter's expected value (column I) by the approved figure (J) as a formula, the same
    /// arithmetic as KpiRules.Achievement, so the committee can see and check it. Empty where there is nothing to divide.
    /// </summary>
    private static string? Achievement(PackRow row, int r)
    {
        if (!row.Kpi.Kind.IsNumeric() || row.Expected is null || row.ApprovedValue is null)
        {
            return null;
        }

        string G = $"G{r}", I = $"I{r}", J = $"J{r}";
        var higher = row.Kpi.Direction == KpiDirection.HigherIsBetter;
        return (row.Kpi.BaselineValue is not null, higher) switch
        {
            (true, true) => $"IF({I}={G},IF({J}>={I},1,0),({J}-{G})/({I}-{G}))",
            (true, false) => $"IF({I}={G},IF({J}<={I},1,0),({G}-{J})/({G}-{I}))",
            (false, true) => $"IF({I}=0,IF({J}>={I},1,0),{J}/{I})",
            (false, false) => $"IF(OR({I}=0,{J}=0),IF({J}<={I},1,0),{I}/{J})",
        };
    }

    internal static void StatusColours(IXLRange range)
    {
        foreach (var (text, colour) in new[]
        {
            ("達成", "#C6EFCE"), ("完了", "#C6EFCE"), ("順調", "#DDEBF7"), ("予定どおり", "#DDEBF7"),
            ("注意", "#FFEB9C"), ("遅延", "#FFC7CE"), ("期限超過", "#FFC7CE"), ("未報告", "#E7E6E6"),
        })
        {
            range.AddConditionalFormat().WhenEquals($"\"{text}\"").Fill.SetBackgroundColor(XLColor.FromHtml(colour));
        }
    }
}

internal static class PackDataSheet
{
    public static void Write(IXLWorksheet sheet, PackData data)
    {
        PackBuilder.Header(sheet, ("計画", 18), ("基本方針", 7), ("取組施策", 7), ("コード", 8), ("指標", 30), ("種類", 10), ("単位", 7),
            ("方向", 10), ("年度", 7), ("四半期", 6), ("四半期名", 18), ("基準値", 10), ("年度目標", 10), ("見込み", 10), ("実績", 10),
            ("マイルストーン", 10), ("状況", 10), ("入力状態", 9), ("サンプル", 7), ("更新者", 18), ("更新日時", 16));
        var r = 1;
        foreach (var (policy, initiative, kpi) in data.Kpis())
        {
            foreach (var q in data.Current.QuartersUpTo(data.Quarter))
            {
                var row = PackRow.Of(data, policy, initiative, kpi, q);
                r++;
                sheet.Cell(r, 1).SetText(data.Plan.Code);
                sheet.Cell(r, 2).SetValue(policy.Number);
                sheet.Cell(r, 3).SetValue(initiative.Number);
                sheet.Cell(r, 4).SetText(kpi.Code);
                sheet.Cell(r, 5).SetText(kpi.Name);
                sheet.Cell(r, 6).SetText(kpi.Kind.Japanese());
                sheet.Cell(r, 7).SetText(kpi.Unit);
                sheet.Cell(r, 8).SetText(kpi.Direction.Japanese());
                sheet.Cell(r, 9).SetValue(q.FiscalYear);
                sheet.Cell(r, 10).SetValue(q.Quarter);
                sheet.Cell(r, 11).SetText(q.ToJapaneseLabel());
                sheet.Cell(r, 12).SetNumber(kpi.BaselineValue, kpi.Unit);
                sheet.Cell(r, 13).SetNumber(row.YearTarget, kpi.Unit);
                sheet.Cell(r, 14).SetNumber(row.Expected is { } e ? Math.Round(e, 2) : null, kpi.Unit);
                sheet.Cell(r, 15).SetNumber(row.ApprovedValue, kpi.Unit);
                sheet.Cell(r, 16).SetText(row.Entry?.MilestoneState?.Japanese());
                sheet.Cell(r, 17).SetText(row.Status.Japanese());
                sheet.Cell(r, 18).SetText(row.EntryStateText(data));
                sheet.Cell(r, 19).SetText(row.Entry?.IsSample == true ? "サンプル" : "");
                sheet.Cell(r, 20).SetText(row.Entry?.UpdatedBy);
                if (row.Entry is { UpdatedUtc: var at } && at != default)
                {
                    sheet.Cell(r, 21).SetValue(JapanTime.FromUtc(at));
                    sheet.Cell(r, 21).Style.DateFormat.Format = "yyyy/mm/dd hh:mm";
                }
            }
        }

        PackBuilder.Finish(sheet, r, 21);
        PrintLayout.AcrossPages(sheet, repeatColumns: (4, 5));
    }
}
