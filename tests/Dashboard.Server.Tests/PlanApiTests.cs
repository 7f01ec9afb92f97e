using Dashboard.Shared.Problems;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Tests;

public sealed class PlanApiTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CurrentPlanComesWithTargetsOwnersAndLatestSampleFigures()
    {
        await using var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData, samples: true);

        var client = await app.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var plan = await client.GetFromJsonAsync<PlanDto>("/api/plans/current");

        Assert.NotNull(plan);
        Assert.True(File.Exists(_temp.DatabaseFile), "the app must use the test's own SQLite file");
        Assert.Equal([2022, 2023, 2024, 2025], plan.FiscalYears);
        Assert.Equal(StatusThresholds.Default, plan.Thresholds);
        Assert.Equal(11, plan.Policies.Sum(p => p.Initiatives.Count));
        var online = plan.Policies[0].Initiatives[0].Kpis[0];
        Assert.Equal(("I01-K1", KpiKind.Cumulative, "手続"), (online.Code, online.Kind, online.Unit));
        Assert.Equal([100m, 140m, 170m, 200m], online.Targets.Select(t => t.Value));
        Assert.NotEmpty(online.Owners);
        // The sample series stops at FY2025 Q2 and one entry adds Q3 with notes: Q4 stays unreported.
        Assert.Equal(new LatestFigureDto(2025, 3, 188m, null, true, KpiStatus.OnTrack), online.Latest);
        var milestone = plan.Policies[0].Initiatives[1].Kpis.Single(k => k.Code == "I02-K2");
        Assert.Equal(MilestoneState.Done, milestone.Latest?.Milestone);
    }

    [Fact]
    public async Task WithoutSamplesNoFigureIsShown()
    {
        await using var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData);

        var client = await app.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var plan = await client.GetFromJsonAsync<PlanDto>("/api/plans/current");

        Assert.All(plan!.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis), k => Assert.Null(k.Latest));
    }

    [Fact]
    public async Task NoPlanLoadedIsA404WithAMessageInJapanese()
    {
        var seed = _temp.CopyOfSeedData();
        Directory.Delete(Path.Combine(seed, "plans"), recursive: true);
        await using var app = new DashboardFactory(_temp.ConnectionString, seed);

        var client = await app.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var response = await client.GetAsync("/api/plans/current");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(ProblemTypes.NotFound, problem?.Type);
        Assert.StartsWith("現行の計画がありません", problem?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPageIsPrerenderedInJapaneseWithEveryInitiative()
    {
        await using var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData, samples: true);

        var client = await app.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ja\" data-theme=\"light\">", html, StringComparison.Ordinal);
        Assert.Contains("五所川原市デジタル・トランスフォーメーション（DX）推進計画", html, StringComparison.Ordinal);
        for (var i = 1; i <= 11; i++)
        {
            Assert.Contains($"id=\"initiative-{i}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("令和7年度", html, StringComparison.Ordinal);
        Assert.Contains("200手続", html, StringComparison.Ordinal);
        Assert.Contains("20,000人", html, StringComparison.Ordinal);
        Assert.Contains("サンプル", html, StringComparison.Ordinal);
    }
}
