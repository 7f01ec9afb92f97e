using Microsoft.Playwright;

namespace Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class PlanPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task PlanPageListsElevenInitiativesWithTheirKpisInJapanese()
    {
        var (page, errors) = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, DemoUsers.Committee);

        Assert.Equal("五所川原市デジタル・トランスフォーメーション（DX）推進計画", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("h2").CountAsync());
        var initiatives = await page.Locator("h3").AllInnerTextsAsync();
        Assert.Equal(11, initiatives.Count);
        Assert.StartsWith("取組施策1 行政手続のオンライン化", initiatives[0].Trim(), StringComparison.Ordinal);
        Assert.StartsWith("取組施策11 デジタル格差対策", initiatives[10].Trim(), StringComparison.Ordinal);
        Assert.Equal(28, await page.Locator("tr[data-kpi]").CountAsync());

        var online = page.Locator("tr[data-kpi='I01-K1']");
        Assert.Contains("200手続", await online.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("サンプル", await online.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("OnTrack", await online.Locator("[data-status]").GetAttributeAsync("data-status"));
        Assert.Contains("20,000人", await page.Locator("tr[data-kpi='I02-K1']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task PlanPageHasNoSeriousAccessibilityViolations()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee);

        var serious = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
