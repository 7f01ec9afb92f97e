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
