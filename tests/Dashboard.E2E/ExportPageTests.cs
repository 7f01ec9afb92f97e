using ClosedXML.Excel;

namespace Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ExportPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task PlannerDownloadsThePackWithAJapaneseFileName()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/exports");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-action='export-pack']").ClickAsync());

        Assert.Equal("DX推進計画_令和7年度第4四半期_PDCA資料.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        using (var workbook = new XLWorkbook(path))
        {
            Assert.Equal("表紙", workbook.Worksheet(1).Name);
            Assert.Equal(DemoUsers.Planner, workbook.Worksheet(1).Cell(7, 2).GetString());
        }

        File.Delete(path);
        await page.Locator("[data-export-done]").WaitForAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ExcelEntryTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffFillsTheTemplateInExcelPreviewsAndSavesDrafts()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKaikei, "/entries/excel");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-action='download-template']").ClickAsync());
        Assert.Equal("実績入力_令和7年度第4四半期_会計課.xlsx", download.SuggestedFilename); // the department in the name
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        using (var workbook = new XLWorkbook(path))
        {
            // As a person would in Excel: the yellow cells of 会計課's counter e-payment milestone (not yet reported).
            var sheet = workbook.Worksheet("入力");
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "I02-K4").RowNumber();
            sheet.Cell(row, 6).SetValue("完了");
            sheet.Cell(row, 7).SetValue(new DateTime(2026, 3, 2));
            sheet.Cell(row, 8).SetValue("Excelから入力した実施内容");
            workbook.Save();
        }

        await page.Locator("[data-input='template']").SetInputFilesAsync(path);
        // The upload's answer: the preview, or a message that is not the download's.
        var preview = page.Locator("[data-template-preview]");
        await page.Locator("[data-template-preview], [data-template-message]:not(:has-text('ダウンロードしました'))").First.WaitForAsync();
        Assert.True(await preview.CountAsync() == 1, await page.Locator("main").InnerTextAsync());
        Assert.Contains("完了", await preview.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Excelから入力した実施内容", await preview.InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(await page.Locator("[data-action='confirm-import']").CountAsync() == 1, await page.Locator("main").InnerTextAsync());
        await page.Locator("[data-action='confirm-import']").ClickAsync();
        await page.Locator("[data-template-message]", new() { HasText = "下書き保存しました" }).WaitForAsync();
        File.Delete(path);

        await page.GotoAsync("/entries?fy=2025&q=4");
        await BrowserFixture.WaitForInteractiveAsync(page);
        Assert.Equal("Draft", await page.Locator("tr[data-kpi='I02-K4'] [data-state]").GetAttributeAsync("data-state"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
