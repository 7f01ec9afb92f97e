using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The plan outlives its period (issue 20, in part), in a real browser on a server of its own (extending the plan
/// moves the reporting quarter, which the other browser tests read): the planner extends the plan to 令和8年度 with a
/// reason and lowers a 令和7年度 target from a date; staff report 令和8年度 第1四半期 and the secretariat approves it;
/// the overview, the KPI page and the plan page show the revised target beside the original with the reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanRevisionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ThePlannerExtendsThePlanAndRevisesATargetAndStaffReportTheNewYear()
    {
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            await RunAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private async Task RunAsync(ServerProcess server)
    {
        // 1. The planner records the 改訂 on the plan page.
        var (planner, errors) = await browser.NewPageAsync(server);
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/plan");
        await Assertions.Expect(planner.Locator("[data-plan-ended]")).ToContainTextAsync("令和7年度で終了");
        await planner.Locator("[data-action='revise-plan']").ClickAsync();
        var form = planner.Locator("[data-form='revision']");
        await form.Locator("input[name='revision-date']").FillAsync("2026-12-01");
        await form.Locator("input[name='revision-description']").FillAsync("計画期間を令和8年度まで延長");
        await form.Locator("textarea[name='revision-reason']").FillAsync("国の次期計画の方針が固まるまで現行計画で取り組むため");
        await ChooseAsync(planner, "[data-field='extend-to']", "令和8年度");
        await form.Locator("[data-action='save-revision']").ClickAsync();
        await BrowserFixture.WaitForFocusAsync(planner, "[data-revision-saved]");
        var edition = planner.Locator("[data-revisions] li[data-edition='3']");
        await Assertions.Expect(edition).ToContainTextAsync("第3版");
        await Assertions.Expect(edition).ToContainTextAsync("計画期間を令和8年度まで延長");
        await Assertions.Expect(edition).ToContainTextAsync("国の次期計画の方針が固まるまで");
        await Assertions.Expect(planner.Locator("tr[data-kpi='I01-K1'] td[data-year='2026']")).ToBeVisibleAsync();
        await Assertions.Expect(planner.Locator("[data-plan-ended]")).ToHaveCountAsync(0);

        // 2. A target revised from 2025-10-01 with its reason; a 令和8年度 target for the new year.
        await ReviseTargetAsync(planner, "I01-K1", "令和7年度", "185", "2025-10-01", "国の方針で対象手続が減ったため");
        await ReviseTargetAsync(planner, "I01-K1", "令和8年度", "210", "2026-12-01", "延長した年度の目標");
        var cell = planner.Locator("tr[data-kpi='I01-K1'] td[data-year='2025']");
        await Assertions.Expect(cell).ToContainTextAsync("185手続");
        await Assertions.Expect(cell.Locator("[data-original]")).ToContainTextAsync("当初 200手続");
        await Assertions.Expect(cell).ToContainTextAsync("国の方針で対象手続が減ったため");
        await Assertions.Expect(planner.Locator("tr[data-kpi='I01-K1'] td[data-year='2026']")).ToContainTextAsync("210手続");

        // 3. Staff report 令和8年度 第1四半期; the secretariat approves it.
        var (staff, staffErrors) = await browser.NewPageAsync(server);
        await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKikaku, "/entries/I01-K1/2026/1");
        var entry = staff.Locator("[data-form='entry']");
        await entry.Locator("input[name='value']").FillAsync("192");
        await entry.Locator("textarea[name='done']").FillAsync("子育て関係の手続を電子申請に追加した。");
        await entry.Locator("[data-action='submit']").ClickAsync();
        await entry.Locator("[data-action='withdraw']").WaitForAsync();

        await planner.GotoAsync("/review?fy=2026&q=1");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-submission='I01-K1'] [data-action='approve']").ClickAsync();
        await planner.Locator("[data-submission='I01-K1'] [data-state='Approved']").WaitForAsync();

        // 4. The overview and the KPI page show the revised target beside the original, with the reason.
        await planner.GotoAsync("/dashboard?fy=2025&q=3");
        var row = planner.Locator("tr[data-kpi='I01-K1']");
        await Assertions.Expect(row.Locator("[data-cell='target']")).ToContainTextAsync("185手続");
        await Assertions.Expect(row.Locator("[data-original]")).ToContainTextAsync("当初 200手続");
        await Assertions.Expect(row.Locator("[data-revision-reason]")).ToContainTextAsync("国の方針で対象手続が減ったため");
        Assert.Equal("Achieved", await row.GetAttributeAsync("data-status")); // 188 meets the revised 185

        await planner.GotoAsync("/dashboard?fy=2025&q=2");
        Assert.Equal(0, await planner.Locator("tr[data-kpi='I01-K1'] [data-original]").CountAsync()); // before the revision

        await planner.GotoAsync("/dashboard?fy=2026&q=1");
        await Assertions.Expect(planner.Locator("tr[data-kpi='I01-K1'] [data-cell='latest']")).ToContainTextAsync("192手続");

        await planner.GotoAsync("/dashboard/kpis/I01-K1?fy=2025&q=4");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        var summary = planner.Locator("[data-summary] [data-cell='target']");
        await Assertions.Expect(summary).ToContainTextAsync("185手続");
        await Assertions.Expect(summary.Locator("[data-original]")).ToContainTextAsync("当初 200手続");
        await Assertions.Expect(summary.Locator("[data-revision-reason]")).ToContainTextAsync("国の方針で対象手続が減ったため");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(staffErrors.Count == 0, string.Join("\n", staffErrors));
    }

    private static async Task ReviseTargetAsync(IPage page, string kpi, string year, string value, string from, string reason)
    {
        await page.Locator("[data-action='revise-target']").ClickAsync();
        var form = page.Locator("[data-form='target']");
        await ChooseAsync(page, "[data-field='kpi']", kpi);
        await ChooseAsync(page, "[data-field='target-year']", year);
        await form.Locator("input[name='target-value']").FillAsync(value);
        await form.Locator("input[name='target-effective']").FillAsync(from);
        await form.Locator("textarea[name='target-reason']").FillAsync(reason);
        await form.Locator("[data-action='save-target']").ClickAsync();
        await BrowserFixture.WaitForFocusAsync(page, "[data-revision-saved]");
    }

    /// <summary>Opens a MudSelect and picks the option that contains <paramref name="text"/>, as a person clicks it.</summary>
    private static async Task ChooseAsync(IPage page, string select, string text)
    {
        await page.Locator($"{select}").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
