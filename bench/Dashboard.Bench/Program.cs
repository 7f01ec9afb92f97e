using System.Diagnostics;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Server.Features.Entries;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Fiscal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Dashboard.Server.Features.Plans;

// Two benchmarks, for the real plan with its four years of sample quarterly figures and a synthetic plan ten times its size:
//   overview: the dashboard APIs' latency and SQL queries per request, over loopback HTTP (see OverviewBench);
//   pack:     the Excel pack's build time (median of warm runs) and the process's peak working set.
//   plans:    the same with two plans (the real one and its started successor): both plans' views and a continued KPI.
//   forms:    N entry forms open at once in Chromium (interactive server circuits): input time of the last against the
//             first, and the server's memory per open form (see FormsBench; not part of "all").
// Run: dotnet run -c Release --project bench/Dashboard.Bench [-- overview|plans|pack|forms [runs|forms]]
var which = args.Length > 0 ? args[0] : "all";
var root = FindRoot();
var folder = Path.Combine(Path.GetTempPath(), "dashboard-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    if (which is "all" or "overview")
    {
        await OverviewBench.RunAsync(root, folder, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    }

    if (which is "all" or "plans")
    {
        await OverviewBench.RunTwoPlansAsync(root, folder, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    }

    if (which is "forms")
    {
        await FormsBench.RunAsync(root, folder, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
    }

    if (which is "all" or "pack")
    {
        await PackBenchAsync(root, folder, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task PackBenchAsync(string root, string folder, int runs)
{
    var options = new DbContextOptionsBuilder<SqliteDashboardDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
    await using var db = new SqliteDashboardDbContext(options);
    await db.Database.MigrateAsync();
    await new SeedLoader(db, Options.Create(new SeedOptions { Folder = Path.Combine(root, "seed-data"), LoadSampleFigures = true }),
        new BenchEnvironment(folder), NullLogger<SeedLoader>.Instance, TimeProvider.System).LoadAsync();

    var quarter = new FiscalQuarter(2025, 4);
    var operations = new DbOperations(new BenchContexts(options));
    CurrentPlan plan;
    using (operations.Begin())
    {
        plan = (await new PlanQuarters(operations, TimeProvider.System).PlanAsync(CancellationToken.None))!;
    }

    var real = await PackData.LoadAsync(db, plan, quarter, "bench", DateTime.UtcNow, CancellationToken.None);
    Report("real plan", real, runs);
    Report("10x synthetic plan", Synthetic.TenTimes(real), runs);
}

static void Report(string name, PackData data, int runs)
{
    var kpis = data.Kpis().Count();
    PackBuilder.Build(data); // warm-up: JIT, fonts, styles
    var times = new List<double>();
    var size = 0;
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        size = PackBuilder.Build(data).Length;
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"{name}: {kpis} KPIs, {data.Entries.Count} entries -> {size / 1024:N0} KB; build median {times[times.Count / 2]:N0} ms (min {times[0]:N0}, max {times[^1]:N0}, {runs} runs); process peak working set {process.PeakWorkingSet64 / 1024 / 1024:N0} MB");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Dashboard.sln not found");
}

internal sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;
    public string ApplicationName { get; set; } = "Dashboard.Bench";
    public string ContentRootPath { get; set; } = root;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

/// <summary>The real plan's policies repeated ten times (110 initiatives, 280 KPIs) with their figures.</summary>
internal static class Synthetic
{
    public static PackData TenTimes(PackData real)
    {
        var plan = new Plan { Id = real.Plan.Id, Code = real.Plan.Code, Name = real.Plan.Name + "（10倍）", PeriodStart = real.Plan.PeriodStart, PeriodEnd = real.Plan.PeriodEnd };
        var entries = new List<QuarterlyEntry>();
        var nextKpiId = 1;
        var initiativeNumber = 0;
        for (var copy = 0; copy < 10; copy++)
        {
            foreach (var policy in real.Plan.Policies.OrderBy(p => p.Number))
            {
                var newPolicy = new BasicPolicy { Number = (copy * 3) + policy.Number, Title = policy.Title, Subtitle = policy.Subtitle };
                foreach (var initiative in policy.Initiatives.OrderBy(i => i.Number))
                {
                    var newInitiative = new Initiative { Id = ++initiativeNumber, Number = initiativeNumber, Title = $"{initiative.Title}（{copy + 1}）" };
                    foreach (var kpi in initiative.Kpis)
                    {
                        var id = nextKpiId++;
                        newInitiative.Kpis.Add(new Kpi
                        {
                            Id = id, Code = $"{kpi.Code}-{copy}", Name = kpi.Name, Kind = kpi.Kind, Direction = kpi.Direction, Unit = kpi.Unit,
                            BaselineValue = kpi.BaselineValue, BaselineDate = kpi.BaselineDate, MilestoneDueFiscalYear = kpi.MilestoneDueFiscalYear,
                            DisplayOrder = kpi.DisplayOrder, Targets = kpi.Targets, Owners = kpi.Owners,
                        });
                        entries.AddRange(real.Entries.Where(e => e.KpiId == kpi.Id).Select(e => new QuarterlyEntry
                        {
                            KpiId = id, FiscalYear = e.FiscalYear, Quarter = e.Quarter, Value = e.Value, MilestoneState = e.MilestoneState,
                            Done = e.Done, Check = e.Check, Act = e.Act, State = e.State, IsSample = e.IsSample, UpdatedBy = e.UpdatedBy, UpdatedUtc = e.UpdatedUtc,
                        }));
                    }

                    newPolicy.Initiatives.Add(newInitiative);
                }

                plan.Policies.Add(newPolicy);
            }
        }

        return real with { Plan = plan, Entries = entries };
    }
}

/// <summary>Contexts on the bench's database, for the services' one-context-per-operation (DbOperations).</summary>
internal sealed class BenchContexts(DbContextOptions<SqliteDashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => new SqliteDashboardDbContext(options);
}
