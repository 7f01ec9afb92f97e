using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>One real server and one headless Debian Chromium for the whole E2E run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ServerProcess Server { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run .ci/run, or apt-get install -y chromium.");
        }

        await Server.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no internet: keep Chromium from trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh page with Japanese locale that records console errors and failed requests.</summary>
    /// <param name="server">Another server than the shared one (e.g. one in another render mode).</param>
    public Task<(IPage Page, List<string> Errors)> NewPageAsync(ServerProcess? server = null) => NewPageAsync((server ?? Server).BaseAddress);

    /// <summary>A fresh page on any address (a proxy in front of several servers).</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // A navigation cancels the previous page's pending requests; that is not a failure of the app.
            if (request.Failure != "net::ERR_ABORTED")
            {
                errors.Add($"request failed: {request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return (page, errors);
    }

    /// <summary>Signs in through the form; waits for WebAssembly unless the page is server-rendered only (overview, heatmap).</summary>
    public static async Task SignInAsync(IPage page, string login, string returnUrl = "/", bool interactive = true)
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.Locator($"button[name='login'][value='{login}']").ClickAsync();
        await WaitForUrlAsync(page, url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (interactive)
        {
            await WaitForInteractiveAsync(page);
        }
        else
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
    }

    /// <summary>
    /// Waits until the page's address matches, then until that document has loaded. Playwright's WaitForURLAsync reads
    /// the address and then listens for the next navigation: a navigation that lands between the two is missed and the
    /// wait runs out (seen in CI on a loaded machine). Polling the address has no such gap; the load-state wait checks
    /// and listens under one lock.
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> matches, int timeoutMs = 30_000)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!matches(page.Url))
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException($"the address stayed {page.Url} for {timeoutMs} ms");
            }

            await Task.Delay(50);
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>axe's serious and critical violations on the page, one line each (empty when there are none).</summary>
    public static async Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        // Every rule runs; only the violations come back with their elements (the passes of a large page are
        // thousands of elements, and sending them back was a fifth of axe's time).
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} - {v.Nodes.Length} element(s): {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>Opens a MudSelect and picks the option that contains <paramref name="text"/>, as a person clicks it.</summary>
    public static async Task ChooseAsync(IPage page, string select, string text)
    {
        await page.Locator(select).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Waits (polled: the page's CSP refuses WaitForFunction's eval) until the focused element matches <paramref name="selector"/>.</summary>
    public static async Task WaitForFocusAsync(IPage page, string selector)
    {
        for (var i = 0; i < 50 && !await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector),
            $"focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 80) ?? ''")}, not {selector}");
    }

    /// <summary>Waits until WebAssembly has replaced the prerendered page.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

