namespace Dashboard.E2E;

/// <summary>
/// Every signed-in page at phone (390x844), tablet (1024x768) and desktop (1366x768) widths: the page never scrolls
/// sideways (wide tables scroll inside their own region), and the app bar's title and person menu stay on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewportTests(BrowserFixture browser)
{
    private static readonly (string Url, bool Interactive)[] _pages =
    [
        ("/", true), ("/dashboard", false), ("/dashboard/heatmap", false), ("/dashboard/kpis/I01-K1", true),
        ("/dashboard/departments", true), ("/entries", true), ("/entries/I01-K1/2025/4", true), ("/review", true),
        ("/exports", true), ("/entries/excel", true), ("/admin", true), ("/publishing", true), ("/initiatives/2/assessment/2025", true),
    ];

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1024, 768)]
    [InlineData(1366, 768)]
    public async Task NoPageScrollsSidewaysAndTheAppBarFits(int width, int height)
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, "/dashboard", interactive: false);
        var failures = new List<string>();
        foreach (var (url, interactive) in _pages)
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
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
