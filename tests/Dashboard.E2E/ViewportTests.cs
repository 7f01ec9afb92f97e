namespace Dashboard.E2E;

/// <summary>
/// Every signed-in page, the sign-in page and the public pages at 320 CSS px (WCAG 1.4.10 reflow), phone (390x844), 640 CSS px (1280 px at 200% zoom), tablet
/// (1024x768) and desktop (1366x768) widths: the page never scrolls
/// sideways (wide tables scroll inside their own region), and the app bar's title and person menu stay on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewportTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    [InlineData(640, 400)]
    [InlineData(1024, 768)]
    [InlineData(1366, 768)]
    public async Task NoPageScrollsSidewaysAndTheAppBarFits(int width, int height)
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var failures = new List<string>();

        // The sign-in page and the public pages (no app bar) first: they have to fit too.
        foreach (var url in new[] { "/account/login", "/public", "/public/data", "/public/data?lang=en" })
        {
            await page.GotoAsync(url);
            var wide = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            if (wide > width)
            {
                failures.Add($"{width}px {url}: page is {wide}px wide");
            }
        }

        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, "/dashboard", interactive: false);
        foreach (var (url, interactive) in SignedInPages.All)
        {
            await page.GotoAsync(url);
            if (interactive)
            {
                await BrowserFixture.WaitForInteractiveAsync(page);
            }

            var scroll = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            if (scroll > width)
            {
                var widest = await page.EvaluateAsync<string>(@"(w) => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-scroll, .mud-table-container, .heatmap-scroll, .mud-popover'))
                    .slice(0, 3).map(e => e.tagName + '.' + [...e.classList].join('.')).join(', ')", width);
                failures.Add($"{width}px {url}: page is {scroll}px wide ({widest})");
            }

            var menu = await page.Locator(".user-menu summary").BoundingBoxAsync();
            if (menu is null || menu.X + menu.Width > width + 1)
            {
                failures.Add($"{width}px {url}: the person menu is off-screen");
            }

            // The app's title is shown whole (the short one on a phone), not cut to "DXダッシュ…".
            if (await page.EvaluateAsync<bool>("() => { const t = document.querySelector('.app-title'); return t.scrollWidth > t.clientWidth + 1; }"))
            {
                failures.Add($"{width}px {url}: the app title is cut");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheOverviewsColumnsLineUpAcrossInitiativesAndNoHeaderStandsACharacterALine()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1024, 768);
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard?fy=2025&q=4", interactive: false);

        // Each header's left edge, per initiative table: the same in every table (the tables' columns were sized by
        // their own contents, so 年度目標 stood at another place in each), and each header on one line.
        var tables = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('.kpi-rows table')].map(t => [...t.querySelectorAll('thead th')].map(th => Math.round(th.getBoundingClientRect().left)))");
        Assert.True(tables.Length >= 11, $"{tables.Length} tables");
        Assert.All(tables, t => Assert.Equal(tables[0], t));
        var lines = await page.EvaluateAsync<int>(
            "() => Math.max(...[...document.querySelectorAll('.kpi-rows thead th')].map(th => { const r = document.createRange(); r.selectNodeContents(th); return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }))");
        Assert.True(lines <= 1, $"a header takes {lines} lines");
    }

    [Fact]
    public async Task TheHeatmapOpensOnTheChosenQuarterAtTabletWidth()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1024, 768);
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard/heatmap?fy=2025&q=4", interactive: false);

        var box = (await page.Locator(".heatmap-scroll").BoundingBoxAsync())!;
        var last = (await page.Locator(".heatmap thead th").Last.BoundingBoxAsync())!;
        var first = (await page.Locator(".heatmap thead th:nth-child(2)").BoundingBoxAsync())!;

        Assert.Equal("R7 Q4", (await page.Locator(".heatmap thead th").Last.InnerTextAsync()).Trim());
        Assert.True(last.X + last.Width <= box.X + box.Width + 1, $"the chosen quarter is off-screen: {last.X + last.Width} > {box.X + box.Width}");
        Assert.True(first.X < last.X, "the oldest quarter stays on the left (the table still reads left to right)");
    }
}
