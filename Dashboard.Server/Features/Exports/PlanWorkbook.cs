using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// A plan as the KPI table cities write (基本方針, 施策, KPI, 単位, 基準値, 各年度目標, 担当課), and back. Reading
/// turns the workbook into the seed files' shape and runs the seed files' validator over it (<see cref="PlanSeedValidator"/>,
/// collecting), so the import, the seed files and the app hold a plan to the same rules; every problem is reported with
/// its sheet, row and column, and nothing is saved while any remains.
/// </summary>
internal static partial class PlanWorkbook
{
    public const string KpiSheet = PlanWorkbookRead.KpiSheet;
    public const string PlanSheet = PlanWorkbookRead.PlanSheet;
    public const string RevisionSheet = "目標の見直し";

    private static readonly string[] _before = ["基本方針番号", "基本方針", "基本方針の副題", "施策番号", "施策", "施策の概要", "KPIコード", "KPI", "種類", "方向", "単位", "基準値", "基準日"];
    private static readonly string[] _after = ["期限年度", "担当課", "出典", "備考"];
    private static readonly string[] _revisionColumns = ["KPIコード", "年度", "見直し後目標", "目標設定日", "見直し理由", "記録者"];

    /// <summary>The plan's workbook: the KPI table first (so an error value there is caught on upload), the plan, the revised targets.</summary>
    public static byte[] Write(Plan plan, IReadOnlyDictionary<int, string> departmentNames)
    {
        var years = Years(plan.PeriodStart, plan.PeriodEnd);
        using var workbook = new XLWorkbook();
        var table = workbook.AddWorksheet(KpiSheet);
        var headers = _before.Concat(years.Select(YearHeader)).Concat(_after).ToList();
        for (var c = 0; c < headers.Count; c++)
        {
            table.Cell(1, c + 1).SetValue(headers[c]);
        }

        var row = 2;
        var revisions = new List<(string Code, KpiTargetValue Target)>();
        foreach (var policy in plan.Policies.OrderBy(p => p.Number))
        {
            foreach (var initiative in policy.Initiatives.OrderBy(i => i.Number))
            {
                foreach (var kpi in initiative.Kpis.OrderBy(k => k.DisplayOrder))
                {
                    object?[] cells =
                    [
                        policy.Number, policy.Title, policy.Subtitle, initiative.Number, initiative.Title, initiative.Summary,
                        kpi.Code, kpi.Name, kpi.Kind.Japanese(), kpi.Direction.Japanese(), kpi.Unit, kpi.BaselineValue, kpi.BaselineDate is { } d ? Iso(d) : null,
                    ];
                    var c = 1;
                    foreach (var value in cells)
                    {
                        Set(table.Cell(row, c++), value);
                    }

                    foreach (var year in years)
                    {
                        Set(table.Cell(row, c++), kpi.Targets.FirstOrDefault(t => t.FiscalYear == year && t.EffectiveFrom is null)?.Value);
                    }

                    Set(table.Cell(row, c++), kpi.MilestoneDueFiscalYear);
                    Set(table.Cell(row, c++), string.Join("、", kpi.Owners.Select(o => departmentNames.GetValueOrDefault(o.Id, o.Code))));
                    Set(table.Cell(row, c++), kpi.Source);
                    Set(table.Cell(row, c), kpi.Note);
                    revisions.AddRange(kpi.Targets.Where(t => t.EffectiveFrom is not null).Select(t => (kpi.Code, t)));
                    row++;
                }
            }
        }

        table.Row(1).Style.Font.Bold = true;
        table.SheetView.FreezeRows(1);
        // Fixed widths: ClosedXML measures text through libgdiplus, which a closed network's server may not have.
        for (var c = 1; c <= headers.Count; c++)
        {
            table.Column(c).Width = headers[c - 1] switch
            {
                "基本方針" or "施策" or "KPI" or "備考" or "出典" or "基本方針の副題" or "施策の概要" => 36,
                "担当課" => 24,
                _ => 12,
            };
        }

        var meta = workbook.AddWorksheet(PlanSheet);
        string?[][] facts =
        [
            ["計画コード", plan.Code], ["計画名", plan.Name], ["計画期間の開始", Iso(plan.PeriodStart)], ["計画期間の終了", Iso(plan.PeriodEnd)],
            ["説明", "「計画と指標」の「計画を読み込む」でこのファイルを読み込むと、下書きの計画として登録されます。日付は YYYY-MM-DD、年度は西暦で書きます。"],
        ];
        for (var r = 0; r < facts.Length; r++)
        {
            meta.Cell(r + 1, 1).SetValue(facts[r][0]);
            Set(meta.Cell(r + 1, 2), facts[r][1]);
        }

        meta.Column(1).Style.Font.Bold = true;
        (meta.Column(1).Width, meta.Column(2).Width) = (16, 80);

        var revised = workbook.AddWorksheet(RevisionSheet);
        for (var c = 0; c < _revisionColumns.Length; c++)
        {
            revised.Cell(1, c + 1).SetValue(_revisionColumns[c]);
        }

        var r2 = 2;
        foreach (var (code, target) in revisions.OrderBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Target.FiscalYear).ThenBy(x => x.Target.EffectiveFrom))
        {
            object?[] cells = [code, target.FiscalYear, target.Value, Iso(target.EffectiveFrom!.Value), target.Reason, target.RecordedBy];
            for (var c = 0; c < cells.Length; c++)
            {
                Set(revised.Cell(r2, c + 1), cells[c]);
            }

            r2++;
        }

