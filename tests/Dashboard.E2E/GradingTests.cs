using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>The plan's 評価区分 changed by a planner in Chromium, read back by the page and the API, then put back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GradingTests(BrowserFixture browser)
{
    [Fact]
    public async Task APlannerChangesTheThresholdsAndThePageAndTheApiReadTheNewOnes()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/plan");
        await Assertions.Expect(page.Locator("[data-grading-text]")).ToContainTextAsync("B 80%以上");

        try
        {
            await SetBAsync(page, "85");
            await Assertions.Expect(page.Locator("[data-grading-text]")).ToContainTextAsync("B 85%以上");
            var plan = await page.APIRequest.GetAsync("/api/plans/current");
            Assert.Contains("\"b\":0.85", await plan.TextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await SetBAsync(page, "80"); // the browser tests share one database
        }

        await Assertions.Expect(page.Locator("[data-grading-text]")).ToContainTextAsync("B 80%以上");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task SetBAsync(IPage page, string percent)
    {
        await page.Locator("[data-action='edit-grading']").ClickAsync();
        await page.Locator("input[name='grade-b']").FillAsync(percent);
        await page.Locator("input[name='grade-b']").BlurAsync();
        await page.Locator("[data-action='save-grading']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-action='edit-grading']")).ToBeVisibleAsync();
    }
}
