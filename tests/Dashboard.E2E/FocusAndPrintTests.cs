using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E;

/// <summary>
/// JIS X 8341-3 / WCAG 2.4.7, 2.4.11 and 2.4.1 on every signed-in page, and the committee's printouts (issue 15, in part):
/// every Tab stop of every page changes visibly, measured in pixels; nothing focused sits under the app bar; a skip link leads to the
/// content; the overview and a KPI's page print without the app's chrome and say which quarter they show.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusAndPrintTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Every stop of a page: the walk ends when focus comes back round to the skip link (or at this many).
    private const int StopsPerPage = 150;

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryTabStopShowsAFocusRingOfAtLeast3To1AndIsNotUnderTheAppBar(string theme)
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, $"/preferences/theme?mode={theme}&returnUrl=%2Fdashboard", interactive: false);
        var failures = new List<string>();
        var checkedStops = 0;
        var openedPanels = 0;
        var walks = new List<string>();
        foreach (var (url, interactive) in SignedInPages.All)
        {
            // A walk is only read when the page stayed as it was: on a loaded machine the connection can drop during
            // it (the reconnect dialog takes the focus, and when it closes the focus starts again at the top), and the
            // page is walked again once it is back, as a person would carry on. Three disturbed walks in a row fail.
            Walk? walk = null;
            var disturbed = new List<string>();
            for (var attempt = 0; attempt < 3 && walk is null; attempt++)
            {
                await GoAsync(page, url);
                if (interactive)
                {
                    await BrowserFixture.WaitForInteractiveAsync(page);
                }

                var done = await WalkAsync(page, theme, url);
                if (done.Disturbed is { } why)
                {
                    disturbed.Add(why);
                    output.WriteLine($"{theme} {url}: walked again ({why})");
                }
                else
                {
                    walk = done;
                }
            }

            walk = walk ?? throw new Xunit.Sdk.XunitException($"{url}: every walk was disturbed: {string.Join("; ", disturbed)}");
            checkedStops += walk.Checked;
            failures.AddRange(walk.Failures);
            openedPanels += walk.Opened.Count;
            walks.Add($"{url}: {walk.Stops} stops, ended at {walk.Ended}, opened [{string.Join(", ", walk.Opened)}]");
        }

        output.WriteLine($"{theme}: {checkedStops} Tab stops measured over {SignedInPages.All.Count} pages");
        Assert.True(checkedStops > 300, $"only {checkedStops} stops checked");
        Assert.True(openedPanels >= SignedInPages.All.Count * 2, $"the bell and the person menu were opened {openedPanels} times:\n" + string.Join("\n", walks));
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedStops} stops:\n" + string.Join("\n", failures.Take(40)));
    }

    // A reload the page began itself (the server no longer knew its circuit) may still be on its way: it interrupts
    // our navigation, which is then made again.
    private static async Task GoAsync(IPage page, string url)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                await page.GotoAsync(url);
                return;
            }
            catch (PlaywrightException e) when (tries < 3 && e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync();
            }
        }
    }

    private sealed class Step
    {
        public string Disturbed { get; set; } = "";

        public bool AtSkipLink { get; set; }

        public bool OnHeading { get; set; }

        public bool InMain { get; set; }

        public FocusRing.Box? Box { get; set; }
    }

    private sealed record Walk(int Stops, int Checked, List<string> Failures, List<string> Opened, string Ended, string? Disturbed);

    // Every Tab stop of the page from the skip link round to it again (or StopsPerPage), each measured by FocusRing.
    // Disturbed when the page's layout is no longer the one the walk began on (a reload or a new render of it), or the
    // connection is down.
    private static async Task<Walk> WalkAsync(IPage page, string theme, string url)
    {
        try
        {
            return await WalkOnceAsync(page, theme, url);
        }
        catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
        {
            // The page navigated (a reload) while a step read it.
            return new Walk(0, 0, [], [], "", "the page was loaded again during a step");
        }
    }

    private static async Task<Walk> WalkOnceAsync(IPage page, string theme, string url)
    {
        var failures = new List<string>();
        var opened = new List<string>();
        var checkedStops = 0;
        var stops = 0;
        await page.EvaluateAsync("() => { window.__walkLayout = document.querySelector('.mud-layout'); }");

        // From the top of the page: the skip link is the first stop, so the walk covers the app bar and the menu too.
        await page.FocusAsync(".skip-link");
        for (var stop = 0; stop < StopsPerPage; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops++;

            // One call per stop reads whether the page is still the one walked, whether focus is back at the skip link,
            // and the focused element's box for the ring.
            var step = await page.EvaluateAsync<Step>($$"""
                () => ({
                  disturbed: window.__walkLayout === undefined ? 'the page was loaded again'
                    : document.querySelector('.mud-layout') !== window.__walkLayout ? 'the layout was rendered anew'
                    : document.querySelector('#components-reconnect-modal[open]') || document.documentElement.hasAttribute('data-disconnected') ? 'the connection dropped'
                    : '',
                  atSkipLink: document.activeElement?.classList.contains('skip-link') === true,
                  onHeading: document.activeElement?.tagName === 'H1',
                  inMain: !!document.activeElement?.closest('main'),
                  box: {{FocusRing.BoxScript}},
                })
                """);
            if (step.Disturbed.Length > 0)
            {
                return new Walk(stops, checkedStops, failures, opened, "", $"{step.Disturbed} at stop {stop + 1}");
            }

            // The page focuses its heading once it has rendered after a navigation (FocusOnNavigate). On a loaded
            // machine that can come after the walk began, and the walk then goes on from the heading, never seeing the
            // app bar: a Tab never lands on the heading itself, and the first stop after the skip link is in the app bar.
            if (step.OnHeading || (stop == 0 && step.InMain))
            {
                return new Walk(stops, checkedStops, failures, opened, "", $"the page moved the focus to its heading at stop {stop + 1}");
            }

            if (stop > 0 && step.AtSkipLink)
            {
                return new Walk(stops, checkedStops, failures, opened, "the skip link", null);
            }

            var problem = await FocusRing.CheckAsync(page, step.Box);
            if (problem is null)
            {
                continue;
            }

            checkedStops++;
            if (problem.Length > 0)
            {
                failures.Add($"{theme} {url} stop {stop + 1} {problem}");
            }

            // The bell's and the person menu's panels are walked too: a closed one is opened as a person would
            // (Enter), so the next Tab goes into it; leaving it by Tab closes it again.
            var panel = await page.EvaluateAsync<string>("() => { const d = document.activeElement?.closest('details.bell, details.user-menu'); return !!d && !d.open && document.activeElement.tagName === 'SUMMARY' ? d.className : ''; }");
            if (panel.Length > 0)
            {
                await page.Keyboard.PressAsync("Enter");
                opened.Add(panel);
            }
        }

        return new Walk(stops, checkedStops, failures, opened, "the limit", null);
    }

    [Fact]
    public async Task TheFirstTabIsASkipLinkToTheContent()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, "/entries/I01-K1/2025/4");

        // First in the Tab order of the page, and shown on the screen when focused.
        var first = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
                    .find(e => !e.disabled)?.textContent?.trim() ?? ''
            """);
        Assert.Equal("本文へ移動", first);
        await page.FocusAsync(".skip-link");
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"));
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The next Tab lands inside the content, past the app bar and the menu.
        await page.Keyboard.PressAsync("Tab");
        var where = await page.EvaluateAsync<string>("() => (document.activeElement.closest('main') ? 'main ' : 'outside ') + (document.activeElement.textContent ?? '').trim().slice(0, 20)");
        Assert.StartsWith("main", where, StringComparison.Ordinal);

    }

    [Fact]
    public async Task TheHeatmapIsOneTabStopAndArrowKeysMoveBetweenCells()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard/heatmap", interactive: false);
        await page.Locator("table.heatmap[data-grid='on']").WaitForAsync();
        Assert.True(await page.Locator("[data-heatmap-hint]").IsVisibleAsync());

        // One stop in the Tab order for the whole table (it was one per cell, 546 on this plan).
        Assert.Equal(1, await page.Locator("table.heatmap a.cell-link:not([tabindex='-1'])").CountAsync());
        Assert.True(await page.Locator("table.heatmap a.cell-link").CountAsync() > 100);

        // Tab reaches it; arrows move; Tab leaves the table.
        await page.FocusAsync(".skip-link");
        for (var i = 0; i < 60 && !await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('table.heatmap')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        string Where() => "() => { const a = document.activeElement; const row = a.closest('tr'); return row.rowIndex + ':' + a.closest('td').cellIndex; }";
        var start = await page.EvaluateAsync<string>(Where());
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowLeft");
        var moved = await page.EvaluateAsync<string>(Where());
        var (r0, c0) = (int.Parse(start.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(start.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{r0 + 1}:{c0 - 1}", moved);
        await page.Keyboard.PressAsync("Home");
        Assert.EndsWith(":1", await page.EvaluateAsync<string>(Where()), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("table.heatmap a.cell-link:not([tabindex='-1'])").CountAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('table.heatmap')"));
    }

    [Fact]
    public async Task TheChartsDownloadMenuWorksByKeyboardAndTheDrawingIsNotReadAsText()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard/kpis/I01-K1");
        var icon = page.Locator(".apexcharts-menu-icon[role='button']");
        await icon.WaitForAsync();
        Assert.Equal("true", await page.Locator("svg.apexcharts-svg").First.GetAttributeAsync("aria-hidden"));
        Assert.False(string.IsNullOrWhiteSpace(await icon.GetAttributeAsync("aria-label")));

        await icon.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".apexcharts-menu-icon[aria-expanded='true']").WaitForAsync(new() { Timeout = 5000 });
        Assert.Equal("menuitem", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('role')"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("menuitem", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('role')"));
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".apexcharts-menu-icon[aria-expanded='false']").WaitForAsync(new() { Timeout = 5000 });
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('apexcharts-menu-icon')"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task TheSignInPageIsInEnglishInEnglishModeWithTheJapaneseNamesMarkedAsJapanese()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync("/preferences/language?lang=en&returnUrl=%2Faccount%2Flogin");

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Sign in", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.StartsWith("Sign in |", await page.TitleAsync(), StringComparison.Ordinal);
        var table = await page.Locator("table").InnerTextAsync();
        Assert.Contains("Section staff", table, StringComparison.Ordinal);
        Assert.DoesNotContain("各課の担当者", table, StringComparison.Ordinal);
        Assert.Equal("ja", await page.Locator("tbody tr").First.Locator("th span").GetAttributeAsync("lang"));
        Assert.StartsWith("Sign in as", await page.Locator("button[name='login']").First.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        // Signed in, the plan's own Japanese words stay marked on the English pages.
        await page.Locator($"button[name='login'][value='{DemoUsers.Committee}']").ClickAsync();
        await page.GotoAsync("/dashboard?fy=2025&q=4");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(28, await page.Locator("table a[lang='ja']").CountAsync()); // every KPI name of the plan
        Assert.Equal(3, await page.Locator("h2 span[lang='ja']").CountAsync()); // the three basic policies
        await page.GotoAsync("/dashboard/kpis/I01-K1");
        Assert.Equal("ja", await page.Locator("h1 span").GetAttributeAsync("lang"));
    }

    [Theory]
    [InlineData("/dashboard?fy=2025&q=4&dept=kikaku", "企画課")]
    [InlineData("/dashboard/kpis/I01-K1?fy=2025&q=4", null)]
    public async Task TheCommitteesPrintoutHasNoMenuOrSignOutAndSaysWhichQuarter(string url, string? filter)
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, $"/preferences/theme?mode=dark&returnUrl={Uri.EscapeDataString(url)}", interactive: false);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { PrintBackground = false, PreferCSSPageSize = true });

        var path = Path.Combine(Path.GetTempPath(), $"print-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var text = await PdfTextAsync(path);
            Assert.Contains("令和7年度 第4四半期", text, StringComparison.Ordinal);
            foreach (var chrome in new[] { "サインアウト", "ヒートマップ", "課別の状況", "計画と指標", "本文へ移動" })
            {
                Assert.DoesNotContain(chrome, text, StringComparison.Ordinal);
            }

            if (filter is not null)
            {
                Assert.Contains($"絞り込み: {filter}", text, StringComparison.Ordinal);
            }

            // A4 landscape: 297 x 210 mm is 841.92 x 594.96 pt.
            var info = await RunAsync("pdfinfo", path);
            Assert.Contains("841.92 x 594.96", info, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // -raw keeps the content order: digits drawn in another font stay in their line.
    private static async Task<string> PdfTextAsync(string path) => (await RunAsync("pdftotext", $"-raw {path} -")).Replace("\f", "\n", StringComparison.Ordinal);

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start; test.sh installs poppler-utils.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
