using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Kpis;
using DocumentFormat.OpenXml.Packaging;

namespace Dashboard.Server.Tests;

/// <summary>
/// The pack as the committee reads it: printed by LibreOffice to PDF with the pack's own page setup, then measured from
/// the PDF's own text boxes (poppler's pdftotext -bbox). Every page's median text must be at least 8 pt, and every
/// wrapped note and assessment text must be on paper in full, not cut by a row too short for it.
/// </summary>
public sealed partial class PackPrintTests : EntryTestBase
{
    protected override bool Samples => true;

    [Fact]
    public async Task EveryPrintedPageIsReadableAndNoWrappedTextIsCut()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var done = "窓口にキャッシュレス決済の案内を掲示し、\n市の広報紙とSNSで利用できる手続を周知した。" + string.Concat(Enumerable.Repeat("あわせて各課の窓口担当者に操作研修を行った。", 4));
        var check = "現金での支払いは前年度より減ったが、目標には届いていない。高齢の来庁者の利用が伸びていない。" + string.Concat(Enumerable.Repeat("窓口ごとの差が大きい。", 5));
        var act = "来年度は窓口ごとの利用率を毎月公表し、利用の少ない窓口で個別に案内する。";
        var draft = await PutAsync(staff, "I02-K4", Draft(null, version: (await GetAsync(staff, "I02-K4")).Version, done: done, check: check, act: act));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var opinion = "キャッシュレス決済の利用状況を課ごとに示し、利用の少ない窓口への対策を次回の本部会議で報告すること。" + string.Concat(Enumerable.Repeat("高齢者への支援策もあわせて検討すること。", 3));
        Assert.True((await planner.PutAsJsonAsync("/api/assessments/2/2025", new SaveAssessmentRequest(
            KpiGrade.B, "現金取扱件数の削減が目標に届いていないため", "窓口での利用案内が不足している。", AssessmentDirection.Revise, opinion, null))).IsSuccessStatusCode);
        var request = "窓口ごとのキャッシュレス決済の利用率を月別に示し、利用の少ない窓口への対策を次回の本部会議で報告すること。" + string.Concat(Enumerable.Repeat("高齢の来庁者への案内も含めること。", 3));
        var response = "10月分から窓口ごとの利用率を集計し、利用の少ない3窓口で個別の案内を始めた。" + string.Concat(Enumerable.Repeat("結果は毎月の庁内会議で共有している。", 3));
        using (var recorded = await planner.PostAsJsonAsync("/api/findings/meetings", new Dashboard.Shared.Findings.RecordMeetingRequest("第3回 DX推進本部会議", new DateOnly(2026, 1, 15), Year, 3,
            [new Dashboard.Shared.Findings.NewFindingRequest(2, "I02-K4", "kaikei", new DateOnly(2026, 2, 27), request)])))
        {
            Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
            var finding = (await recorded.Content.ReadFromJsonAsync<Dashboard.Shared.Findings.MeetingDto>())!.Findings.Single();
            Assert.True((await staff.PutAsJsonAsync($"/api/findings/{finding.Id}/response",
                new Dashboard.Shared.Findings.RespondFindingRequest(Dashboard.Shared.Findings.FindingState.Addressed, response))).IsSuccessStatusCode);
        }

