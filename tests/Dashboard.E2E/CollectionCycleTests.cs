using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// One quarter's collection cycle in a real browser (issue 12): staff submit, the secretariat returns it with a comment
/// and cannot close over it, the department fixes and resubmits, the secretariat approves and closes. FY2024 Q3 is used
/// by no other browser test, and I11-K2 (企画課, monitor only) has no sample figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectionCycleTests(BrowserFixture browser)
{
    private const string Entry = "/entries/I11-K2/2024/3";

    [Fact]
    public async Task SubmitReturnRefusedCloseResubmitApproveCloseWithTheRightNamesAtEachStep()
    {
        // 1. 田中 (企画課) reports and submits; the form says when the figures are due.
        var (staff, staffErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKikaku, Entry);
        await BrowserFixture.WaitForInteractiveAsync(staff);
        Assert.Equal("2025-01-15", await staff.Locator("[data-testid='due-line']").GetAttributeAsync("data-due"));
        var form = staff.Locator("[data-form='entry']");
        await form.Locator("textarea[name='done']").FillAsync("高齢者向けスマホ教室を3回開いた。");
        await form.Locator("textarea[name='check']").FillAsync("参加者は延べ45人。");
        await form.Locator("[data-action='submit']").ClickAsync();
        await form.Locator("[data-action='withdraw']").WaitForAsync();
        await BrowserFixture.WaitForFocusAsync(staff, "[data-saved]"); // focus goes to what happened, not to <body>

        // 2. 高橋 (事務局) sees 田中 as the submitter and returns it with a comment.
        var (planner, plannerErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/review?fy=2024&q=3");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        var submission = planner.Locator("[data-submission='I11-K2']");
        Assert.Contains("田中 一郎", await submission.InnerTextAsync(), StringComparison.Ordinal);
        await submission.Locator("input[name='comment']").FillAsync("参加者の年代別の内訳を書いてください。");
        await submission.Locator("[data-action='return']").ClickAsync();
        await planner.Locator("[data-submission='I11-K2'] [data-state='Returned']").WaitForAsync();
        await BrowserFixture.WaitForFocusAsync(planner, "[data-decided]");

        // 3. Closing now is refused: the returned entry is listed and a reason is asked for; nothing closes.
        await planner.Locator("[data-action='close-quarter']").ClickAsync();
        var confirm = planner.Locator("[data-close-confirm]");
        Assert.Contains("I11-K2", await confirm.Locator("[data-waiting]").InnerTextAsync(), StringComparison.Ordinal);
        await confirm.Locator("[data-action='close-confirm']").ClickAsync();
        await confirm.Locator(".mud-input-error").First.WaitForAsync();
        Assert.Equal(0, await planner.Locator("[data-closed]").CountAsync());
        await confirm.Locator("[data-action='close-cancel']").ClickAsync();

        // 4. 田中 sees the return in the list and in the bell, fixes the note and submits again.
        await staff.GotoAsync("/entries?fy=2024&q=3");
        await BrowserFixture.WaitForInteractiveAsync(staff);
        var row = staff.Locator("tr[data-kpi='I11-K2']");
        Assert.Equal("Returned", await row.Locator("[data-state]").GetAttributeAsync("data-state"));
        Assert.Contains("年代別の内訳", await row.InnerTextAsync(), StringComparison.Ordinal);
        var bell = staff.Locator("details.bell");
        Assert.NotEqual("0", await bell.GetAttributeAsync("data-unread"));
        // One notice for this return (other browser tests may have returned other entries of 企画課).
        Assert.Equal(1, await bell.Locator("li[data-kind='Returned']", new() { HasText = "I11-K2" }).CountAsync());
        await staff.GotoAsync(Entry);
        await BrowserFixture.WaitForInteractiveAsync(staff);
        await form.Locator("textarea[name='check']").FillAsync("参加者は延べ45人（70代28人、80代17人）。");
        await form.Locator("[data-action='submit']").ClickAsync();
        await form.Locator("[data-action='withdraw']").WaitForAsync();

        // 5. 高橋 approves; the board shows it approved, last changed by 高橋 by name.
        await planner.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-submission='I11-K2'] [data-action='approve']").ClickAsync();
        await planner.Locator("[data-submission='I11-K2'] [data-state='Approved']").WaitForAsync();
        await planner.GotoAsync("/review/board?fy=2024&q=3");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        var boardRow = planner.Locator("[data-department='kikaku'] tr[data-kpi='I11-K2']");
        Assert.Equal("Approved", await boardRow.GetAttributeAsync("data-state"));
        Assert.Contains("高橋 美咲", await boardRow.InnerTextAsync(), StringComparison.Ordinal);

        // 6. Nothing waits now: the close asks once and closes.
        await planner.GotoAsync("/review?fy=2024&q=3");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.Locator("[data-action='close-quarter']").ClickAsync();
        Assert.Equal(0, await planner.Locator("[data-close-confirm] [data-waiting]").CountAsync());
        await planner.Locator("[data-action='close-confirm']").ClickAsync();
        await planner.Locator("[data-closed]").WaitForAsync();

        // 7. The history names both people.
        await staff.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(staff);
        var history = await staff.Locator(".entry-history tbody tr").AllInnerTextsAsync();
        Assert.Contains(history, h => h.Contains("差戻し", StringComparison.Ordinal) && h.Contains("高橋 美咲", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("提出", StringComparison.Ordinal) && h.Contains("田中 一郎", StringComparison.Ordinal));
        Assert.True(staffErrors.Count == 0, string.Join("\n", staffErrors));
        Assert.True(plannerErrors.Count == 0, string.Join("\n", plannerErrors));
    }
}
