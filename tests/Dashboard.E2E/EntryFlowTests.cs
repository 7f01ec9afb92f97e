using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>The reporting half of the PDCA cycle in a real browser: staff report, the secretariat approves, the plan shows it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EntryFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffSubmitsPlannerApprovesAndThePlanAndHistoryShowIt()
    {
        // 1. Section staff of 企画課 report I06-K1 (AI-OCR/RPA, due 20 業務 by FY2025) for FY2025 Q4.
        var (staff, staffErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKikaku, "/entries?fy=2025&q=4");
        var row = staff.Locator("tr[data-kpi='I06-K1']");
        Assert.Equal("None", await row.Locator("[data-state]").GetAttributeAsync("data-state"));
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await staff.Locator("h1", new() { HasText = "AI-OCR・RPA等を導入した業務の数" }).WaitForAsync();
        await BrowserFixture.WaitForInteractiveAsync(staff);

        // The status follows the figure as it is typed (full-width digits from an IME included). A running total below
        // the latest approved one (18業務, 令和7年度 第3四半期, beside the field) asks to be confirmed first.
        var form = staff.Locator("[data-form='entry']");
        await Assertions.Expect(form.Locator("[data-last-approved]")).ToContainTextAsync("18業務");
        await form.Locator("input[name='value']").FillAsync("１５");
        await Assertions.Expect(form.GetByText("直近の実績（18）より小さい値です")).ToBeVisibleAsync();
        await form.GetByText("この値で正しい（桁の誤りではありません）").ClickAsync();
        await Expect(form.Locator("[data-status]"), "Delayed");
        await form.Locator("input[name='value']").FillAsync("20");
        await Expect(form.Locator("[data-status]"), "Achieved");

        await form.Locator("textarea[name='done']").FillAsync("住民税の申告書入力にAI-OCRを導入した。<script>alert(1)</script>");
        await form.Locator("textarea[name='check']").FillAsync("読取精度は97%。");
        await form.Locator("textarea[name='act']").FillAsync("帳票の様式を見直す。");
        await form.Locator("[data-action='submit']").ClickAsync();
        await Expect(form.Locator("[data-state]"), "Submitted");
        // Submitted: read-only, with 取り下げ instead of the save buttons.
        await form.Locator("[data-action='withdraw']").WaitForAsync();
        Assert.Equal(0, await form.Locator("[data-action='save-draft'], [data-action='submit']").CountAsync());
        Assert.True(staffErrors.Count == 0, string.Join("\n", staffErrors));

        // 2. The planner approves it on the review page.
        var (planner, plannerErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/review?fy=2025&q=4");
        var submission = planner.Locator("[data-submission='I06-K1']");
        Assert.Contains("20業務", await submission.Locator("[data-figure]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", await submission.InnerTextAsync(), StringComparison.Ordinal); // shown as text
        await submission.Locator("[data-action='approve']").ClickAsync();
        await Expect(planner.Locator("[data-submission='I06-K1'] [data-state]"), "Approved");

        // 3. The figure is on the plan page, marked neither sample nor draft.
        await planner.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        var planRow = planner.Locator("tr[data-kpi='I06-K1']");
        Assert.Contains("20業務", await planRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("令和7年度 第4四半期", await planRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("サンプル", await planRow.Locator("td").Nth(6).InnerTextAsync(), StringComparison.Ordinal);

        // 4. The KPI's history lists each step with the names of the people (not their login ids).
        await staff.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(staff);
        var history = await staff.Locator(".entry-history tbody tr").AllInnerTextsAsync();
        Assert.Contains(history, h => h.Contains("承認済", StringComparison.Ordinal) && h.Contains("高橋 美咲", StringComparison.Ordinal) && h.Contains("承認", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("提出済", StringComparison.Ordinal) && h.Contains("田中 一郎", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("実績値", StringComparison.Ordinal) && h.Contains("20", StringComparison.Ordinal));
        Assert.True(plannerErrors.Count == 0, string.Join("\n", plannerErrors));
    }

    [Fact]
    public async Task ASecondEditorGetsAConflictThatKeepsWhatTheyTyped()
    {
        var (first, _) = await browser.NewPageAsync();
        var (second, _) = await browser.NewPageAsync();
        // I02-K4 (counter e-payment, 会計課) has no figure for FY2025 Q4 in the sample data.
        await BrowserFixture.SignInAsync(first, DemoUsers.StaffKaikei, "/entries/I02-K4/2025/4");
        await BrowserFixture.SignInAsync(second, DemoUsers.Admin, "/entries/I02-K4/2025/4");

        var firstForm = first.Locator("[data-form='entry']");
        await firstForm.Locator("textarea[name='done']").FillAsync("佐藤の入力");
        await firstForm.Locator("[data-action='save-draft']").ClickAsync();
        await Expect(firstForm.Locator("[data-state]"), "Draft");

        var secondForm = second.Locator("[data-form='entry']");
        await secondForm.Locator("textarea[name='done']").FillAsync("伊藤の入力");
        await secondForm.Locator("[data-action='save-draft']").ClickAsync();

        var conflict = second.Locator("[data-conflict]");
        await conflict.WaitForAsync();
        Assert.Contains("佐藤の入力", await conflict.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("伊藤の入力", await conflict.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("伊藤の入力", await secondForm.Locator("textarea[name='done']").InputValueAsync());
    }

    [Fact]
    public async Task StaffCannotOpenAnotherDepartmentsEntry()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKaikei, "/entries/I01-K1/2025/4");

        await page.Locator("h1", new() { HasText = "このページを表示する権限がありません" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-form='entry']").CountAsync());
    }

    private static async Task Expect(ILocator locator, string attributeValue)
    {
        var attribute = await locator.GetAttributeAsync("data-status") is not null ? "data-status" : "data-state";
        for (var i = 0; i < 100; i++)
        {
            if (await locator.GetAttributeAsync(attribute) == attributeValue)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Equal(attributeValue, await locator.GetAttributeAsync(attribute));
    }
}
