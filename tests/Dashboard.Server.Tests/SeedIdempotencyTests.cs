using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Shared.Entries;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>A second start neither duplicates the plan nor overwrites what users changed.</summary>
public sealed class SeedIdempotencyTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private DashboardFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData);
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task SecondStartAddsNothing()
    {
        var before = await CountsAsync();

        await _app.LoadSeedAgainAsync(samples: false);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal((1, 8, 28), (before.Plans, before.Departments, before.Kpis));
    }

    [Fact]
    public async Task SecondStartKeepsWhatUsersChanged()
    {
        await _app.WithDbAsync(async db =>
        {
            var kpi = await db.Kpis.Include(k => k.Targets).Include(k => k.Owners).SingleAsync(k => k.Code == "I01-K1");
            kpi.Name = "オンライン化した手続の数（改）";
            kpi.Targets.Single(t => t.FiscalYear == 2025).Value = 210m;
            kpi.Owners.Clear();
            kpi.Owners.Add(await db.Departments.SingleAsync(d => d.Code == "shimin"));
            (await db.Departments.SingleAsync(d => d.Code == "kikaku")).Name = "デジタル推進課";
            db.Kpis.Remove(await db.Kpis.SingleAsync(k => k.Code == "I11-K2"));
            return await db.SaveChangesAsync();
        });

        await _app.LoadSeedAgainAsync(samples: false);

        var kpi = await _app.WithDbAsync(db => db.Kpis.Include(k => k.Targets).Include(k => k.Owners).AsNoTracking().SingleAsync(k => k.Code == "I01-K1"));
        Assert.Equal("オンライン化した手続の数（改）", kpi.Name);
        Assert.Equal(210m, kpi.Targets.Single(t => t.FiscalYear == 2025).Value);
        Assert.Equal(["shimin"], kpi.Owners.Select(o => o.Code));
        Assert.Equal("デジタル推進課", await _app.WithDbAsync(db => db.Departments.Where(d => d.Code == "kikaku").Select(d => d.Name).SingleAsync()));
        Assert.False(await _app.WithDbAsync(db => db.Kpis.AnyAsync(k => k.Code == "I11-K2")));
    }

    [Fact]
    public async Task SampleFiguresLoadOnlyWhenAskedAndOnlyOnce()
    {
        Assert.Equal(0, await _app.CountAsync<QuarterlyEntry>());

        await _app.LoadSeedAgainAsync(samples: true);
        var loaded = await _app.CountAsync<QuarterlyEntry>();
        await _app.LoadSeedAgainAsync(samples: true);

        Assert.Equal(loaded, await _app.CountAsync<QuarterlyEntry>());
        Assert.True(loaded > 100, $"only {loaded} sample figures");
        var entries = await _app.WithDbAsync(db => db.Entries.AsNoTracking().ToListAsync());
        Assert.All(entries, e =>
        {
            Assert.True(e.IsSample);
            Assert.Equal(SeedLoader.SampleAuthor, e.UpdatedBy);
            Assert.Equal(EntryState.Approved, e.State);
            Assert.InRange(e.FiscalYear, 2022, 2025);
        });
    }

    [Fact]
    public async Task SampleNeverOverwritesAFigureSomeoneEntered()
    {
        var kpiId = await _app.WithDbAsync(db => db.Kpis.Where(k => k.Code == "I01-K1").Select(k => k.Id).SingleAsync());
        await _app.WithDbAsync(db =>
        {
            db.Entries.Add(new QuarterlyEntry
            {
                KpiId = kpiId, FiscalYear = 2023, Quarter = 1, Value = 111m, State = EntryState.Submitted,
                UpdatedBy = "staff@example.jp", UpdatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return db.SaveChangesAsync();
        });

        await _app.LoadSeedAgainAsync(samples: true);

        var entry = await _app.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.KpiId == kpiId && e.FiscalYear == 2023 && e.Quarter == 1));
        Assert.Equal((111m, false, "staff@example.jp"), (entry.Value, entry.IsSample, entry.UpdatedBy));
    }

    [Fact]
    public async Task ANewPlanFileBecomesCurrentAndTheOldOneStays()
    {
        var seed = _temp.CopyOfSeedData();
        File.Copy(Path.Combine(seed, SeedFiles.PlanFile), Path.Combine(seed, "plans", "zz-next.json"));
        SeedFiles.Edit(seed, SeedFiles.PlanFile, p => p["isCurrent"] = false);
        SeedFiles.Edit(seed, "plans/zz-next.json", p =>
        {
            p["code"] = "goshogawara-dx-2026";
            p["name"] = "次期計画（試行）";
            p["periodStart"] = "2026-04-01";
            p["periodEnd"] = "2031-03-31";
            foreach (var kpi in p["policies"]!.AsArray().SelectMany(x => x!["initiatives"]!.AsArray()).SelectMany(i => i!["kpis"]!.AsArray()))
            {
                kpi!.AsObject().Remove("targets");
                kpi.AsObject().Remove("dueFiscalYear");
                kpi["kind"] = "monitorOnly";
            }
        });
        await using var next = new DashboardFactory(_temp.ConnectionString, seed);
        _ = next.Server;

        var plans = await next.WithDbAsync(db => db.Plans.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.IsCurrent }).ToListAsync());
        Assert.Equal(["goshogawara-dx-2022", "goshogawara-dx-2026"], plans.Select(p => p.Code));
        Assert.Equal([false, true], plans.Select(p => p.IsCurrent));
        Assert.Equal(56, await next.CountAsync<Kpi>()); // the same codes live in both plans
    }

    private async Task<(int Plans, int Departments, int Kpis, int Targets, int Policies, int Initiatives)> CountsAsync() =>
        (await _app.CountAsync<Plan>(), await _app.CountAsync<Department>(), await _app.CountAsync<Kpi>(),
         await _app.CountAsync<KpiTargetValue>(), await _app.CountAsync<BasicPolicy>(), await _app.CountAsync<Initiative>());
}