        var pack = await planner.GetByteArrayAsync($"/api/exports/pack?fy={Year}&q={Q}");

        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "pack.xlsx"), pack);
        File.WriteAllBytes(Path.Combine(folder.Path, "reference.xlsx"), Reference());
        await RunAsync("soffice", $"-env:UserInstallation=file://{folder.Path}/profile --headless --convert-to pdf --outdir {folder.Path} {folder.Path}/pack.xlsx {folder.Path}/reference.xlsx");

        // The reference: 10 pt text printed at 100%. Its box height per point of font size turns box heights into points.
        var perPoint = Median(Pages(await RunAsync("pdftotext", $"-bbox {folder.Path}/reference.pdf -"))[0]) / 10;
        var pages = Pages(await RunAsync("pdftotext", $"-bbox {folder.Path}/pack.pdf -"));
        Assert.True(pages.Count >= 14, $"{pages.Count} pages");
        var small = pages.Select((heights, i) => (Page: i + 1, Points: Median(heights) / perPoint)).Where(p => p.Points < 8).ToList();
        Assert.True(small.Count == 0, "Pages whose median text is under 8 pt: " + string.Join(", ", small.Select(p => $"{p.Page} ({p.Points:0.0} pt)")));

        // Notes sit side by side, so the PDF's reading order interleaves their lines: read each column of 施策2's
        // 評価シート on its own, by the x of its header (実施内容 | 評価・課題 | 改善策; the assessment texts span 実施内容 on).
        var words = Words(await RunAsync("pdftotext", $"-bbox {folder.Path}/pack.pdf -"));
        var first = words.First(w => w.Text.StartsWith("取組施策2", StringComparison.Ordinal) && words.Any(t => t.Page == w.Page && t.Text == "評価シート")).Page;
        var next = words.First(w => w.Page > first && w.Text == "評価シート").Page;
        var sheet = words.Where(w => w.Page >= first && w.Page < next).ToList();
        double X(string header) => sheet.First(w => w.Text == header).X - 1;
        string Column(double from, double to) => Flat(string.Concat(sheet.Where(w => w.X >= from && w.X < to)
            .OrderBy(w => w.Page).ThenBy(w => Math.Round(w.Y)).ThenBy(w => w.X).Select(w => w.Text)));
        Assert.Contains(Flat(done), Column(X("実施内容"), X("評価・課題")), StringComparison.Ordinal);
        Assert.Contains(Flat(check), Column(X("評価・課題"), X("改善策")), StringComparison.Ordinal);
        Assert.Contains(Flat(act), Column(X("改善策"), double.MaxValue), StringComparison.Ordinal);
        Assert.Contains(Flat(opinion), Column(X("実施内容"), double.MaxValue), StringComparison.Ordinal);

        // 「前回の指摘と対応」: the committee's request and the department's answer print whole in their columns.
        Assert.Contains(Flat(request), Column(X("指摘（会議）"), X("担当課（期限）")), StringComparison.Ordinal);
        Assert.Contains(Flat(response), Column(X("対応内容"), double.MaxValue), StringComparison.Ordinal);

        // The cover prints its note whole (it printed cut to its last line before) and the quarter's due date.
        var cover = Flat(string.Concat(words.Where(w => w.Page == 1 && w.Text != "注記").OrderBy(w => Math.Round(w.Y)).ThenBy(w => w.X).Select(w => w.Text)));
        Assert.Contains(Flat("状況と予測は事務局が承認した実績だけで計算しています。達成率は四半期末の見込みに対する進み具合です。"), cover, StringComparison.Ordinal);
        Assert.Contains("提出期限2026年4月15日", cover, StringComparison.Ordinal);

        // The chart sits inside the printed columns (A-J) of its 評価シート.
        using var document = SpreadsheetDocument.Open(new MemoryStream(pack), false);
        var anchors = document.WorkbookPart!.WorksheetParts.Where(p => p.DrawingsPart is not null)
            .SelectMany(p => p.DrawingsPart!.WorksheetDrawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.ToMarker>()).ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.True(int.Parse(a.ColumnId!.Text, CultureInfo.InvariantCulture) <= PackEvaluationSheet.Columns));
    }

    private static byte[] Reference()
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = PackBuilder.FontName;
        workbook.Style.Font.FontSize = 10;
        var sheet = workbook.AddWorksheet("基準");
        for (var r = 1; r <= 20; r++)
        {
            sheet.Cell(r, 1).SetText($"基準の文字 {r} 行目");
        }

        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.Scale = 100;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Flat(string text) => WhiteSpace().Replace(text, "");

    private static double Median(List<double> values)
    {
        Assert.NotEmpty(values);
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed record Word(int Page, double X, double Y, string Text);

    /// <summary>Every word with its page and position from pdftotext's -bbox XHTML.</summary>
    private static List<Word> Words(string bbox) => bbox.Split("<page ").Skip(1)
        .SelectMany((page, i) => WordText().Matches(page).Select(m => new Word(i + 1,
            double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            System.Net.WebUtility.HtmlDecode(m.Groups[3].Value))))
        .ToList();

    /// <summary>Word box heights per page from pdftotext's -bbox XHTML.</summary>
    private static List<List<double>> Pages(string bbox) => bbox.Split("<page ").Skip(1)
        .Select(page => WordBox().Matches(page).Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList())
        .ToList();

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start; test.sh installs libreoffice-calc-nogui, fonts-noto-cjk and poppler-utils.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""[\d.]+"" yMax=""[\d.]+"">([^<]*)</word>")]
    private static partial Regex WordText();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"yMin=""([\d.]+)"" xMax=""[\d.]+"" yMax=""([\d.]+)""")]
    private static partial Regex WordBox();
}
