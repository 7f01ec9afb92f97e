using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    private const string Detail = "/dashboard/kpis/I01-K1?fy=2025&q=2";

    [Fact]
    public async Task OverviewListsElevenInitiativesWithEveryKpi()
    {
        var (page, errors) = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard", interactive: false);

        Assert.Equal(11, await page.Locator("section[data-initiative]").CountAsync());
        Assert.Equal(3, await page.Locator("section[data-policy]").CountAsync());
        Assert.Equal(28, await page.Locator("tr[data-kpi]").CountAsync());
        Assert.Equal("28 指標", (await page.Locator("[data-count='total']").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("tr.missing").CountAsync() > 0, "FY2025 Q4 has KPIs without a report, shown as missing");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ChoosingAnotherYearAndQuarterChangesTheFigures()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard?fy=2025&q=2", interactive: false);
        var online = page.Locator("tr[data-kpi='I01-K1'] [data-cell='latest']");
        Assert.StartsWith("180手続", (await online.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("2025", await page.Locator("[data-picker='fiscal-year']").InputValueAsync());

        await page.Locator("[data-picker='fiscal-year']").SelectOptionAsync(new SelectOptionValue { Label = "令和5年度" });
        await page.Locator("[data-picker='quarter']").SelectOptionAsync(new SelectOptionValue { Label = "第4四半期" });
        await page.Locator("[data-action='show']").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("fy=2023", StringComparison.Ordinal) && url.Contains("q=4", StringComparison.Ordinal));

        await Assertions.Expect(online).ToContainTextAsync("137手続");
        await Assertions.Expect(page.Locator("[data-quarter-label]")).ToContainTextAsync("令和5年度 第4四半期末時点");
        Assert.Equal("140手続", (await page.Locator("tr[data-kpi='I01-K1'] [data-cell='target']").InnerTextAsync()).Trim());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task OnTheServerRenderedOverviewTheThemeAndLanguageSwitchesWorkWithoutWebAssembly()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard?fy=2025&q=2", interactive: false);

        await page.Locator("[data-action='toggle-theme']").ClickAsync();
        await page.WaitForSelectorAsync("html[data-theme='dark']");
        await page.Locator("[data-action='switch-language']").ClickAsync();
        await page.WaitForSelectorAsync("html[lang='en']");

        Assert.Contains("fy=2025", page.Url, StringComparison.Ordinal);
        Assert.Equal("Overview", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("On track", (await page.Locator("tr[data-kpi='I01-K1'] [data-status]").InnerTextAsync()).Trim());
        Assert.Equal("false", await page.Locator("[data-interactive]").GetAttributeAsync("data-interactive"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task KpiDetailDrawsAnApexChartWhoseColumnsAreTheApiFigures()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, Detail);

        var api = await page.APIRequest.GetAsync("/api/dashboard/kpis/I01-K1?fy=2025&q=2");
        using var json = JsonDocument.Parse(await api.TextAsync());
        var expected = json.RootElement.GetProperty("quarters").EnumerateArray()
            .Select(q => q.GetProperty("figure").GetProperty("value").GetDecimal()).ToList();

        await page.Locator("svg.apexcharts-svg").WaitForAsync();
        var bars = await page.Locator("path.apexcharts-bar-area").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('val'))");
        Assert.Equal(expected, bars.Where(v => !string.IsNullOrEmpty(v) && v != "null").Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        var legend = await page.Locator(".apexcharts-legend-text").AllInnerTextsAsync();
        Assert.Equal(["実績（承認済）", "期待値（目標経路）", "年度目標", "予測"], legend.Select(l => l.Trim()));
        Assert.True(await page.Locator(".apexcharts-toolbar .apexcharts-menu-icon").CountAsync() == 1, "the download menu is kept");
        Assert.Contains("令和7年度 第4四半期", await page.Locator("[data-summary] [data-cell='forecast']").InnerTextAsync() + await page.Locator("figcaption").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task DarkThemeRedrawsTheSameChartInstanceAndEnglishSwitchesTheWholePage()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, Detail);
        var canvas = page.Locator(".apexcharts-canvas");
        await canvas.WaitForAsync();
        var id = await canvas.GetAttributeAsync("id");

        await page.Locator("[data-action='toggle-theme']").ClickAsync();

        await Assertions.Expect(canvas).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("apexcharts-theme-dark"));
        Assert.Equal(id, await canvas.GetAttributeAsync("id"));

        await page.Locator("[data-action='switch-language']").ClickAsync();
        await page.WaitForSelectorAsync("html[lang='en']");
        await BrowserFixture.WaitForInteractiveAsync(page);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        await Assertions.Expect(page.Locator(".apexcharts-legend-text").First).ToHaveTextAsync("Actual (approved)");
        Assert.Contains("Achievement", await page.Locator("[data-summary]").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("[data-action='switch-language']").ClickAsync();
        await page.WaitForSelectorAsync("html[lang='ja']");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ChoosingAnotherQuarterOnTheDetailUpdatesTheSameChart()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, Detail);
        var canvas = page.Locator(".apexcharts-canvas");
        await canvas.WaitForAsync();
        var id = await canvas.GetAttributeAsync("id");

        await page.Locator("[data-picker='quarter']").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("令和6年度 第2四半期", new() { Exact = true }).ClickAsync();
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("fy=2024", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("tr[data-quarter]")).ToHaveCountAsync(8);  // FY2022 Q3 - FY2024 Q2
        await Assertions.Expect(page.Locator("path.apexcharts-bar-area[val]:not([val='null']):not([val=''])")).ToHaveCountAsync(8);
        Assert.Equal(id, await canvas.GetAttributeAsync("id"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task TheDetailIsPrerenderedWithItsDataAndWebAssemblyDoesNotFetchItAgain()
    {
        var (page, errors) = await browser.NewPageAsync();
        var calls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/dashboard/", StringComparison.Ordinal))
            {
                calls.Add(request.Url);
            }
        };

        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, Detail);
        await page.Locator("svg.apexcharts-svg").WaitForAsync();

        Assert.Empty(calls);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task HeatmapCellOpensTheKpiDetailAtThatQuarter()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard/heatmap", interactive: false);
        Assert.Equal(11, await page.Locator("tr.initiative-row").CountAsync());

        await page.Locator("tr[data-kpi='I01-K1'] td").Nth(4).Locator("a").ClickAsync();

        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/dashboard/kpis/I01-K1?fy=2023&q=3", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("オンライン化した行政手続の数");
        Assert.Equal(5, await page.Locator("tr[data-quarter]").CountAsync());  // FY2022 Q3 - FY2023 Q3
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task SectionStaffSeeTheirDepartmentsKpisAndWhatIsDue()
    {
        var (page, errors) = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKaikei, "/dashboard/departments?fy=2025&q=4");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("課別の状況：会計課");
        var rows = await page.Locator("tr[data-kpi]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kpi)");
        Assert.NotEmpty(rows);
        Assert.Contains("I02-K5", rows);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData(Detail)]
    [InlineData("/dashboard/heatmap")]
    public async Task DashboardsHaveNoSeriousAccessibilityViolations(string url)
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, url, interactive: url == Detail);
        if (url == Detail)
        {
            await page.Locator("svg.apexcharts-svg").WaitForAsync();
        }

        var serious = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
