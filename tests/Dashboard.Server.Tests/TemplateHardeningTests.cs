using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using static Dashboard.Server.Tests.EntryTemplateTests;

namespace Dashboard.Server.Tests;

/// <summary>Crafted workbooks from the hostile review: each is refused with a message, nothing saved, no 5xx.</summary>
public sealed class TemplateHardeningTests : EntryTestBase
{
    private const string SheetPart = "xl/worksheets/sheet1.xml";

    /// <summary>Replaces the input sheet's XML inside the package, as a crafted upload would: <paramref name="write"/> gets the old XML.</summary>
    private static byte[] ReplaceSheet(byte[] bytes, Action<string, StreamWriter> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var part = zip.GetEntry(SheetPart)!;
            string xml;
            using (var reader = new StreamReader(part.Open()))
            {
                xml = reader.ReadToEnd();
            }

            part.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(SheetPart, level).Open(), new UTF8Encoding(false));
            write(xml, writer);
        }

        return stream.ToArray();
    }

    private static byte[] PatchSheet(byte[] bytes, Func<string, string> patch) =>
        ReplaceSheet(bytes, (xml, writer) => writer.Write(patch(xml)));

    /// <summary>The real template with 4,000 rows of 1,000 cells (4 million) added to its input sheet, streamed into the zip.</summary>
    private static byte[] Bomb(byte[] template) => ReplaceSheet(template, (xml, writer) =>
    {
        var end = xml.IndexOf("</x:sheetData>", StringComparison.Ordinal);
        writer.Write(xml.AsSpan(0, end));
        var cells = string.Concat(Enumerable.Repeat("<x:c><x:v>1</x:v></x:c>", 1_000));
        for (var row = 10; row < 4_010; row++)
        {
            writer.Write($"<x:row r=\"{row}\">");
            writer.Write(cells);
            writer.Write("</x:row>");
        }

        writer.Write(xml.AsSpan(end));
    }, CompressionLevel.SmallestSize);

    private static long SettledWorkingSet()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    [Fact]
    public async Task ZipBombIsRefusedQuicklyWithNothingSavedAndMemoryBack()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
                var bomb = Bomb(await DownloadAsync(staff));
        Assert.True(bomb.Length < EntryTemplate.MaxBytes, $"the bomb must pass the upload cap: {bomb.Length:N0} bytes");
        var before = SettledWorkingSet();

        var clock = Stopwatch.StartNew();
        var (previewStatus, preview) = await UploadAsync(staff, bomb, preview: true);
        var (importStatus, import) = await UploadAsync(staff, bomb);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Contains(preview!.Errors, e => e.Message.Contains("大きすぎます", StringComparison.Ordinal));
        Assert.False(preview.CanSave);
        Assert.Equal(HttpStatusCode.BadRequest, importStatus);
        Assert.Contains(import!.Errors, e => e.Message.Contains("大きすぎます", StringComparison.Ordinal));
        Assert.Equal(0, await EntryCountAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refusing took {clock.Elapsed}");
        var grown = SettledWorkingSet() - before;
        Assert.True(grown < 100L * 1024 * 1024, $"working set grew {grown / 1024 / 1024} MB");
    }

    [Fact]
    public async Task ErrorCellStuffedWithChildNodesIsRefusedWithinTheBudgetAndLittleCpu()
    {
        // The second review's upload: a 10 KB zip whose error cell holds 160,000 child nodes took ~45 s (its text was
        // concatenated node by node, outside the budget check).
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var stuffed = ReplaceSheet(await DownloadAsync(staff), (xml, writer) =>
        {
            var cell = new System.Text.RegularExpressions.Regex("<x:c r=\"F3\"[^>]*?(/>|>.*?</x:c>)").Match(xml);
            writer.Write(xml.AsSpan(0, cell.Index));
            writer.Write("<x:c r=\"F3\" t=\"e\"><x:v>");
            for (var i = 0; i < 160_000; i++)
            {
                writer.Write("#<x:b/>");
            }

            writer.Write("</x:v></x:c>");
            writer.Write(xml.AsSpan(cell.Index + cell.Length));
        }, CompressionLevel.SmallestSize);
        Assert.True(stuffed.Length < 64 * 1024, $"the crafted file is small: {stuffed.Length:N0} bytes");

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (status, result) = await UploadAsync(staff, stuffed);
        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(result!.Errors, e => e.Message.Contains("大きすぎます", StringComparison.Ordinal));
        Assert.Equal(0, await EntryCountAsync());
        Assert.True(clock.Elapsed < WorkbookGuard.Budget, $"answered after {clock.Elapsed}");
        Assert.True(used < TimeSpan.FromSeconds(5), $"the check used {used} of CPU");
    }

    [Fact]
    public async Task PackageThatLiesAboutItsSizeOrHasTooManySheetsIsRefused()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var manySheets = Edit(await DownloadAsync(staff), w =>
        {
            for (var i = 0; i < WorkbookGuard.MaxSheets; i++)
            {
                w.AddWorksheet($"追加{i}");
            }
        });
        var wideRange = PatchSheet(await DownloadAsync(staff), xml => System.Text.RegularExpressions.Regex.Replace(xml, "<x:dimension ref=\"[^\"]+\"", "<x:dimension ref=\"A1:XFD1048576\""));

        foreach (var bytes in new[] { manySheets, wideRange })
        {
            var (status, result) = await UploadAsync(staff, bytes);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(result!.Errors, e => e.Message.Contains("大きすぎます", StringComparison.Ordinal));
        }

        Assert.Equal(0, await EntryCountAsync());
    }

    public static TheoryData<string, Func<string, string>, string, string> BadCells => new()
    {
        // Row 3 is I02-K5 (cash payments, a count), row 2 the milestone I02-K4 of 会計課's template.
        { "formula error in the figure", xml => SetCell(xml, "F3", "<x:c r=\"F3\" t=\"e\"><x:v>#DIV/0!</x:v></x:c>"), "F", "#DIV/0!" },
        { "1E+308 as the completion date", xml => SetCell(xml, "G2", "<x:c r=\"G2\" s=\"5\"><x:v>1E+308</x:v></x:c>"), "G", "日付" },
        { "formula saved without its result", xml => SetCell(xml, "F3", "<x:c r=\"F3\"><x:f>40+16</x:f></x:c>"), "F", "数式の計算結果" },
    };

    private static string SetCell(string xml, string reference, string cell)
    {
        var existing = new System.Text.RegularExpressions.Regex($"<x:c r=\"{reference}\"[^>]*?(/>|>.*?</x:c>)");
        return existing.IsMatch(xml) ? existing.Replace(xml, cell, 1) : throw new InvalidOperationException($"{reference} is not in the sheet");
    }

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task CraftedCellIsRefusedNamingTheCellNotA500(string _, Func<string, string> patch, string column, string message)
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var bytes = PatchSheet(await DownloadAsync(staff), patch);

        var (previewStatus, preview) = await UploadAsync(staff, bytes, preview: true);
        var (status, result) = await UploadAsync(staff, bytes);

        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.True(preview!.Errors.Any(e => e.Column == column && e.Message.Contains(message, StringComparison.Ordinal)), string.Join("\n", preview.Errors) + string.Join("\n", preview.Rows.SelectMany(r => r.Changes)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(result!.Errors, e => e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task FormulaWithItsSavedResultIsReadAsThatResult()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var bytes = PatchSheet(await DownloadAsync(staff), xml => SetCell(xml, "F3", "<x:c r=\"F3\"><x:f>40+16</x:f><x:v>56</x:v></x:c>"));

        var (status, preview) = await UploadAsync(staff, bytes, preview: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(preview!.Rows.Single(r => r.KpiCode == "I02-K5").Changes, c => c.NewValue == "56");
    }

    [Fact]
    public async Task TemplateStatesItsQuarterValidatesWholeNumbersForCountsAndQuotesFormulaLikeNotes()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        await PutAsync(staff, "I02-K5", Draft("40", done: "=HYPERLINK(\"http://evil.example\",\"x\")", check: "+1", act: "@SUM(A1)"));

        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(staff)));

        var sheet = workbook.Worksheet(EntryTemplate.InputSheet);
        var cash = RowOf(workbook, "I02-K5");
        Assert.Contains(sheet.CellsUsed(), c => c.GetString().Contains("令和7年度 第4四半期", StringComparison.Ordinal));
        foreach (var column in new[] { 8, 9, 10 })
        {
            var note = sheet.Cell(cash, column);
            Assert.False(note.HasFormula);
            Assert.True(note.Style.IncludeQuotePrefix, $"column {column} must keep '{note.GetString()}' as text when edited");
        }

        Assert.Equal(XLAllowedValues.Decimal, sheet.Cell(cash, 6).DataValidation.AllowedValues); // an index (令和3年度=100)
        using var counts = new XLWorkbook(new MemoryStream(await DownloadAsync(await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku))));
        Assert.Equal(XLAllowedValues.WholeNumber, counts.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(counts, "I01-K1"), 6).DataValidation.AllowedValues);
    }
}
