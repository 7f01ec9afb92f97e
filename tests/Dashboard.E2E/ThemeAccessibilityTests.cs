namespace Dashboard.E2E;

/// <summary>
/// Every signed-in page in the light and the dark theme at 1280, 640 (200% zoom) and 320 CSS px: axe (wcag2a/aa/21a/21aa) reports no serious or critical violation, and
/// the heading focused after navigation draws no focus box.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 640)]
    [InlineData("dark", 640)]
    [InlineData("light", 320)]
    [InlineData("dark", 320)]
    public async Task NoPageHasASeriousViolationInEitherThemeAtAnyWidth(string theme, int width)
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
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
            failures.AddRange((await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).Select(v => $"{theme} {width}px {url}: {v}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheHeadingFocusedAfterNavigationDrawsNoBox()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/");
        await page.Locator("[data-nav='review']").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/review", StringComparison.Ordinal));
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
