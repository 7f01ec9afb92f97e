using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The plan outlives its period (issue 20, in part), in a real browser on a server of its own (extending the plan
/// moves the reporting quarter, which the other browser tests read): the planner extends the plan to 令和8年度 with a
/// reason and lowers a 令和7年度 target from a date; staff report 令和8年度 第1四半期 and the secretariat approves it;
/// the overview, the KPI page and the plan page show the revised target beside the original with the reason. Then the
/// planner creates the successor plan from the extended one, abolishes one KPI, merges two and continues one, sets a
/// target and starts it: the old plan is read-only with its 最終評価, and the continued KPI's page draws both plans.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanRevisionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ThePlannerExtendsThePlanRevisesATargetAndStartsTheSuccessorPlan()
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
        await BrowserFixture.ChooseAsync(planner, "[data-field='extend-to']", "令和8年度");
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

        // 5. The plan editor: a KPI's name changed in the plan in force, as a revision with its date and reason.
        await planner.GotoAsync("/plan");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-action='edit-kpi']").ClickAsync();
        var editor = planner.Locator("[data-form='kpi-editor']");
        await BrowserFixture.ChooseAsync(planner, "[data-field='editor-kpi']", "I01-K2");
        await Assertions.Expect(editor.Locator("input[name='kpi-name']")).ToHaveValueAsync("「書かない窓口」の拡大（窓口の申請等のオンライン化）");
        await editor.Locator("input[name='kpi-name']").FillAsync("「書かない窓口」の拡大（窓口申請のオンライン化）");
        await editor.Locator("[data-action='save-kpi-editor']").ClickAsync();
        await Assertions.Expect(editor.Locator("#editor-revision-reason-error")).ToContainTextAsync("入力してください");
        await editor.Locator("input[name='editor-revision-date']").FillAsync("2026-12-05");
        await editor.Locator("textarea[name='editor-revision-reason']").FillAsync("窓口の呼び方を統一するため");
        await ShotAsync(planner, "kpi-editor");
        await editor.Locator("[data-action='save-kpi-editor']").ClickAsync();
        await BrowserFixture.WaitForFocusAsync(planner, "[data-editor-saved]");
        await Assertions.Expect(planner.Locator("[data-revisions] li[data-edition='4']")).ToContainTextAsync("指標 I01-K2 の名称を変更");
        await Assertions.Expect(planner.Locator("tr[data-kpi='I01-K2']")).ToContainTextAsync("窓口申請のオンライン化");
        await planner.Locator("[data-revisions] a[data-edition-link='3']").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-edition-page='3']")).ToContainTextAsync("第3版");
        await Assertions.Expect(planner.Locator("tr[data-kpi='I01-K2']")).ToContainTextAsync("窓口の申請等のオンライン化"); // as that version said
        await ShotAsync(planner, "edition-3");

        // 5b. Regrouping in the plan in force: a new initiative in policy 1 (第5版), and I01-K2 moved into it (第6版).
        await planner.GotoAsync("/plan");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-action='add-heading']").ClickAsync();
        await BrowserFixture.ChooseAsync(planner, "[data-field='add-heading-where']", "基本方針1に施策を追加");
        await editor.Locator("input[name='heading-title']").FillAsync("窓口のデジタル化");
        await editor.Locator("input[name='editor-revision-date']").FillAsync("2026-12-05");
        await editor.Locator("textarea[name='editor-revision-reason']").FillAsync("窓口の取組を一つの施策にまとめるため");
        await editor.Locator("[data-action='save-kpi-editor']").ClickAsync();
        await BrowserFixture.WaitForFocusAsync(planner, "[data-editor-saved]");
        await Assertions.Expect(planner.Locator("[data-revisions] li[data-edition='5']")).ToContainTextAsync("取組施策12を基本方針1に追加");
        await Assertions.Expect(planner.Locator("[data-initiative='12'] [data-no-kpis]")).ToBeVisibleAsync();
        await planner.Locator("[data-action='edit-kpi']").ClickAsync();
        await BrowserFixture.ChooseAsync(planner, "[data-field='editor-kpi']", "I01-K2");
        await BrowserFixture.ChooseAsync(planner, "[data-field='initiative']", "取組施策12");
        await editor.Locator("input[name='editor-revision-date']").FillAsync("2026-12-05");
        await editor.Locator("textarea[name='editor-revision-reason']").FillAsync("窓口の取組を一つの施策にまとめるため");
        await editor.Locator("[data-action='save-kpi-editor']").ClickAsync();
        await BrowserFixture.WaitForFocusAsync(planner, "[data-editor-saved]");
        await Assertions.Expect(planner.Locator("[data-revisions] li[data-edition='6']")).ToContainTextAsync("指標 I01-K2 を取組施策12に移動");
        await Assertions.Expect(planner.Locator("[data-initiative='12'] tr[data-kpi='I01-K2']")).ToBeVisibleAsync();
        await Assertions.Expect(planner.Locator("[data-initiative='1'] tr[data-kpi='I01-K2']")).ToHaveCountAsync(0);
        await ShotAsync(planner, "regrouped");

        // 6. 「次期計画を作成」 from the extended plan: a draft that starts after it (令和9年度).
        await planner.GotoAsync("/plan");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-action='create-successor']").ClickAsync();
        var successor = planner.Locator("[data-form='successor']");
        await successor.Locator("input[name='successor-code']").FillAsync("goshogawara-dx-2027");
        await successor.Locator("input[name='successor-name']").FillAsync("第2期五所川原市DX推進計画");
        await successor.Locator("[data-action='save-successor']").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(planner, url => url.EndsWith("/plan/goshogawara-dx-2027", StringComparison.Ordinal));
        await Assertions.Expect(planner.Locator("[data-draft-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(planner.Locator("[data-plan-status='Draft']")).ToBeVisibleAsync();
        await ShotAsync(planner, "successor-draft");

        // 7. The milestones reached in the old plan start as 完了 and are not in the draft. One KPI abolished, two
        // merged, one continued; a target for the new plan's first year.
        await Assertions.Expect(planner.Locator("tr[data-succession='I02-K3']")).ToHaveAttributeAsync("data-disposition", "Completed");
        await Assertions.Expect(planner.Locator("tr[data-succession='I02-K4']")).ToHaveAttributeAsync("data-disposition", "Continued");
        Assert.Equal(0, await planner.Locator("tr[data-succession] option[value='I02-K3']").CountAsync());
        await DecideAsync(planner, "I11-K2", "Abolished");
        await DecideAsync(planner, "I02-K4", "Merged", "I02-K5");
        await DecideAsync(planner, "I01-K1", "Continued");
        await Assertions.Expect(planner.Locator("tr[data-kpi='I11-K2']")).ToHaveCountAsync(0);
        await Assertions.Expect(planner.Locator("tr[data-kpi='I02-K4']")).ToHaveCountAsync(0);
        await planner.Locator("input[name='target-I01-K1-2027']").FillAsync("230");
        await planner.Locator("input[name='target-I01-K1-2027']").PressAsync("Tab");
        await planner.Locator("[data-action='save-draft-targets']").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-draft-status]")).ToContainTextAsync("1件保存しました");
        await Assertions.Expect(planner.Locator("[data-draft-targets] tr[data-kpi='I01-K1'] input[name='target-I01-K1-2027']")).ToHaveValueAsync("230");

        // 8. Started: it becomes the current plan; the old one has ended, read-only, with its 最終評価.
        await planner.Locator("[data-action='start-plan']").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-start-confirm]")).ToContainTextAsync("終了して読み取り専用");
        await planner.Locator("[data-action='confirm-start']").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-plan-status='Active']")).ToBeVisibleAsync();
        await Assertions.Expect(planner.Locator("[data-revisions] li[data-edition='1']")).ToContainTextAsync("策定");
        await planner.Locator("[data-plan-chooser] a[data-plan='goshogawara-dx-2022']").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-plan-status='Ended']")).ToBeVisibleAsync();
        await Assertions.Expect(planner.Locator("[data-plan-finished]")).ToContainTextAsync("読み取り専用");
        Assert.Equal(0, await planner.Locator("[data-action='revise-plan']").CountAsync());
        await ShotAsync(planner, "old-plan-ended");
        await planner.Locator("[data-plan-finished] a[data-final-evaluation]").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-quarter-label]")).ToContainTextAsync("令和8年度 第4四半期");
        await Assertions.Expect(planner.Locator("[data-quarter-label] [data-final-evaluation]")).ToBeVisibleAsync();

        await staff.GotoAsync("/entries/I01-K1/2026/2"); // nothing entered yet, but the plan has ended
        await BrowserFixture.WaitForInteractiveAsync(staff);
        await Assertions.Expect(staff.Locator("[data-form='entry'] input[name='value']")).ToHaveAttributeAsync("readonly", "");
        Assert.Equal(0, await staff.Locator("[data-form='entry'] [data-action='submit']").CountAsync());
        await Assertions.Expect(staff.Locator("[data-read-only-reason]")).ToContainTextAsync("計画は終了しています");

        // 8b. The ended plan's pack (its 最終評価) is still one choice away on the export page.
        await planner.GotoAsync("/exports");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-plan-chooser] a[data-plan='goshogawara-dx-2022']").ClickAsync();
        await Assertions.Expect(planner.Locator("[data-plan-chooser] a[data-plan='goshogawara-dx-2022'][aria-current='page']")).ToBeVisibleAsync();
        await BrowserFixture.ChooseAsync(planner, "[data-picker='quarter']", "令和8年度 第4四半期");
        var pack = await planner.RunAndWaitForDownloadAsync(() => planner.Locator("[data-action='export-pack']").ClickAsync());
        Assert.Equal("DX推進計画_令和8年度第4四半期_PDCA資料.xlsx", pack.SuggestedFilename);

        // The pack's 評価シート shows the revised 令和7年度 target beside the original, with the date and the reason.
        await BrowserFixture.ChooseAsync(planner, "[data-picker='quarter']", "令和7年度 第4四半期");
        var fy2025 = await planner.RunAndWaitForDownloadAsync(() => planner.Locator("[data-action='export-pack']").ClickAsync());
        var packPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await fy2025.SaveAsAsync(packPath);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(packPath))
        {
            var sheet = workbook.Worksheets.Single(w => w.Cell(1, 1).GetString().StartsWith("評価シート　取組施策1 ", StringComparison.Ordinal));
            Assert.Contains(sheet.CellsUsed().Select(c => c.GetString()),
                t => t.Contains("当初目標 200手続 → 見直し後目標 185手続（目標設定日 2025/10/01、見直し理由: 国の方針で対象手続が減ったため）", StringComparison.Ordinal));
        }

        File.Delete(packPath);

        // 9. The continued KPI's page in the new plan draws the old plan's figures with the boundary marked.
        await planner.GotoAsync("/dashboard/kpis/I01-K1?fy=2027&q=1");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        var lineage = planner.Locator("[data-lineage]");
        await Assertions.Expect(lineage.Locator("[data-lineage-previous='I01-K1']")).ToContainTextAsync("継続");
        await lineage.Locator("[data-earlier-figures-disclosure] summary").ClickAsync();
        await Assertions.Expect(lineage.Locator("[data-earlier-figures] tr[data-quarter='2026-1']")).ToBeVisibleAsync();
        await Assertions.Expect(lineage.Locator("[data-earlier-figures] tr[data-quarter='2026-1']")).ToContainTextAsync("192手続");
        await Assertions.Expect(planner.Locator(".apexcharts-xaxis-annotations text", new() { HasText = "計画の切替" })).ToHaveCountAsync(1);
        Assert.True(await planner.Locator(".apexcharts-bar-area").CountAsync() > 4);
        await ShotAsync(planner, "continued-kpi");
        await planner.GotoAsync("/dashboard/kpis/I11-K2?fy=2026&q=4");
        await Assertions.Expect(planner.Locator("[data-lineage-next]")).ToContainTextAsync("廃止");

        await DarkShotsAsync(planner, "/plan/goshogawara-dx-2027", "/plan/goshogawara-dx-2022", "/dashboard/kpis/I01-K1?fy=2027&q=1", "/plan/goshogawara-dx-2022/editions/3");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(staffErrors.Count == 0, string.Join("\n", staffErrors));
    }

    /// <summary>Sets a previous KPI's disposition in the draft's table and saves the row, as a person does.</summary>
    private static async Task DecideAsync(IPage page, string kpi, string disposition, string? into = null)
    {
        var row = page.Locator($"tr[data-succession='{kpi}']");
        await row.Locator("select[data-field='disposition']").SelectOptionAsync(disposition);
        if (into is not null)
        {
            await Assertions.Expect(row.Locator("select[data-field='merge-into']")).ToBeEnabledAsync();
            await row.Locator("select[data-field='merge-into']").SelectOptionAsync(into);
        }

        await row.Locator("[data-action='save-disposition']").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-succession='{kpi}']")).ToHaveAttributeAsync("data-disposition", disposition);
    }

    /// <summary>A screenshot for a person to look at, when E2E_SHOTS names a folder (never in CI).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("E2E_SHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        var size = page.ViewportSize;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        foreach (var (label, width, height) in new[] { ("phone", 390, 844), ("tablet", 1024, 768) })
        {
            await page.SetViewportSizeAsync(width, height);

            // Charts follow a resize when their observer fires: give the page a moment to fit, and name the shot when it does not.
            var fits = true;
            try
            {
                await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = 3000 });
            }
            catch (TimeoutException)
            {
                fits = false;
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{label}{(fits ? "" : "-OVERFLOW")}.png"), FullPage = true });
        }

        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    /// <summary>The pages this test made, in the dark theme, for a person to look at (E2E_SHOTS only).</summary>
    private static async Task DarkShotsAsync(IPage page, params string[] urls)
    {
        if (Environment.GetEnvironmentVariable("E2E_SHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        foreach (var url in urls)
        {
            await page.GotoAsync($"/preferences/theme?mode=dark&returnUrl={Uri.EscapeDataString(url)}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"dark-{url.Split('?')[0].Replace('/', '_')}.png"), FullPage = true });
        }

        await page.GotoAsync("/preferences/theme?mode=light&returnUrl=%2F");
    }

    private static async Task ReviseTargetAsync(IPage page, string kpi, string year, string value, string from, string reason)
    {
        await page.Locator("[data-action='revise-target']").ClickAsync();
        var form = page.Locator("[data-form='target']");
        await BrowserFixture.ChooseAsync(page, "[data-field='kpi']", kpi);
        await BrowserFixture.ChooseAsync(page, "[data-field='target-year']", year);
        await form.Locator("input[name='target-value']").FillAsync(value);
        await form.Locator("input[name='target-effective']").FillAsync(from);
        await form.Locator("textarea[name='target-reason']").FillAsync(reason);
        await form.Locator("[data-action='save-target']").ClickAsync();
        await BrowserFixture.WaitForFocusAsync(page, "[data-revision-saved]");
    }
}
