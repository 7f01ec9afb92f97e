namespace Dashboard.E2E;

/// <summary>
/// Every signed-in page in the light and the dark theme: axe (wcag2a/aa) reports no serious or critical violation, and
/// the heading focused after navigation draws no focus box.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task NoPageHasASeriousViolationInEitherTheme(string theme)
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, $"/preferences/theme?mode={theme}&returnUrl=%2Fdashboard", interactive: false);
        var failures = new List<string>();
        foreach (var (url, interactive) in SignedInPages.All)
        {
            await page.GotoAsync(url);
            if (interactive)
            {
                await BrowserFixture.WaitForInteractiveAsync(page);
            }

            Assert.Equal(theme, await page.Locator("html").GetAttributeAsync("data-theme"));
            failures.AddRange((await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).Select(v => $"{theme} {url}: {v}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheHeadingFocusedAfterNavigationDrawsNoBox()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/");
        await page.Locator("[data-nav='review']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/review", StringComparison.Ordinal));
        // Polled from here: WaitForFunction builds its predicate with eval, which the page's CSP refuses.
        for (var i = 0; i < 100 && !await page.EvaluateAsync<bool>("() => document.activeElement?.tagName === 'H1'"); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("H1", await page.EvaluateAsync<string>("() => document.activeElement?.tagName ?? ''"));

        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("none", outline);
    }
}
