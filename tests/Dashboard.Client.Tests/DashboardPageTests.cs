using System.Text.Json;
using Dashboard.Client.Charts;
using Dashboard.Client.Features.Dashboards;
using Dashboard.Client.Layout;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Kpis;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

public sealed class DashboardPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();

    public DashboardPageTests()
    {
        _ctx.Services.AddSingleton(new UiPreferences());
        _ctx.Services.AddSingleton<Dashboard.Shared.Threads.IThreadService>(new NoThreads());
        _ctx.Services.AddSingleton<Dashboard.Shared.Findings.IFindingService>(new FixedFindings(
            FixedFindings.Open(7, "kaikei", "会計課", "窓口のキャッシュレス決済の利用状況を月別に示すこと。", new DateOnly(2026, 1, 25), Dashboard.Shared.Findings.FindingState.InProgress),
            FixedFindings.Open(8, "kikaku", "企画課", "ほかの課への指摘", new DateOnly(2026, 3, 1))));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        UiCulture.Use("ja-JP");
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private IRenderedComponent<OverviewPage> RenderOverview(FixedDashboardService service, string query = "?fy=2025&q=2")
    {
        _ctx.Services.AddSingleton<IDashboardService>(service);
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboard" + query);
        return _ctx.Render<OverviewPage>();
    }

    [Fact]
    public void OverviewShowsEachKpisFigureExpectedValueTargetAchievementAndStatus()
    {
        var page = RenderOverview(new FixedDashboardService((fy, q) => SampleDashboards.Overview(fy ?? 2025, q ?? 4)));

        var online = page.Find("tr[data-kpi='I01-K1']");
        Assert.Equal("180手続サンプル", Squash(online.QuerySelector("[data-cell='latest']")!.TextContent));
        Assert.Equal("185手続", online.QuerySelector("[data-cell='expected']")!.TextContent.Trim());
        Assert.Equal("200手続", online.QuerySelector("[data-cell='target']")!.TextContent.Trim());
        Assert.Equal("85.6%", online.QuerySelector("[data-cell='achievement']")!.TextContent.Trim());  // (180-61)/(200-61)
        Assert.Equal("順調", online.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal(8, online.QuerySelector("svg.sparkline polyline")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Equal("令和7年度 第2四半期末時点", Squash(page.Find("[data-quarter-label]").TextContent).Split(" — ")[1]);
    }

    [Fact]
    public void MissingReportsAreHighlightedWithWhatIsPending()
    {
        var page = RenderOverview(new FixedDashboardService((fy, q) => SampleDashboards.Overview(fy ?? 2025, q ?? 4)));

        var cash = page.Find("tr[data-kpi='I02-K5']");
        Assert.Contains("missing", cash.ClassList);
        Assert.Equal("未報告（提出済・未承認）", Squash(cash.QuerySelector("[data-cell='status']")!.TextContent));
        Assert.DoesNotContain("missing", page.Find("tr[data-kpi='I01-K1']").ClassList);

        var milestone = page.Find("tr[data-kpi='I02-K2']");
        Assert.Equal("完了", milestone.QuerySelector("[data-cell='latest'] .figure-value")!.TextContent.Trim());
        Assert.Equal("令和5年度末まで", milestone.QuerySelector("[data-cell='expected']")!.TextContent.Trim());
        Assert.Equal("完了", milestone.QuerySelector("[data-status]")!.TextContent.Trim());
    }

    [Fact]
    public void CountsByStatusMatchTheRows()
    {
        var page = RenderOverview(new FixedDashboardService((fy, q) => SampleDashboards.Overview(fy ?? 2025, q ?? 4)));

        Assert.Equal("3 指標", Squash(page.Find("[data-count='total']").TextContent));
        Assert.Equal("1", page.Find("[data-count='OnTrack'] .count").TextContent);
        Assert.Equal("1", page.Find("[data-count='NotReported'] .count").TextContent);
        var overview = SampleDashboards.Overview(2025, 4);
        Assert.Equal($"（うち実績なし {DashboardRules.NeverReported(overview.Rows)}）", page.Find("[data-count='never-reported']").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-count='Completed'] .count").TextContent);
    }

    [Fact]
    public void DepartmentFilterKeepsOnlyThatDepartmentsKpisAndItsCounts()
    {
        var page = RenderOverview(new FixedDashboardService((fy, q) => SampleDashboards.Overview(fy ?? 2025, q ?? 4)), "?fy=2025&q=2&dept=kaikei");

        Assert.Equal(["I02-K5"], page.FindAll("tr[data-kpi]").Select(r => r.GetAttribute("data-kpi")));
        Assert.Equal("1 指標", Squash(page.Find("[data-count='total']").TextContent));
        Assert.Empty(page.FindAll("[data-initiative='1']"));
    }

    [Fact]
    public void AnotherQuarterIsFetchedOnceAndChangesTheFigures()
    {
        var service = new FixedDashboardService((fy, q) => SampleDashboards.Overview(fy ?? 2025, q ?? 4));
        var page = RenderOverview(service, "?fy=2023&q=4");

        var online = page.Find("tr[data-kpi='I01-K1']");
        Assert.Equal("137手続サンプル", Squash(online.QuerySelector("[data-cell='latest']")!.TextContent));
        Assert.Equal("140手続", online.QuerySelector("[data-cell='target']")!.TextContent.Trim());
        Assert.Equal(["overview 2023 4"], service.Calls);
    }

    [Fact]
    public void OverviewInEnglishUsesEnglishLabelsAndTheSameNumbers()
    {
        UiCulture.Use("en");
        var page = RenderOverview(new FixedDashboardService((fy, q) => SampleDashboards.Overview(fy ?? 2025, q ?? 4)));

        Assert.Equal("Overview", page.Find("h1").TextContent.Trim());
        var online = page.Find("tr[data-kpi='I01-K1']");
        Assert.Equal("On track", online.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("85.6%", online.QuerySelector("[data-cell='achievement']")!.TextContent.Trim());
        Assert.Contains("As of the end of FY2025 Q2", page.Find("[data-quarter-label]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Achievement", page.FindAll("th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void KpiDetailHandsTheChartSeriesEqualToTheEntriesAndTheTargetPath()
    {
        var detail = SampleDashboards.OnlineDetail(12);
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService(detail: detail));
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        var module = _ctx.JSInterop.SetupModule("./Charts/ApexChart.razor.js");

        var page = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, "I01-K1"));

        var chart = page.FindComponent<ApexChart>().Instance;
        var series = chart.Options.Series;
        Assert.Equal(14, series[0].Data.Count);  // every plan quarter FY2022 Q3 - FY2025 Q4
        Assert.Equal(SampleDashboards.OnlineSeries.Select(v => (decimal?)v).Concat([null, null]), series[0].Data.Select(p => p.Y));
        Assert.Equal(detail.ExpectedPath.Select(p => p.Value), series[1].Data.Select(p => p.Y));
        Assert.Equal([100m, 140m, 170m, 200m], series[2].Data.Where(p => p.Y is not null).Select(p => p.Y!.Value));
        Assert.Equal(Math.Round(detail.Forecast.ProjectedValue!.Value, 2), series[3].Data[^1].Y);
        Assert.Equal("令和4年度 第3四半期", series[0].Data[0].X);
        Assert.Equal(61m, chart.Options.Annotations!.Yaxis![0].Y);

        // What reached the browser is that JSON, once, with the Japanese locale and the download toolbar.
        var create = Assert.Single(module.Invocations, i => i.Identifier == "create");
        using var json = JsonDocument.Parse((string)create.Arguments[2]!);
        var root = json.RootElement;
        Assert.Equal(SampleDashboards.OnlineSeries, root.GetProperty("series")[0].GetProperty("data").EnumerateArray().Take(12).Select(p => p.GetProperty("y").GetDecimal()));
        Assert.Equal("ja", root.GetProperty("chart").GetProperty("defaultLocale").GetString());
        Assert.True(root.GetProperty("chart").GetProperty("toolbar").GetProperty("tools").GetProperty("download").GetBoolean());
        Assert.Equal("R4 Q3", root.GetProperty("xaxis").GetProperty("shortLabels")[0].GetString());
    }

    [Fact]
    public void KpiDetailShowsSummaryForecastAndNotesOfEachQuarter()
    {
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService(detail: SampleDashboards.OnlineDetail(12)));
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        _ctx.JSInterop.SetupModule("./Charts/ApexChart.razor.js");

        var page = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, "I01-K1"));

        Assert.Equal("オンライン化した行政手続の数", page.Find("h1").TextContent.Trim());
        Assert.Equal("85.6%", page.Find("[data-summary] [data-cell='achievement']").TextContent.Trim());
        Assert.Equal("順調", page.Find("[data-summary] [data-cell='status']").TextContent.Trim());
        Assert.Matches(@"^\d{3}(\.\d+)?手続最終目標に(届く|届かない)見込み$", Squash(page.Find("[data-summary] [data-cell='forecast']").TextContent));
        var latest = page.Find("tr[data-quarter='2025-2']");
        Assert.Contains("電子申請を3手続追加", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("目標経路をやや下回る", latest.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.FindAll("tr[data-quarter]").Count);
    }

    [Fact]
    public void AQuarterWithoutAReportShowsTheLastApprovedFigureWithItsQuarter()
    {
        // 令和7年度 Q3 chosen, nothing approved for it; Q2 has the last figure.
        var reported = SampleDashboards.OnlineDetail(12);
        var chosen = new KpiQuarterDto(2025, 3, null, reported.Quarters[^1].Expected, null, KpiStatus.NotReported, null, null, null, null);
        var detail = reported with { FiscalYear = 2025, Quarter = 3, Quarters = [.. reported.Quarters, chosen] };
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService(detail: detail));
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        _ctx.JSInterop.SetupModule("./Charts/ApexChart.razor.js");

        var page = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, "I01-K1"));

        var latest = Squash(page.Find("[data-summary] [data-cell='actual']").TextContent);
        var last = reported.Quarters[^1].Figure!;
        Assert.StartsWith($"{KpiFormat.Value(last.Value, "手続")}（令和7年度 第2四半期）", latest, StringComparison.Ordinal);
        Assert.Equal("未報告", page.Find("[data-summary] [data-cell='status']").TextContent.Trim());
    }

    [Fact]
    public void ForecastIsRefusedWithAReasonWhenTooFewQuartersAreReported()
    {
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService(detail: SampleDashboards.OnlineDetail(2)));
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        _ctx.JSInterop.SetupModule("./Charts/ApexChart.razor.js");

        var page = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, "I01-K1"));

        Assert.Equal("実績が3四半期分そろうまで予測しません", page.Find("[data-summary] [data-cell='forecast']").TextContent.Trim());
        Assert.Equal(3, page.FindComponent<ApexChart>().Instance.Options.Series.Count);  // no forecast line
    }

    [Fact]
    public void UnknownKpiSaysSoInJapanese()
    {
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService());
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));

        var page = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, "NOPE"));

        Assert.Contains("指標「NOPE」は現行の計画にないか", page.Find(".mud-alert").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentViewOpensOnTheSignedInPersonsDepartmentWithWhatIsDue()
    {
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("sato@demo.local");
        auth.SetClaims(new System.Security.Claims.Claim(Shared.Auth.DashboardClaims.Department, "kaikei"));
        var service = new FixedDashboardService(department: code => code == "kaikei" ? SampleDashboards.Kaikei2025Q2() : null);
        _ctx.Services.AddSingleton<IDashboardService>(service);
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));

        var page = _ctx.Render<DepartmentPage>();

        Assert.Equal(["department kaikei  "], service.Calls);
        Assert.Equal("課別の状況：会計課", page.Find("h1").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-due-count]").GetAttribute("data-due-count"));
        Assert.Contains("令和7年度 第2四半期の報告がない指標が 1 件あります。", page.Find("[data-due-count]").TextContent, StringComparison.Ordinal);
        var cash = page.Find("tr[data-kpi='I02-K5']");
        Assert.Contains("missing", cash.ClassList);
        Assert.Contains("令和7年度末までに 50", cash.TextContent, StringComparison.Ordinal);

        // The department's open findings, not another's, each linking to the finding, a late one marked.
        var findings = page.Find("[data-open-findings-list]");
        Assert.Contains("推進本部からの指摘事項（未完了 1 件）", findings.TextContent, StringComparison.Ordinal);
        Assert.Equal("/findings#finding-7", findings.QuerySelector("li[data-finding='7'] a")!.GetAttribute("href"));
        Assert.Contains("期限 2026年1月25日、対応中、期限超過", findings.TextContent, StringComparison.Ordinal);
        Assert.Null(findings.QuerySelector("li[data-finding='8']"));
    }

    [Fact]
    public void HeatmapCellsLinkToTheDetailAndNameTheirStatusInWords()
    {
        var heatmap = new HeatmapDto([new QuarterRef(2025, 1), new QuarterRef(2025, 2)],
        [
            new HeatmapInitiativeDto(1, 1, "行政手続のオンライン化", [Shared.Kpis.KpiStatus.Delayed, Shared.Kpis.KpiStatus.OnTrack],
            [
                new HeatmapKpiDto("I01-K1", "オンライン化した行政手続の数", [Shared.Kpis.KpiStatus.Delayed, Shared.Kpis.KpiStatus.OnTrack]),
            ]),
        ]);
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService(heatmap: heatmap));
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));

        var page = _ctx.Render<HeatmapPage>();

        var cell = page.Find("tr[data-kpi='I01-K1'] td[data-status='Delayed'] a");
        Assert.Equal("/dashboard/kpis/I01-K1?fy=2025&q=1", cell.GetAttribute("href"));
        Assert.Equal("オンライン化した行政手続の数 令和7年度 第1四半期: 遅延", cell.GetAttribute("aria-label"));
        Assert.Equal("×", cell.TextContent.Trim());
        Assert.Equal("/dashboard?fy=2025&q=2&policy=1#initiative-1", page.Find("tr[data-initiative='1'] td[data-status='OnTrack'] a").GetAttribute("href"));
    }

    [Fact]
    public void AHeatmapMarksARetiredKpisLaterQuartersWithoutAStatusAndOffersThePlans()
    {
        var heatmap = new HeatmapDto([new QuarterRef(2026, 1), new QuarterRef(2026, 2)],
        [
            new HeatmapInitiativeDto(1, 1, "行政手続のオンライン化", [Shared.Kpis.KpiStatus.OnTrack, Shared.Kpis.KpiStatus.OnTrack],
            [
                new HeatmapKpiDto("I01-K1", "オンライン化した行政手続の数", [Shared.Kpis.KpiStatus.OnTrack, Shared.Kpis.KpiStatus.OnTrack]),
                new HeatmapKpiDto("I01-K2", "「書かない窓口」の拡大", [Shared.Kpis.KpiStatus.OnTrack, Shared.Kpis.KpiStatus.NotReported], RetiredFrom: 1),
            ]),
        ], "dx-2026", "第2期", PlanSamples());
        _ctx.Services.AddSingleton<IDashboardService>(new FixedDashboardService(heatmap: heatmap));
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));

        var page = _ctx.Render<HeatmapPage>();

        Assert.Single(page.FindAll("tr[data-kpi='I01-K2'] td a"));
        var retired = page.Find("tr[data-kpi='I01-K2'] td[data-status='Retired']");
        Assert.Contains("廃止後", retired.TextContent, StringComparison.Ordinal);
        Assert.Equal("/dashboard/heatmap?fy=2025&q=4", page.Find("[data-plan-chooser] a[data-plan='goshogawara-dx-2022']").GetAttribute("href"));
        Assert.Equal("page", page.Find("[data-plan-chooser] a[data-plan='dx-2026']").GetAttribute("aria-current"));
    }

    private static List<Shared.Plans.PlanSummaryDto> PlanSamples() =>
    [
        new("goshogawara-dx-2022", "第1期", new DateOnly(2022, 10, 1), new DateOnly(2026, 3, 31), Shared.Plans.PlanStatus.Ended, false, null),
        new("dx-2026", "第2期", new DateOnly(2026, 4, 1), new DateOnly(2030, 3, 31), Shared.Plans.PlanStatus.Active, true, "goshogawara-dx-2022"),
    ];
}
