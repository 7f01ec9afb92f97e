using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Dashboard.Server.Tests;

/// <summary>The Excel pack, read back as a workbook and checked against the database and the KPI rules.</summary>
public sealed class PackExportTests : EntryTestBase
{
    private static readonly string[] _attentionStatuses = ["遅延", "期限超過", "未報告"];

    protected override bool Samples => true;

    private static async Task<(HttpResponseMessage Response, byte[] Bytes)> ExportAsync(HttpClient client, int year = Year, int quarter = Q)
    {
        var response = await client.GetAsync($"/api/exports/pack?fy={year}&q={quarter}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PackIsAValidWorkbookWithAJapaneseFileName()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var (response, bytes) = await ExportAsync(planner);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportEndpoints.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PackNaming.FileName(new FiscalQuarter(Year, Q)), response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("DX推進計画_令和7年度第4四半期_PDCA資料.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal([PackBuilder.CoverSheet, PackBuilder.SummarySheet], workbook.Worksheets.Take(2).Select(w => w.Name));
        Assert.Equal(11, workbook.Worksheets.Count(w => w.Name.StartsWith("施策", StringComparison.Ordinal)));
        Assert.Equal([PackBuilder.KpiListSheet, PackBuilder.DataSheet], workbook.Worksheets.TakeLast(2).Select(w => w.Name));
        Assert.Equal("令和7年度 第4四半期", workbook.Worksheet(PackBuilder.CoverSheet).Cell(5, 2).GetString());
        Assert.Equal(DashboardFactory.Demo.Planner, workbook.Worksheet(PackBuilder.CoverSheet).Cell(7, 2).GetString());
    }

    [Fact]
    public async Task InitiativeSheetsWithAFigureCarryANativeChartOfExpectedAgainstActual()
    {
        var (_, bytes) = await ExportAsync(await App.SignedInClientAsync(DashboardFactory.Demo.Planner));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = document.WorkbookPart!;
        string SheetId(string name) => book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name).Id!;
        var online = (WorksheetPart)book.GetPartById(SheetId(PackNaming.InitiativeSheet(1, "行政手続のオンライン化")));
        var chart = online.DrawingsPart!.ChartParts.Single().ChartSpace;
        var formulas = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>().Select(f => f.Text).ToList();
        Assert.Contains("'施策01 行政手続のオンライン化'!$N$2:$N$15", formulas); // I01-K1's 14 quarters, actual
        Assert.Contains("'施策01 行政手続のオンライン化'!$M$2:$M$15", formulas); // expected
        Assert.Equal(2, chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().Count());

        var telework = (WorksheetPart)book.GetPartById(SheetId(PackNaming.InitiativeSheet(7, "テレワークの推進")));
        Assert.Null(telework.DrawingsPart); // milestones and activities only: nothing to chart
    }

    [Fact]
    public async Task SummaryValuesMatchTheDatabaseAndTheRules()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var plan = (await planner.GetFromJsonAsync<PlanDto>("/api/plans/current"))!;
        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var summary = workbook.Worksheet(PackBuilder.KpiListSheet);
        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToList();
        Assert.Equal(kpis.Count + 1, summary.LastRowUsed()!.RowNumber());
        var quarter = new FiscalQuarter(Year, Q);
        for (var i = 0; i < kpis.Count; i++)
        {
            var row = summary.Row(i + 2);
            var kpi = kpis[i];
            Assert.Equal(kpi.Code, row.Cell(3).GetString());
            var definition = kpi.ToDefinition();
            var latest = kpi.Latest is { } l && l.FiscalYear == Year && l.Quarter == Q ? l : null;
            var reports = kpi.Latest is { } known ? [(known.FiscalQuarter, known.ToReport())] : Array.Empty<(FiscalQuarter, QuarterReport)>();
            var status = KpiRules.StatusAsOf(definition, quarter, reports, plan.Thresholds);
            Assert.Equal(status.Japanese(), row.Cell(PackKpiList.StatusColumn).GetString());
            if (kpi.Kind.IsNumeric() && latest?.Value is { } actual)
            {
                Assert.Equal((double)actual, row.Cell(10).GetDouble(), 6);
                var achievement = KpiRules.AchievementOfQuarter(definition, quarter, actual);
                var cell = row.Cell(PackKpiList.AchievementColumn);
                Assert.True(cell.HasFormula, kpi.Code);
                Assert.Equal((double)achievement!.Value, cell.GetDouble(), 4); // cached value, as a reader sees it
            }
        }

