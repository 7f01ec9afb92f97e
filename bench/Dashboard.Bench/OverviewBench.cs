using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Server.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The dashboard APIs over real loopback HTTP (Kestrel on 127.0.0.1) and a real SQLite file: latency (median and
/// 95th percentile of warm requests) and the SQL queries per request, read from the Server-Timing header the app
/// writes. For the real plan with its sample figures, and with every KPI and its figures copied nine more times into
/// new initiatives (10x).
/// </summary>
internal static partial class OverviewBench
{
    private static readonly string[] _urls =
    [
        "/api/dashboard/overview?fy=2025&q=2",
        "/api/dashboard/heatmap",
        "/api/dashboard/kpis/I01-K1?fy=2025&q=2",
        "/api/plans/current",
    ];

    /// <summary>With a successor plan started after the real one: each plan's quarter, and a continued KPI on both sides.</summary>
    private static readonly string[] _twoPlanUrls =
    [
        "/api/dashboard/overview?fy=2025&q=2",
        "/api/dashboard/overview?fy=2026&q=1",
        "/api/dashboard/kpis/I01-K1?fy=2025&q=2",
        "/api/dashboard/kpis/I01-K1?fy=2026&q=1",
        "/api/dashboard/heatmap?fy=2025&q=4",
        "/api/dashboard/heatmap",
        "/api/plans/current",
    ];

    /// <summary>
    /// Two plans: the real plan (1x or 10x) and its successor (第2期, from 令和8年度), created and started through the
    /// API as the planner does, views computed on every request.
    /// </summary>
    public static async Task RunTwoPlansAsync(string root, string folder, int requests)
    {
        foreach (var times in new[] { 1, 10 })
        {
            var db = Path.Combine(folder, $"plans-{times}x.db");
            File.Delete(db);
            await using var app = new BenchApp($"Data Source={db}", Path.Combine(root, "seed-data"), viewCache: false);
            app.Start();
            if (times > 1)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await MultiplyAsync(scope.ServiceProvider.GetRequiredService<DashboardDbContext>(), times);
            }

            using var planner = await app.SignedInClientAsync("takahashi@demo.local");
            var html = await planner.GetStringAsync("/account/login");
            planner.DefaultRequestHeaders.Add(Dashboard.Shared.Auth.RequestForgery.HeaderName, WebUtility.HtmlDecode(HiddenTokenPattern().Match(html).Groups[1].Value));
            (await planner.PostAsJsonAsync("/api/plans/goshogawara-dx-2022/successor",
                new Dashboard.Shared.Plans.SuccessorRequest("goshogawara-dx-2026", "第2期", null, 2030))).EnsureSuccessStatusCode();
            (await planner.PostAsync("/api/plans/goshogawara-dx-2026/start", null)).EnsureSuccessStatusCode();

            var kpis = await CountKpisAsync(app);
            using var client = await app.SignedInClientAsync("suzuki@demo.local");
            foreach (var url in _twoPlanUrls)
            {
                await MeasureAsync(client, url, requests, $"2 plans, {times}x ({kpis} KPIs)");
            }
        }
    }

    public static async Task RunAsync(string root, string folder, int requests)
    {
        foreach (var (times, cache) in new[] { (1, false), (10, false), (1, true), (10, true) })
        {
            var db = Path.Combine(folder, $"overview-{times}x-{cache}.db");
            File.Delete(db);
            await using var app = new BenchApp($"Data Source={db}", Path.Combine(root, "seed-data"), cache);
            app.Start();
            if (times > 1)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await MultiplyAsync(scope.ServiceProvider.GetRequiredService<DashboardDbContext>(), times);
            }

            var kpis = await CountKpisAsync(app);
            using var client = await app.SignedInClientAsync("suzuki@demo.local");
            foreach (var url in _urls)
            {
                await MeasureAsync(client, url, requests, $"{times}x ({kpis} KPIs){(cache ? "" : " computed")}");
            }
        }
    }

    private static async Task MeasureAsync(HttpClient client, string url, int requests, string plan)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        var queries = new HashSet<int>();
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            queries.Add(int.Parse(QueriesPattern().Match(string.Join(",", response.Headers.GetValues("Server-Timing"))).Groups[1].Value, CultureInfo.InvariantCulture));
        }

        times.Sort();
        Console.WriteLine($"{plan,-27} {url,-42} median {times[times.Count / 2],7:N1} ms  p95 {times[(int)(times.Count * 0.95)],7:N1} ms  " +
            $"SQL queries/request {string.Join("/", queries)}  response {bytes / 1024.0,7:N1} KB  ({requests} requests)");
    }

    private static async Task<int> CountKpisAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().Kpis.CountAsync();
    }

    /// <summary>Copies every initiative (with its KPIs, targets, owners and entries) times - 1 more times under the same policies.</summary>
    private static async Task MultiplyAsync(DashboardDbContext db, int times)
    {
        var plan = await db.Plans.AsSplitQuery().Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners)
            .SingleAsync(p => p.IsCurrent);
        var entries = await db.Entries.AsNoTracking().ToListAsync();
        var initiatives = plan.Policies.SelectMany(p => p.Initiatives.Select(i => (Policy: p, Initiative: i))).ToList();
        var copies = new List<(Kpi Original, Kpi Copy)>();
        for (var copy = 1; copy < times; copy++)
        {
            foreach (var (policy, initiative) in initiatives)
            {
                var clone = new Initiative { Number = (copy * initiatives.Count) + initiative.Number, Title = $"{initiative.Title}（{copy + 1}）" };
                foreach (var kpi in initiative.Kpis)
                {
                    var k = new Kpi
                    {
                        PlanId = plan.Id, Code = $"{kpi.Code}-{copy}", Name = kpi.Name, Kind = kpi.Kind, Direction = kpi.Direction, Unit = kpi.Unit,
                        BaselineValue = kpi.BaselineValue, BaselineDate = kpi.BaselineDate, MilestoneDueFiscalYear = kpi.MilestoneDueFiscalYear,
                        DisplayOrder = kpi.DisplayOrder, Owners = kpi.Owners.ToList(),
                        Targets = kpi.Targets.Select(t => new KpiTargetValue { FiscalYear = t.FiscalYear, Value = t.Value }).ToList(),
                    };
                    clone.Kpis.Add(k);
                    copies.Add((kpi, k));
                }

                policy.Initiatives.Add(clone);
            }
        }

        await db.SaveChangesAsync();
        foreach (var (original, copy) in copies)
        {
            db.Entries.AddRange(entries.Where(e => e.KpiId == original.Id).Select(e => new QuarterlyEntry
            {
                KpiId = copy.Id, FiscalYear = e.FiscalYear, Quarter = e.Quarter, Value = e.Value, MilestoneState = e.MilestoneState,
                Done = e.Done, Check = e.Check, Act = e.Act, State = e.State, IsSample = e.IsSample, UpdatedBy = e.UpdatedBy,
                UpdatedUtc = e.UpdatedUtc, Version = Guid.NewGuid(),
            }));
        }

        await db.SaveChangesAsync();
    }

    [GeneratedRegex("queries=(\\d+)")]
    private static partial Regex QueriesPattern();

    /// <summary>The real app (Development: local demo sign-in) on Kestrel at 127.0.0.1 with its own SQLite file.</summary>
    /// <param name="viewCache">false measures the views' computation on every request (Dashboards:ViewCache=false).</param>
    internal sealed class BenchApp(string connectionString, string seedFolder, bool viewCache) : WebApplicationFactory<DashboardDbContext>
    {
        public void Start()
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            ClientOptions.BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Dashboard"] = connectionString,
                ["Seed:Folder"] = seedFolder,
                ["Seed:LoadSampleFigures"] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Dashboards:ViewCache"] = viewCache ? "true" : "false",
            }));
        }

        public async Task<HttpClient> SignedInClientAsync(string login)
        {
            var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            {
                BaseAddress = ClientOptions.BaseAddress,
            };
            var html = await client.GetStringAsync("/account/login");
            var token = TokenPattern().Match(html).Groups[1].Value;
            var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["login"] = login,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }));
            return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"sign-in failed: {response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex HiddenTokenPattern();
}
