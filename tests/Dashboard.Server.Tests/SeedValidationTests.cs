using System.Text.Json.Nodes;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>A wrong seed file stops the load with one message naming file, path and problem, and writes nothing.</summary>
public sealed class SeedValidationTests : IDisposable
{
    private const string FirstKpi = "$.policies[0].initiatives[0].kpis[0]";
    private readonly TempFolder _temp = new();
    private readonly string _seed;

    public SeedValidationTests() => _seed = _temp.CopyOfSeedData();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, Action<JsonNode>, string, string> BrokenPlans => new()
    {
        { "missing field", p => SeedFiles.Kpi(p, 0, 0, 0).Remove("unit"), $"{FirstKpi}.unit", "missing field" },
        { "missing name", p => SeedFiles.Kpi(p, 0, 1, 0).Remove("name"), "$.policies[0].initiatives[1].kpis[0].name", "missing field" },
        { "duplicate KPI code", p => SeedFiles.Kpi(p, 2, 0, 0)["code"] = "I01-K1", "$.policies[2].initiatives[0].kpis[0].code", "duplicate KPI code" },
        { "unknown kind", p => SeedFiles.Kpi(p, 0, 0, 0)["kind"] = "cumulitive", $"{FirstKpi}.kind", "unknown kind" },
        { "numeric kind", p => SeedFiles.Kpi(p, 0, 0, 0)["kind"] = "3", $"{FirstKpi}.kind", "unknown kind" },
        { "target after the plan", p => SeedFiles.Kpi(p, 0, 0, 0)["targets"]!["2026"] = 230, $"{FirstKpi}.targets.2026", "outside the plan period" },
        { "target before the plan", p => SeedFiles.Kpi(p, 0, 0, 0)["targets"]!["2021"] = 80, $"{FirstKpi}.targets.2021", "outside the plan period" },
        { "target year not a year", p => SeedFiles.Kpi(p, 0, 0, 0)["targets"]!["令和7年度"] = 80, $"{FirstKpi}.targets.令和7年度", "not a fiscal year" },
        { "milestone due after the plan", p => SeedFiles.Kpi(p, 0, 1, 1)["dueFiscalYear"] = 2027, "$.policies[0].initiatives[1].kpis[1].dueFiscalYear", "outside the plan period" },
        { "percentage above 100", p => SeedFiles.Kpi(p, 0, 2, 0)["targets"]!["2022"] = 120, "$.policies[0].initiatives[2].kpis[0].targets.2022", "percentage outside 0-100" },
        { "zero target not zero", p => SeedFiles.Kpi(p, 2, 0, 0)["targets"]!["2023"] = 1, "$.policies[2].initiatives[0].kpis[0].targets.2023", "zero-target KPI has target 0" },
        { "direction against kind", p => SeedFiles.Kpi(p, 0, 1, 4)["direction"] = "higher", "$.policies[0].initiatives[1].kpis[4].direction", "direction contradicts kind" },
        { "unknown department", p => SeedFiles.Kpi(p, 0, 0, 0)["owners"] = new JsonArray("nosuchka"), $"{FirstKpi}.owners[0]", "unknown department" },
        { "baseline without date", p => SeedFiles.Kpi(p, 0, 0, 0)["baseline"]!.AsObject().Remove("date"), $"{FirstKpi}.baseline.date", "missing field" },
        { "duplicate initiative", p => p["policies"]![1]!["initiatives"]![0]!["number"] = 1, "$.policies[1].initiatives[0].number", "duplicate initiative number" },
        { "misspelt field", p => SeedFiles.Kpi(p, 0, 0, 0)["unti"] = "件", $"{FirstKpi}.unti", "invalid JSON" },
        { "number as text", p => SeedFiles.Kpi(p, 0, 0, 0)["targets"]!["2022"] = "百", $"{FirstKpi}.targets.2022", "invalid JSON" },
        { "period reversed", p => p["periodEnd"] = "2021-03-31", "$.periodEnd", "periodEnd is not after periodStart" },
        { "unknown grading", p => p["grading"]!["scheme"] = "ABC", "$.grading.scheme", "unknown grading scheme" },
        { "grading out of order", p => p["grading"]!["b"] = 1.2, "$.grading", "grading thresholds out of order" },
    };

    [Theory]
    [MemberData(nameof(BrokenPlans))]
    public async Task BrokenPlanFileStopsTheLoadNamingFilePathAndProblem(string _, Action<JsonNode> breakIt, string path, string problem)
    {
        SeedFiles.Edit(_seed, SeedFiles.PlanFile, breakIt);

        var error = await Assert.ThrowsAsync<SeedDataException>(() => LoadAsync(samples: false));

        Assert.Equal("seed-data/" + SeedFiles.PlanFile, error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"seed-data/{SeedFiles.PlanFile}: {path}: ", error.Message, StringComparison.Ordinal);
        await AssertDatabaseEmptyAsync();
    }

