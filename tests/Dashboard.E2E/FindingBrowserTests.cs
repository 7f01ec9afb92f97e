using ClosedXML.Excel;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Issue 24, acceptance 2, in Chromium: the planner records a 推進本部 meeting with two findings for two departments;
/// 企画課 answers 対応済 from its entry list, 会計課 対応中; the planner confirms 企画課's 完了; the next quarter's pack
/// lists both in 「前回の指摘と対応」 with their state, read back from the workbook. Only this test records meetings.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FindingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ThePlannerRecordsTwoFindingsEachDepartmentAnswersOneIsConfirmedAndTheNextPackListsBoth()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (toKikaku, toKaikei) = ($"オンライン手続の利用が伸びない理由を分析すること（{tag}）", $"窓口キャッシュレス決済の利用状況を月別に示すこと（{tag}）");

        // 1. 高橋 (事務局) records the meeting that reviewed 令和7年度 第2四半期, one finding per department.
        var (planner, plannerErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/findings");
        var form = planner.Locator("[data-form='meeting']");
        await form.Locator("input[name='title']").FillAsync($"第2回 DX推進本部会議（{tag}）");
        await form.Locator("input[name='heldOn']").FillAsync("2025-11-20");
        await BrowserFixture.ChooseAsync(planner, "[data-form='meeting'] [data-field='quarter']", "令和7年度 第2四半期");
        await FillFindingAsync(planner, 0, "行政手続のオンライン化", "企画課", "2025-12-19", toKikaku, kpi: "I01-K1");
        await form.Locator("[data-action='add-finding']").ClickAsync();
        await FillFindingAsync(planner, 1, "民間サービスを活用した利便性向上", "会計課", "2026-01-30", toKaikei);
        await form.Locator("[data-action='record-meeting']").ClickAsync();
        var kikakuFinding = planner.Locator("article[data-finding]", new() { HasText = toKikaku });
        var kaikeiFinding = planner.Locator("article[data-finding]", new() { HasText = toKaikei });
        await Assertions.Expect(kikakuFinding).ToHaveAttributeAsync("data-state", "NotStarted");
        await Assertions.Expect(kaikeiFinding).ToHaveAttributeAsync("data-state", "NotStarted");
        await Assertions.Expect(kikakuFinding.Locator("[data-department]")).ToHaveTextAsync("企画課（DX推進担当）");
        await Assertions.Expect(form.Locator("textarea[name='request-0']")).ToHaveValueAsync(""); // the form is cleared for the next meeting

        // 2. 田中 (企画課) finds it on his entry list, opens it and reports it done.
        var (tanaka, tanakaErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(tanaka, DemoUsers.StaffKikaku, "/entries");
        var listed = tanaka.Locator("[data-open-findings-list] li", new() { HasText = toKikaku[..20] });
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        Assert.Equal(0, await tanaka.Locator("[data-open-findings-list] li", new() { HasText = toKaikei[..20] }).CountAsync());
        await listed.Locator("a").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(tanaka, url => url.Contains("/findings#finding-", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(tanaka);
        await RespondAsync(tanaka, toKikaku, "Addressed", "利用者アンケートで理由を分析し、結果を第3四半期の報告に添付した。");

        // 3. 佐藤 (会計課) reports his in progress.
        var (sato, satoErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(sato, DemoUsers.StaffKaikei, "/findings");
        Assert.Equal(0, await sato.Locator("article[data-finding]", new() { HasText = toKikaku }).CountAsync()); // another department's
        await RespondAsync(sato, toKaikei, "InProgress", "10月分から月別の集計を始めた。");

        // 4. 高橋 confirms 企画課's 完了; 会計課's, still 対応中, offers no confirmation.
        await planner.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await Assertions.Expect(kikakuFinding).ToHaveAttributeAsync("data-state", "Addressed");
        Assert.Equal(0, await kaikeiFinding.Locator("[data-action='confirm']").CountAsync());
        await kikakuFinding.Locator("[data-action='confirm']").ClickAsync();
        await Assertions.Expect(kikakuFinding).ToHaveAttributeAsync("data-state", "Completed");
        await Assertions.Expect(kikakuFinding).ToContainTextAsync("高橋 美咲");

        // 5. The next quarter's pack lists both, with their state and what was done.
        var pack = await planner.APIRequest.GetAsync("/api/exports/pack?fy=2025&q=3");
        Assert.True(pack.Ok, pack.StatusText);
        using var workbook = new XLWorkbook(new MemoryStream(await pack.BodyAsync()));
        var kikaku = Row(workbook, "施策01", toKikaku);
        Assert.Equal(("完了", "利用者アンケートで理由を分析し、結果を第3四半期の報告に添付した。"), (kikaku[5], kikaku[6]));
        Assert.Contains("企画課（DX推進担当）", kikaku[3], StringComparison.Ordinal);
        var kaikei = Row(workbook, "施策02", toKaikei);
        Assert.Equal(("対応中", "10月分から月別の集計を始めた。"), (kaikei[5], kaikei[6]));
        Assert.Contains("会計課", kaikei[3], StringComparison.Ordinal);

        Assert.True(plannerErrors.Count == 0 && tanakaErrors.Count == 0 && satoErrors.Count == 0,
            string.Join("\n", plannerErrors.Concat(tanakaErrors).Concat(satoErrors)));
    }

    private static async Task FillFindingAsync(IPage page, int index, string initiative, string department, string due, string request, string? kpi = null)
    {
        var row = $"[data-form='meeting'] [data-finding-row='{index}']";
        await BrowserFixture.ChooseAsync(page, $"{row} [data-field='initiative']", initiative);
        if (kpi is not null)
        {
            await BrowserFixture.ChooseAsync(page, $"{row} [data-field='kpi']", kpi);
        }

        await BrowserFixture.ChooseAsync(page, $"{row} [data-field='department']", department);
        await page.Locator($"{row} input[name='due-{index}']").FillAsync(due);
        await page.Locator($"{row} textarea[name='request-{index}']").FillAsync(request);
    }

    private static async Task RespondAsync(IPage page, string request, string state, string response)
    {
        var finding = page.Locator("article[data-finding]", new() { HasText = request });
        var label = state switch { "Addressed" => "対応済", "InProgress" => "対応中", _ => "未着手" };
        await finding.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync();
        await finding.Locator("textarea[name='response']").FillAsync(response);
        await finding.Locator("[data-action='respond']").ClickAsync();
        await Assertions.Expect(finding).ToHaveAttributeAsync("data-state", state);
        await Assertions.Expect(finding.Locator("[data-response]")).ToHaveTextAsync(response);
    }

    /// <summary>The texts (columns 1-10 as 0-9) of the 評価シート row whose first cell holds <paramref name="request"/>.</summary>
    private static string[] Row(XLWorkbook workbook, string sheetPrefix, string request)
    {
        var sheet = workbook.Worksheets.Single(s => s.Name.StartsWith(sheetPrefix, StringComparison.Ordinal));
        var cell = sheet.CellsUsed().Single(c => c.Address.ColumnNumber == 1 && c.GetString().Contains(request, StringComparison.Ordinal));
        return Enumerable.Range(1, 10).Select(c => cell.WorksheetRow().Cell(c).GetString()).ToArray();
    }
}
