using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Entries;
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
    protected override bool Samples => true;

    private static readonly string[] _reviewStatuses = ["注意", "遅延", "期限超過"];

    private static async Task<(HttpResponseMessage Response, byte[] Bytes)> ExportAsync(HttpClient client, int year = Year, int quarter = Q)
    {
        var response = await client.GetAsync($"/api/exports/pack?fiscalYear={year}&quarter={quarter}");
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
        Assert.Contains(workbook.Worksheets, w => w.Name == PackBuilder.ReviewSheet);
        Assert.Contains(workbook.Worksheets, w => w.Name == PackBuilder.DataSheet);
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
        Assert.Contains("'施策01 行政手続のオンライン化'!$F$2:$F$15", formulas); // I01-K1's 14 quarters, actual
        Assert.Contains("'施策01 行政手続のオンライン化'!$E$2:$E$15", formulas); // expected
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
        var summary = workbook.Worksheet(PackBuilder.SummarySheet);
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
            Assert.Equal(status.Japanese(), row.Cell(PackSummary.StatusColumn).GetString());
            if (kpi.Kind.IsNumeric() && latest?.Value is { } actual)
            {
                Assert.Equal((double)actual, row.Cell(10).GetDouble(), 6);
                var achievement = KpiRules.AchievementOfQuarter(definition, quarter, actual);
                var cell = row.Cell(PackSummary.AchievementColumn);
                Assert.True(cell.HasFormula, kpi.Code);
                Assert.Equal((double)achievement!.Value, cell.GetDouble(), 4); // cached value, as a reader sees it
            }
        }

        // I02-K5 (cash payments) is 56 against an expected 50 in the sample: 注意, 88.0%.
        var cash = summary.RowsUsed().Single(r => r.Cell(3).GetString() == "I02-K5");
        Assert.Equal("注意", cash.Cell(PackSummary.StatusColumn).GetString());
        Assert.Equal(0.88, cash.Cell(PackSummary.AchievementColumn).GetDouble(), 4);
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
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "I01-K1" && r.Cell(3).GetString() == "令和7年度 第4四半期");
        foreach (var (column, text) in new[] { (9, "=HYPERLINK(\"http://evil.example\",\"x\")"), (10, "+1+1"), (11, "-2+3"), (12, "@SUM(A1:A2)") })
        {
            Assert.False(row.Cell(column).HasFormula, text);
            Assert.Equal(text, row.Cell(column).GetString());
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var formulas = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()).Select(f => f.Text).ToList();
        Assert.DoesNotContain(formulas, f => f.Contains("HYPERLINK", StringComparison.Ordinal) || f.Contains("SUM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewSheetListsTheWeakKpisWithTheirNotes()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var review = workbook.Worksheet(PackBuilder.ReviewSheet);
        var statuses = review.RowsUsed().Skip(1).Select(r => r.Cell(6).GetString()).ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Contains(s, _reviewStatuses));
        Assert.Contains(review.RowsUsed(), r => r.Cell(2).GetString() == "I02-K5");
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
    }

    [Fact]
    public async Task PrintSetupIsA4LandscapeWithTitlesLibreOfficeHonours()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var (_, bytes) = await ExportAsync(planner);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var summary = workbook.Worksheet(PackBuilder.SummarySheet);
        Assert.Equal(XLPaperSize.A4Paper, summary.PageSetup.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, summary.PageSetup.PageOrientation);
        Assert.Equal(1, summary.PageSetup.PagesWide);
        Assert.Equal(1, summary.SheetView.SplitRow);
        Assert.True(summary.AutoFilter.IsEnabled);
        Assert.Equal(PackBuilder.FontName, summary.Cell(2, 4).Style.Font.FontName);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var titles = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Where(n => n.Name == "_xlnm.Print_Titles").Select(n => n.Text).ToList();
        Assert.Contains("'総括'!$1:$1", titles);
        Assert.All(titles, t => Assert.Matches(@"^'[^']+'!\$1:\$1$", t));
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
