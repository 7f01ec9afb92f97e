using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Shared.Entries;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>A second start neither duplicates the plan nor overwrites what users changed.</summary>
public sealed class SeedIdempotencyTests : AppTestBase
{
    [Fact]
    public async Task SecondStartAddsNothing()
    {
        var before = await CountsAsync();

        await App.LoadSeedAgainAsync(samples: false);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal((1, 8, 28), (before.Plans, before.Departments, before.Kpis));
    }

    [Fact]
    public async Task SecondStartKeepsWhatUsersChanged()
    {
        await App.WithDbAsync(async db =>
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

        await App.LoadSeedAgainAsync(samples: false);

        var kpi = await App.WithDbAsync(db => db.Kpis.Include(k => k.Targets).Include(k => k.Owners).AsNoTracking().SingleAsync(k => k.Code == "I01-K1"));
        Assert.Equal("オンライン化した手続の数（改）", kpi.Name);
        Assert.Equal(210m, kpi.Targets.Single(t => t.FiscalYear == 2025).Value);
        Assert.Equal(["shimin"], kpi.Owners.Select(o => o.Code));
        Assert.Equal("デジタル推進課", await App.WithDbAsync(db => db.Departments.Where(d => d.Code == "kikaku").Select(d => d.Name).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.Kpis.AnyAsync(k => k.Code == "I11-K2")));
    }

    [Fact]
    public async Task SampleFiguresLoadOnlyWhenAskedAndOnlyOnce()
    {
        Assert.Equal(0, await App.CountAsync<QuarterlyEntry>());

        await App.LoadSeedAgainAsync(samples: true);
        var loaded = await App.CountAsync<QuarterlyEntry>();
        await App.LoadSeedAgainAsync(samples: true);

        Assert.Equal(loaded, await App.CountAsync<QuarterlyEntry>());
        Assert.True(loaded > 100, $"only {loaded} sample figures");
        var entries = await App.WithDbAsync(db => db.Entries.AsNoTracking().ToListAsync());
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
        var kpiId = await App.WithDbAsync(db => db.Kpis.Where(k => k.Code == "I01-K1").Select(k => k.Id).SingleAsync());
        await App.WithDbAsync(db =>
        {
            db.Entries.Add(new QuarterlyEntry
            {
                KpiId = kpiId, FiscalYear = 2023, Quarter = 1, Value = 111m, State = EntryState.Submitted,
                UpdatedBy = "staff@example.jp", UpdatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return db.SaveChangesAsync();
        });

        await App.LoadSeedAgainAsync(samples: true);

        var entry = await App.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.KpiId == kpiId && e.FiscalYear == 2023 && e.Quarter == 1));
        Assert.Equal((111m, false, "staff@example.jp"), (entry.Value, entry.IsSample, entry.UpdatedBy));
    }

    [Fact]
    public async Task ANewPlanFileBecomesCurrentAndTheOldOneStays()
    {
        var seed = Temp.CopyOfSeedData();
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
        await using var next = new DashboardFactory(Temp.ConnectionString, seed);
        _ = next.Server;

        var plans = await next.WithDbAsync(db => db.Plans.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.IsCurrent }).ToListAsync());
        Assert.Equal(["goshogawara-dx-2022", "goshogawara-dx-2026"], plans.Select(p => p.Code));
        Assert.Equal([false, true], plans.Select(p => p.IsCurrent));
        Assert.Equal(56, await next.CountAsync<Kpi>()); // the same codes live in both plans
    }

    private async Task<(int Plans, int Departments, int Kpis, int Targets, int Policies, int Initiatives)> CountsAsync() =>
        (await App.CountAsync<Plan>(), await App.CountAsync<Department>(), await App.CountAsync<Kpi>(),
         await App.CountAsync<KpiTargetValue>(), await App.CountAsync<BasicPolicy>(), await App.CountAsync<Initiative>());
}