        // I02-K5 (cash payments) is 56 against an expected 50 in the sample: 注意, 88.0%.
        var cash = summary.RowsUsed().Single(r => r.Cell(3).GetString() == "I02-K5");
        Assert.Equal("注意", cash.Cell(PackKpiList.StatusColumn).GetString());
        Assert.Equal(0.88, cash.Cell(PackKpiList.AchievementColumn).GetDouble(), 4);
    }

    [Fact]
    public async Task UserTextStartingLikeAFormulaStaysText()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var saved = await (await PutAsync(staff, "I01-K1", Draft("200", done: "=HYPERLINK(\"http://evil.example\",\"x\")", check: "+1+1", act: "-2+3", submit: true)))
            .Content.ReadFromJsonAsync<EntryDto>();
        await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(false, "@SUM(A1:A2)", saved!.Version!.Value));

        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(PackNaming.InitiativeSheet(1, "行政手続のオンライン化"));
        var notesHeader = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "実施内容").RowNumber();
        var row = sheet.Row(notesHeader + 1); // I01-K1's notes, the first KPI
        foreach (var (column, text) in new[] { (2, "=HYPERLINK(\"http://evil.example\",\"x\")"), (5, "+1+1"), (8, "-2+3") })
        {
            Assert.False(row.Cell(column).HasFormula, text);
            Assert.Equal(text, row.Cell(column).GetString());
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var formulas = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()).Select(f => f.Text).ToList();
        Assert.DoesNotContain(formulas, f => f.Contains("HYPERLINK", StringComparison.Ordinal) || f.Contains("SUM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSummaryNamesWhatNeedsTheCommitteesAttentionWithItsDepartment()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var summary = workbook.Worksheet(PackBuilder.SummarySheet);
        var header = summary.RowsUsed().Single(r => r.Cell(2).GetString() == "理由（担当課の評価・課題）").RowNumber();
        var attention = summary.RowsUsed().Where(r => r.RowNumber() > header).ToList();
        Assert.NotEmpty(attention);
        Assert.All(attention, r => Assert.Contains(r.Cell(3).GetString(), _attentionStatuses));
        var overdue = attention.Single(r => r.Cell(1).GetString().StartsWith("I09-K2", StringComparison.Ordinal));
        Assert.Equal("期限超過", overdue.Cell(3).GetString());
        Assert.False(string.IsNullOrWhiteSpace(overdue.Cell(5).GetString())); // its department
        Assert.False(string.IsNullOrWhiteSpace(overdue.Cell(2).GetString())); // the reason, or that none was given
        Assert.Contains(summary.RowsUsed(), r => r.Cell(1).GetString() == "2 キャッシュレス化の推進" || r.Cell(1).GetString().StartsWith("2 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DataSheetHasOneRowPerKpiAndQuarter()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var data = workbook.Worksheet(PackBuilder.DataSheet);
        Assert.Equal(1 + (28 * 14), data.LastRowUsed()!.RowNumber()); // 28 KPIs x FY2022 Q3..FY2025 Q4
        var sns = data.RowsUsed().Single(r => r.Cell(4).GetString() == "I02-K1" && r.Cell(11).GetString() == "令和5年度 第2四半期");
        Assert.Equal(17500, sns.Cell(15).GetDouble());
        Assert.Equal("サンプル", sns.Cell(19).GetString());

        // A Q3 pack lists no quarter after Q3.
        var (_, q3) = await ExportAsync(planner, Year, 3);
        using var q3Book = new XLWorkbook(new MemoryStream(q3));
        Assert.Equal(1 + (28 * 13), q3Book.Worksheet(PackBuilder.DataSheet).LastRowUsed()!.RowNumber());
        Assert.DoesNotContain(q3Book.Worksheet(PackBuilder.DataSheet).RowsUsed(), r => r.Cell(11).GetString() == "令和7年度 第4四半期");
    }

    [Fact]
    public async Task PrintSetupIsA4WithTitlesLibreOfficeHonours()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        foreach (var name in new[] { PackBuilder.SummarySheet, PackNaming.InitiativeSheet(2, "民間サービスを活用した利便性向上") })
        {
            var sheet = workbook.Worksheet(name);
            Assert.Equal((XLPaperSize.A4Paper, XLPageOrientation.Portrait, 1), (sheet.PageSetup.PaperSize, sheet.PageSetup.PageOrientation, sheet.PageSetup.PagesWide));
        }

        var list = workbook.Worksheet(PackBuilder.KpiListSheet);
        Assert.Equal((XLPaperSize.A4Paper, XLPageOrientation.Landscape, 100), (list.PageSetup.PaperSize, list.PageSetup.PageOrientation, list.PageSetup.Scale));
        Assert.Equal(1, list.SheetView.SplitRow);
        Assert.True(list.AutoFilter.IsEnabled);
        Assert.Equal(PackBuilder.FontName, list.Cell(2, 4).Style.Font.FontName);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var titles = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Where(n => n.Name == "_xlnm.Print_Titles").Select(n => n.Text).ToList();
        Assert.Contains(titles, t => t.Contains("'指標一覧'!$1:$1", StringComparison.Ordinal) && t.Contains("'指標一覧'!$C:$D", StringComparison.Ordinal));
        Assert.All(titles.SelectMany(t => t.Split(',')), t => Assert.Matches(@"^'[^']+'!\$[A-Z0-9]+:\$[A-Z0-9]+$", t));
    }

    [Theory]
    [InlineData(DashboardFactory.Demo.StaffKikaku, HttpStatusCode.Forbidden)]
    [InlineData(DashboardFactory.Demo.Committee, HttpStatusCode.Forbidden)]
    [InlineData(DashboardFactory.Demo.Admin, HttpStatusCode.OK)]
    public async Task OnlyPlannersAndAdminsExport(string login, HttpStatusCode expected)
    {
        var (response, _) = await ExportAsync(await App.SignedInClientAsync(login));
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task QuarterOutsideThePlanIsA404InJapanese()
    {
        var (response, _) = await ExportAsync(await App.SignedInClientAsync(DashboardFactory.Demo.Planner), 2030, 1);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