    [Fact]
    public async Task FileThatIsNotJsonIsNamedWithItsLine()
    {
        var path = Path.Combine(_seed, SeedFiles.PlanFile);
        File.WriteAllText(path, File.ReadAllText(path)[..5000]);

        var error = await Assert.ThrowsAsync<SeedDataException>(() => LoadAsync(samples: false));

        Assert.Equal("seed-data/" + SeedFiles.PlanFile, error.File);
        Assert.Contains("invalid JSON", error.Problem, StringComparison.Ordinal);
        Assert.Matches(@"line \d+", error.Problem);
    }

    [Fact]
    public async Task DuplicateDepartmentCodeIsNamed()
    {
        SeedFiles.Edit(_seed, "departments.json", d => d["departments"]![1]!["code"] = "kikaku");

        var error = await Assert.ThrowsAsync<SeedDataException>(() => LoadAsync(samples: false));

        Assert.Equal(("seed-data/departments.json", "$.departments[1].code"), (error.File, error.JsonPath));
        Assert.Contains("duplicate department code", error.Problem, StringComparison.Ordinal);
        await AssertDatabaseEmptyAsync();
    }

    [Fact]
    public async Task BrokenSampleFileLeavesTheValidPlanUnwrittenToo()
    {
        SeedFiles.Edit(_seed, SeedFiles.SampleFile, s => s["entries"]![0]!["quarter"] = "令和7年度 第5四半期");

        var error = await Assert.ThrowsAsync<SeedDataException>(() => LoadAsync(samples: true));

        Assert.Equal(("seed-data/" + SeedFiles.SampleFile, "$.entries[0].quarter"), (error.File, error.JsonPath));
        Assert.Contains("not a quarter", error.Problem, StringComparison.Ordinal);
        await AssertDatabaseEmptyAsync();
    }

    [Fact]
    public async Task SampleForAnUnknownKpiIsNamed()
    {
        SeedFiles.Edit(_seed, SeedFiles.SampleFile, s => s["series"]![2]!["kpi"] = "I99-K1");

        var error = await Assert.ThrowsAsync<SeedDataException>(() => LoadAsync(samples: true));

        Assert.Equal("$.series[2].kpi", error.JsonPath);
        Assert.Contains("unknown KPI", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenSampleFileIsNotReadWhenSamplesAreOff()
    {
        File.WriteAllText(Path.Combine(_seed, SeedFiles.SampleFile), "{ not json");

        await LoadAsync(samples: false);

        Assert.Equal(1, await WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task BrokenFileOnALaterStartLeavesWhatUsersChangedAlone()
    {
        await LoadAsync(samples: false);
        await WithDbAsync(async db =>
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "I01-K1");
            kpi.Name = "利用者が変えた名前";
            return await db.SaveChangesAsync();
        });
        File.Copy(Path.Combine(_seed, SeedFiles.PlanFile), Path.Combine(_seed, "plans", "next-plan.json"));
        SeedFiles.Edit(_seed, "plans/next-plan.json", p =>
        {
            p["code"] = "goshogawara-dx-2026";
            SeedFiles.Kpi(p, 0, 0, 0)["kind"] = "unknown";
        });

        var error = await Assert.ThrowsAsync<SeedDataException>(() => LoadAsync(samples: true));

        Assert.Equal("seed-data/plans/next-plan.json", error.File);
        Assert.Equal(1, await WithDbAsync(db => db.Plans.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.Entries.CountAsync()));
        Assert.Equal("利用者が変えた名前", await WithDbAsync(db => db.Kpis.Where(k => k.Code == "I01-K1").Select(k => k.Name).SingleAsync()));
    }

    private async Task AssertDatabaseEmptyAsync()
    {
        Assert.Equal(0, await WithDbAsync(db => db.Plans.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.Departments.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.Kpis.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.Entries.CountAsync()));
    }

    private async Task LoadAsync(bool samples)
    {
        await using var db = NewDb();
        await db.Database.MigrateAsync();
        var loader = new SeedLoader(db,
            Microsoft.Extensions.Options.Options.Create(new SeedOptions { Folder = _seed, LoadSampleFigures = samples }),
            new TestEnvironment(_temp.Path),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SeedLoader>.Instance, TimeProvider.System);
        await loader.LoadAsync();
    }

    private async Task<T> WithDbAsync<T>(Func<DashboardDbContext, Task<T>> work)
    {
        await using var db = NewDb();
        await db.Database.MigrateAsync();
        return await work(db);
    }

    private SqliteDashboardDbContext NewDb() =>
        new(new DbContextOptionsBuilder<SqliteDashboardDbContext>().UseSqlite(_temp.ConnectionString).Options);
}