        revised.Row(1).Style.Font.Bold = true;
        revised.Columns(1, _revisionColumns.Length).Width = 14;
        revised.Column(5).Width = 48;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }


    /// <summary>
    /// Reads an uploaded workbook into a plan. <paramref name="departments"/> maps department names and codes to codes.
    /// Nothing in the result is saved; the caller saves it only when there are no errors.
    /// </summary>
    public static PlanWorkbookRead Read(byte[] bytes, IReadOnlyDictionary<string, string> departments)
    {
        var errors = new List<TemplateError>();
        if (bytes.Length > EntryTemplate.MaxBytes)
        {
            errors.Add(new TemplateError(KpiSheet, 0, "", $"ファイルが大きすぎます（上限 {EntryTemplate.MaxBytes / 1024 / 1024} MB）。"));
            return new PlanWorkbookRead(null, null, errors);
        }

        if (WorkbookGuard.Check(bytes, out var errorCells) is { } refusal)
        {
            errors.Add(new TemplateError(KpiSheet, 0, "", refusal));
            return new PlanWorkbookRead(null, null, errors);
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors.Add(new TemplateError(KpiSheet, 0, "", "Excelファイル（.xlsx）として読めません。.xlsx のまま保存してください。"));
            return new PlanWorkbookRead(null, null, errors);
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(KpiSheet, out var table) || !workbook.TryGetWorksheet(PlanSheet, out var meta))
            {
                errors.Add(new TemplateError(KpiSheet, 0, "", $"「{KpiSheet}」と「{PlanSheet}」のシートが必要です。「計画をExcelで書き出す」で得たファイルの形にしてください。"));
                return new PlanWorkbookRead(null, null, errors);
            }

            foreach (var (cell, value) in errorCells)
            {
                if (XLHelper.IsValidA1Address(cell) && table.Cell(cell).Address is { RowNumber: > 1 } address)
                {
                    errors.Add(new TemplateError(KpiSheet, address.RowNumber, address.ColumnLetter, $"エラー値（{value}）が入っています。値を入力し直してください。"));
                }
            }

            var reader = new Reader(table, meta, departments, errors);
            var file = reader.PlanFile();
            if (file is null)
            {
                return new PlanWorkbookRead(null, null, errors);
            }

            var collected = new List<SeedDataException>();
            PlanSeedResult? plan = null;
            try
            {
                plan = new PlanSeedValidator("workbook", departments.Values.ToHashSet(StringComparer.Ordinal), collected).Validate(file);
            }
            catch (SeedDataException problem)
            {
                collected.Add(problem);
            }

            // One message a row: a row the reader already refused is not reported again by the validator.
            var refused = errors.Where(e => e.Sheet == KpiSheet).Select(e => e.Row).ToHashSet();
            errors.AddRange(collected.Select(reader.ErrorAt).Where(e => e.Sheet != KpiSheet || !refused.Contains(e.Row)));
            if (errors.Count == 0)
            {
                reader.AddRevisions(plan!.Plan);
            }

            return errors.Count == 0 ? new PlanWorkbookRead(plan!.Plan, plan.OwnerCodesByKpi, errors) : new PlanWorkbookRead(null, null, errors);
        }
    }

    /// <summary>Reads the sheets cell by cell, remembering where each value came from for the validator's messages.</summary>
    private sealed class Reader(IXLWorksheet table, IXLWorksheet meta, IReadOnlyDictionary<string, string> departments, List<TemplateError> errors)
    {
        private readonly Dictionary<string, (string Sheet, int Row, string Column)> _where = new(StringComparer.Ordinal);
        private Dictionary<int, int> _yearColumns = [];
        private int _firstAfter;

        public PlanFile? PlanFile()
        {
            var headers = table.Row(1).CellsUsed().ToDictionary(c => c.Address.ColumnNumber, c => c.GetString().Trim());
            for (var i = 0; i < _before.Length; i++)
            {
                if (headers.GetValueOrDefault(i + 1) != _before[i])
                {
                    errors.Add(new TemplateError(KpiSheet, 1, XLHelper.GetColumnLetterFromNumber(i + 1), $"見出しは「{_before[i]}」のはずです。列を並べ替えたり消したりしないでください。"));
                    return null;
                }
            }

            _yearColumns = headers.Where(h => h.Key > _before.Length && YearHeaderPattern().Match(h.Value) is { Success: true })
                .ToDictionary(h => h.Key, h => int.Parse(YearHeaderPattern().Match(h.Value).Groups[1].Value, CultureInfo.InvariantCulture));
            _firstAfter = _before.Length + _yearColumns.Count + 1;
            for (var i = 0; i < _after.Length; i++)
            {
                if (headers.GetValueOrDefault(_firstAfter + i) != _after[i])
                {
                    errors.Add(new TemplateError(KpiSheet, 1, XLHelper.GetColumnLetterFromNumber(_firstAfter + i),
                        $"見出しは「{_after[i]}」のはずです。年度の目標列は「令和8年度目標（2026）」の形で、「{_after[0]}」の前に並べてください。"));
                    return null;
                }
            }

            var file = new PlanFile
            {
                Code = Meta(1, "$.code"),
                Name = Meta(2, "$.name"),
                PeriodStart = MetaDate(3, "$.periodStart"),
                PeriodEnd = MetaDate(4, "$.periodEnd"),
                Policies = [],
            };

            var last = table.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                if (table.Row(r).CellsUsed().All(c => c.GetString().Trim().Length == 0))
                {
                    continue;
                }

                var policyNumber = Int(r, 1);
                var initiativeNumber = Int(r, 4);
                if (policyNumber is null || initiativeNumber is null)
                {
                    continue;
                }

                var policy = file.Policies!.FirstOrDefault(p => p!.Number == policyNumber);
                if (policy is null)
                {
                    policy = new PolicySeed { Number = policyNumber, Title = Text(r, 2), Subtitle = Text(r, 3), Initiatives = [] };
                    file.Policies!.Add(policy);
                    Remember($"$.policies[{file.Policies!.Count - 1}]", r, 1);
                }

                var pi = file.Policies!.IndexOf(policy);
                var initiative = policy.Initiatives!.FirstOrDefault(i => i!.Number == initiativeNumber);
                if (initiative is null)
                {
                    initiative = new InitiativeSeed { Number = initiativeNumber, Title = Text(r, 5), Summary = Text(r, 6), Kpis = [] };
                    policy.Initiatives!.Add(initiative);
                    Remember($"$.policies[{pi}].initiatives[{policy.Initiatives.Count - 1}]", r, 4);
                }

                var at = $"$.policies[{pi}].initiatives[{policy.Initiatives!.IndexOf(initiative)}].kpis[{initiative.Kpis!.Count}]";
                initiative.Kpis!.Add(Kpi(r, at));
            }

            if (file.Policies!.Count == 0)
            {
                errors.Add(new TemplateError(KpiSheet, 2, "A", "指標の行がありません。"));
            }

            return file;
        }

        public TemplateError ErrorAt(SeedDataException problem)
        {
            // The longest path remembered that the problem's path starts with: the cell, else the row.
            var match = _where.Keys.Where(k => problem.JsonPath == k || problem.JsonPath.StartsWith(k + ".", StringComparison.Ordinal) || problem.JsonPath.StartsWith(k + "[", StringComparison.Ordinal))
                .OrderByDescending(k => k.Length).FirstOrDefault();
            var (sheet, row, column) = match is null ? (KpiSheet, 0, "") : _where[match];
            var header = column.Length == 0 ? null : (sheet == KpiSheet ? table : meta).Cell(sheet == KpiSheet ? 1 : row, sheet == KpiSheet ? column : "A").GetString().Trim();
            return new TemplateError(sheet, row, column, header is { Length: > 0 } ? $"「{header}」: {Japanese(problem.Problem)}" : Japanese(problem.Problem));
        }

        /// <summary>The revised targets (見直し後) of the revision sheet, checked against the plan read.</summary>
        public void AddRevisions(Plan plan)
        {
            if (!table.Worksheet.Workbook.TryGetWorksheet(RevisionSheet, out var sheet))
            {
                return;
            }

            var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Code);
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                var code = sheet.Cell(r, 1).GetString().Trim();
                if (code.Length == 0)
                {
                    continue;
                }

                if (!kpis.TryGetValue(code, out var kpi))
                {
                    errors.Add(new TemplateError(RevisionSheet, r, "A", $"KPIコード「{code}」は「{KpiSheet}」にありません。"));
                    continue;
                }

                var year = sheet.Cell(r, 2).TryGetValue<int>(out var y) ? y : (int?)null;
                var value = Number(sheet.Cell(r, 3));
                var from = DateOnly.TryParseExact(sheet.Cell(r, 4).GetString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : (DateOnly?)null;
                if (year is null || year < FiscalQuarter.FiscalYearOf(plan.PeriodStart) || year > FiscalQuarter.FiscalYearOf(plan.PeriodEnd))
                {
                    errors.Add(new TemplateError(RevisionSheet, r, "B", "年度は計画期間の中の西暦の年度で書いてください。"));
                }
                else if (value is null)
                {
                    errors.Add(new TemplateError(RevisionSheet, r, "C", "見直し後の目標を数値で書いてください。"));
                }
                else if (from is null || from < plan.PeriodStart)
                {
                    errors.Add(new TemplateError(RevisionSheet, r, "D", "目標設定日を計画の開始日以後の YYYY-MM-DD で書いてください。"));
                }
                else if (kpi.Targets.Any(t => t.FiscalYear == year && t.EffectiveFrom == from))
                {
                    errors.Add(new TemplateError(RevisionSheet, r, "D", "同じ指標・年度・目標設定日の見直しが2行あります。"));
                }
                else
                {
                    kpi.Targets.Add(new KpiTargetValue
                    {
                        FiscalYear = year.Value,
                        Value = value.Value,
                        EffectiveFrom = from,
                        Reason = Clean(sheet.Cell(r, 5).GetString()),
                        RecordedBy = Clean(sheet.Cell(r, 6).GetString()),
                    });
                }
            }
        }

        private KpiSeed Kpi(int r, string at)
        {
            Remember(at, r, 7);
            Remember($"{at}.code", r, 7);
            Remember($"{at}.name", r, 8);
            Remember($"{at}.kind", r, 9);
            Remember($"{at}.direction", r, 10);
            Remember($"{at}.unit", r, 11);
            Remember($"{at}.baseline", r, 12);
            Remember($"{at}.baseline.date", r, 13);
            Remember($"{at}.targets", r, _before.Length + 1);
            Remember($"{at}.dueFiscalYear", r, _firstAfter);
            Remember($"{at}.owners", r, _firstAfter + 1);
            var kpi = new KpiSeed
            {
                Code = Text(r, 7),
                Name = Text(r, 8),
                Kind = Kind(r, 9),
                Direction = Direction(r, 10, r),
                Unit = Text(r, 11),
                DueFiscalYear = Int(r, _firstAfter),
                Owners = Owners(r, _firstAfter + 1),
                Source = Text(r, _firstAfter + 2),
                Note = Text(r, _firstAfter + 3),
            };
            var baseline = Number(table.Cell(r, 12), r, 12);
            var baselineDate = Date(table.Cell(r, 13), KpiSheet, r, 13);
            if (baseline is not null || baselineDate is not null)
            {
                kpi.Baseline = new BaselineSeed { Value = baseline, Date = baselineDate };
                Remember($"{at}.baseline.value", r, 12);
            }

            foreach (var (column, year) in _yearColumns)
            {
                if (Number(table.Cell(r, column), r, column) is { } target)
                {
                    kpi.Targets ??= [];
                    kpi.Targets[year.ToString(CultureInfo.InvariantCulture)] = target;
                    Remember($"{at}.targets.{year}", r, column);
                }
            }

            return kpi;
        }

        private string? Meta(int row, string path)
        {
            _where[path] = (PlanSheet, row, "B");
            return Clean(meta.Cell(row, 2).GetString());
        }

        private DateOnly? MetaDate(int row, string path)
        {
            _where[path] = (PlanSheet, row, "B");
            return Date(meta.Cell(row, 2), PlanSheet, row, 2);
        }

        private void Remember(string path, int row, int column) => _where[path] = (KpiSheet, row, XLHelper.GetColumnLetterFromNumber(column));

        private string? Text(int r, int c) => Clean(table.Cell(r, c).GetString());

        private int? Int(int r, int c)
        {
            var text = table.Cell(r, c).GetString().Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (int.TryParse(text.Normalize(System.Text.NormalizationForm.FormKC), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add(new TemplateError(KpiSheet, r, XLHelper.GetColumnLetterFromNumber(c), $"「{text}」は整数ではありません。"));
            return null;
        }

        private decimal? Number(IXLCell cell, int r = 0, int c = 0)
        {
            if (cell.DataType == XLDataType.Number)
            {
                return (decimal)cell.GetDouble();
            }

            var text = cell.GetString();
            if (text.Trim().Length == 0)
            {
                return null;
            }

            if (KpiValueParser.TryParse(text, out var value, out var problem) && value is not null)
            {
                return value;
            }

            if (r > 0)
            {
                errors.Add(new TemplateError(KpiSheet, r, XLHelper.GetColumnLetterFromNumber(c), problem ?? $"「{text}」は数値ではありません。"));
            }

            return null;
        }

        private DateOnly? Date(IXLCell cell, string sheet, int r, int c)
        {
            if (cell.DataType == XLDataType.DateTime)
            {
                return DateOnly.FromDateTime(cell.GetDateTime());
            }

            var text = cell.GetString().Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Normalize(System.Text.NormalizationForm.FormKC), ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(new TemplateError(sheet, r, XLHelper.GetColumnLetterFromNumber(c), $"「{text}」は日付として読めません。2026-04-01 の形で書いてください。"));
            return null;
        }

        private string? Kind(int r, int c)
        {
            var text = Text(r, c);
            if (text is null)
            {
                return null;
            }

            foreach (var kind in Enum.GetValues<KpiKind>())
            {
                if (text == kind.Japanese() || text.Equals(kind.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    return kind.ToString();
                }
            }

            errors.Add(new TemplateError(KpiSheet, r, XLHelper.GetColumnLetterFromNumber(c),
                $"種類「{text}」は使えません。{string.Join("・", Enum.GetValues<KpiKind>().Select(k => k.Japanese()))}のいずれかです。"));
            return null;
        }

        private string? Direction(int r, int c, int row)
        {
            switch (Text(r, c))
            {
                case null:
                    return null;
                case "高いほど良い" or "higher":
                    return "higher";
                case "低いほど良い" or "lower":
                    return "lower";
                case var other:
                    errors.Add(new TemplateError(KpiSheet, row, XLHelper.GetColumnLetterFromNumber(c), $"方向「{other}」は使えません。「高いほど良い」か「低いほど良い」です。"));
                    return null;
            }
        }

        private List<string?>? Owners(int r, int c)
        {
            var text = Text(r, c);
            if (text is null)
            {
                return null;
            }

            var owners = new List<string?>();
            foreach (var name in text.Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (departments.TryGetValue(name, out var code))
                {
                    owners.Add(code);
                }
                else
                {
                    errors.Add(new TemplateError(KpiSheet, r, XLHelper.GetColumnLetterFromNumber(c), $"担当課「{name}」は登録されていません。課の名前かコードで書いてください。"));
                }
            }

            return owners;
        }
    }

    /// <summary>The validator's message without its English gloss (the seed files carry both for developers).</summary>
    private static string Japanese(string problem) => GlossPattern().Replace(problem, "");

    private static string? Clean(string text) => text.Trim() is { Length: > 0 } t ? t : null;

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int i:
                cell.SetValue(i);
                break;
            case decimal d:
                cell.SetValue(d);
                break;
            case string s:
                cell.SetText(s);
                break;
            default:
                cell.SetValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static List<int> Years(DateOnly start, DateOnly end) =>
        Enumerable.Range(FiscalQuarter.FiscalYearOf(start), FiscalQuarter.FiscalYearOf(end) - FiscalQuarter.FiscalYearOf(start) + 1).ToList();

    private static string YearHeader(int year) => $"{JapaneseEra.FiscalYearLabel(year)}目標（{year}）";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"目標（(\d{4})）$")]
    private static partial Regex YearHeaderPattern();

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex GlossPattern();
}

/// <summary>The workbook format as the plan service asks for it (the plan feature does not depend on the export feature).</summary>
internal sealed class PlanWorkbookFormat : IPlanWorkbookFormat
{
    public byte[] Write(Plan plan, IReadOnlyDictionary<int, string> departmentNames) => PlanWorkbook.Write(plan, departmentNames);

    public PlanWorkbookRead Read(byte[] bytes, IReadOnlyDictionary<string, string> departments) => PlanWorkbook.Read(bytes, departments);
}
