using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Playwright;

/// <summary>
/// Many entry forms open at once (issue 22, point 4): the app runs in this process (Release, Kestrel on loopback, its
/// own SQLite file with the sample figures); Debian Chromium opens the entry form N times in one signed-in browser, each
/// in a tab of its own and left open, so N interactive server circuits live side by side. For each tab it takes the
/// time from navigation start until the form takes input (the layout says data-interactive="true" and the "getting
/// ready" notice is gone), as bench/page-budget/ready.mjs does. It reports the last tabs' times against the first
/// tabs' (the ratio, not absolute figures: the machine is shared), and the server's managed heap after a full
/// collection before, with all tabs open, and after they are closed: the memory each open form holds and whether it
/// is given back.
/// </summary>
internal static class FormsBench
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task RunAsync(string root, string folder, int forms)
    {
        // The server's own count of live circuits (ASP.NET Core's circuit meter), to show the forms really are open.
        long circuits = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Components.Server.Circuits" && instrument.Name == "aspnetcore.components.circuit.active")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref circuits, value));
        meters.Start();

        await using var app = new OverviewBench.BenchApp($"Data Source={Path.Combine(folder, "forms.db")}", Path.Combine(root, "seed-data"), viewCache: true);
        app.Start();
        var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "ja-JP" });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/account/login?returnUrl=%2Fentries");
        await signIn.Locator("button[name='login'][value='tanaka@demo.local']").ClickAsync();
        await signIn.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await signIn.CloseAsync();

        // A warm-up form, closed again, so the first measured one does not pay for the first compile of the page.
        var warm = await context.NewPageAsync();
        await OpenAsync(warm, "/entries/I01-K1/2025/4");
        await warm.CloseAsync();
        await Task.Delay(2000);

        var before = Heap();
        var setBefore = WorkingSet();
        var pages = new List<IPage>();
        var times = new List<double>();
        var kpis = new[] { "I01-K1", "I01-K2", "I02-K1", "I03-K1", "I03-K2" };
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < forms; i++)
        {
            var page = await context.NewPageAsync();
            pages.Add(page);
            times.Add(await OpenAsync(page, $"/entries/{kpis[i % kpis.Length]}/2025/4"));
        }

        var wall = clock.Elapsed;
        var open = Heap();
        var liveWhileOpen = Interlocked.Read(ref circuits);
        var setOpen = WorkingSet();
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        // A closed tab tells the server to end its circuit; give the server a moment to dispose them.
        await Task.Delay(5000);
        var closed = Heap();
        var liveAfter = Interlocked.Read(ref circuits);
        var setClosed = WorkingSet();

        var first = Median(times.Take(5));
        var last = Median(times.TakeLast(5));
        Console.WriteLine($"forms: {forms} entry forms open at once, signed in as 田中 (企画課), {wall.TotalSeconds:0.0} s to open them all");
        Console.WriteLine($"  takes input: first {times[0]:0} ms, median of the first five {first:0} ms; the {forms}th {times[^1]:0} ms, median of the last five {last:0} ms");
        Console.WriteLine($"  ratio: {forms}th / first = {times[^1] / times[0]:0.00}x; last five / first five (medians) = {last / first:0.00}x");
        Console.WriteLine($"  managed heap after a full collection: {Mb(before)} before, {Mb(open)} with {forms} open (+{Mb(open - before)}, {(open - before) / 1024.0 / forms:0} KB per form), {Mb(closed)} after closing them");
        Console.WriteLine($"  live circuits on the server: {liveWhileOpen} with the tabs open, {liveAfter} after closing them");
        Console.WriteLine($"  server process working set (after a full collection): {Mb(setBefore)} before, {Mb(setOpen)} with {forms} open (+{Mb(setOpen - setBefore)}, {(setOpen - setBefore) / 1024.0 / forms:0} KB per form), {Mb(setClosed)} after closing them");
        Console.WriteLine($"  every tenth form (ms): {string.Join(", ", times.Where((_, i) => i % 10 == 9).Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    private static async Task<double> OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        var ready = await page.WaitForFunctionAsync(
            "() => document.querySelector(\"[data-interactive='true']\") && !document.querySelector('[data-not-ready]') ? performance.now() : false",
            null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 5 });
        return await ready.JsonValueAsync<double>();
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
