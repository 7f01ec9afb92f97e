using ClosedXML.Excel;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// An initiative's assessment round trip in Chromium: the planner reaches it from the overview and writes it, the
/// owning department reads the committee's opinion and replies, and the pack's 評価シート carries both.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentTests(BrowserFixture browser)
{
    [Fact]
    public async Task ThePlannerAssessesTheDepartmentRepliesAndThePackShowsBoth()
    {
        var opinion = "利用状況を課ごとに示すこと（" + Guid.NewGuid().ToString("N")[..6] + "）";
        var (planner, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/dashboard?fy=2025&q=4", interactive: false);
        await planner.Locator("[data-assessment-link='2']").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(planner, url => url.EndsWith("/initiatives/2/assessment/2025", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(planner);

        Assert.Contains("取組施策2", await planner.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await planner.Locator("[data-action='edit-assessment']").ClickAsync();
        await planner.Locator("textarea[name='issues']").FillAsync("窓口での利用案内が不足している。");
        await planner.Locator("[data-field='direction']").ClickAsync();
        await planner.Locator(".mud-popover-open .mud-list-item").GetByText("見直し", new() { Exact = true }).ClickAsync();
        await planner.Locator("textarea[name='opinion']").FillAsync(opinion);
        await planner.Locator("[data-action='save-assessment']").ClickAsync();

        await Assertions.Expect(planner.Locator("[data-result]")).ToContainTextAsync("評価を保存しました");
        await Assertions.Expect(planner.Locator("[data-field='opinion']")).ToHaveTextAsync(opinion);
        await Assertions.Expect(planner.Locator("[data-field='direction']")).ToHaveTextAsync("見直し");

        var (staff, staffErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKaikei, "/initiatives/2/assessment/2025");
        await Assertions.Expect(staff.Locator("[data-field='opinion']")).ToHaveTextAsync(opinion);
        Assert.Equal(0, await staff.Locator("[data-action='edit-assessment']").CountAsync());
        await staff.Locator("textarea[name='reply']").FillAsync("窓口に案内を掲示します。");
        await staff.Locator("[data-action='save-reply']").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-result]")).ToContainTextAsync("回答を保存しました");
        await Assertions.Expect(staff.Locator("[data-field='reply']")).ToContainTextAsync("窓口に案内を掲示します。");

        var pack = await planner.APIRequest.GetAsync("/api/exports/pack?fy=2025&q=4");
        Assert.True(pack.Ok, pack.StatusText);
        using var workbook = new XLWorkbook(new MemoryStream(await pack.BodyAsync()));
        var sheet = workbook.Worksheets.Single(w => w.Name.StartsWith("施策02", StringComparison.Ordinal));
        string Fact(string label) => sheet.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2).GetString();
        Assert.Equal(opinion, Fact("推進本部の意見"));
        Assert.Equal("窓口に案内を掲示します。", Fact("担当課の回答"));
        Assert.Equal("見直し", Fact("今後の方向性"));
        Assert.True(errors.Count == 0 && staffErrors.Count == 0, string.Join("\n", errors.Concat(staffErrors)));
    }
}
