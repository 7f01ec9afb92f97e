using Dashboard.Shared.Problems;
using Dashboard.Client.Features.Plans;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

public sealed class PlanPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();

    public PlanPageTests()
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<PlanPage> Render(PlanDto? plan)
    {
        _ctx.Services.AddSingleton<IPlanService>(new FixedPlanService(plan));
        _ctx.AddAuthorization().SetAuthorized("suzuki@demo.local");
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        return _ctx.Render<PlanPage>();
    }

    [Fact]
    public void ShowsThePlanWithPoliciesInitiativesAndTargetsByFiscalYear()
    {
        var page = Render(SamplePlans.Plan(withSamples: false));

        Assert.Equal("五所川原市DX推進計画（テスト）", page.Find("h1").TextContent.Trim());
        Assert.Equal(["基本方針1 利用者にとって便利な行政サービスの実現（市民の利便性の向上）"], page.FindAll("h2").Select(h => Squash(h.TextContent)));
        Assert.Equal(["取組施策1 行政手続のオンライン化", "取組施策2 民間サービスを活用した利便性向上"], page.FindAll("h3").Select(h => Squash(h.TextContent)));
        var headers = page.FindAll("table thead th").Select(th => th.TextContent.Trim()).Distinct().ToList();
        Assert.Contains("令和4年度", headers);
        Assert.Contains("令和7年度", headers);

        var online = page.Find("tr[data-kpi='I01-K1']");
        var cells = online.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList();
        Assert.Equal(["累計", "61手続（2022年10月1日）", "100手続", "140手続", "170手続", "200手続"], cells.Take(6));
    }

    [Fact]
    public void MilestoneShowsItsDueYearNotANumber()
    {
        var page = Render(SamplePlans.Plan(withSamples: false));

        var cells = page.Find("tr[data-kpi='I02-K3']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["マイルストーン", "—", "", "", "期限", ""], cells.Take(6));
    }

    [Fact]
    public void LatestFiguresCarryTheRulesStatusAndTheSampleLabel()
    {
        var page = Render(SamplePlans.Plan(withSamples: true));

        var online = page.Find("tr[data-kpi='I01-K1']");
        Assert.Contains("188手続", online.TextContent, StringComparison.Ordinal);
        Assert.Contains("令和7年度 第3四半期", online.TextContent, StringComparison.Ordinal);
        Assert.Equal("OnTrack", online.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("順調", online.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("サンプル", online.TextContent, StringComparison.Ordinal);

        // FY2025 Q1, still in progress, due FY2024: overdue.
        var overdue = page.Find("tr[data-kpi='I02-K3']").QuerySelector("[data-status]")!;
        Assert.Equal(("Overdue", "期限超過"), (overdue.GetAttribute("data-status"), overdue.TextContent.Trim()));

        Assert.Contains("デモ用の架空の数値", page.Find("[role='alert'], .mud-alert").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutFiguresSaysNothingReportedAndNoSampleNotice()
    {
        var page = Render(SamplePlans.Plan(withSamples: false));

        Assert.Contains("報告なし", page.Find("tr[data-kpi='I01-K1']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("デモ用の架空の数値", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCurrentPlanSaysWhatToDo()
    {
        var page = Render(null);

        Assert.Contains("現行の計画がまだ読み込まれていません", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("table"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" （", "（", StringComparison.Ordinal);

    private sealed class FixedPlanService(PlanDto? plan) : PlanServiceDouble
    {
        public override Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default) => Task.FromResult(plan);
    }
}
