using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Jobs done with the keyboard only (JIS X 8341-3 / WCAG 2.1.1): no clicks, only Tab, typing, Enter and arrow keys.
/// FY2024 Q2 and I04-K2 (企画課, monitor only, no sample figure) are used by no other browser test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardJobsTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffSubmitTheSecretariatReturnsStaffResubmitTheSecretariatApprovesByKeyboardOnly()
    {
        // Sign in: Tab to 田中's button on the sign-in page, Enter.
        var (staff, staffErrors) = await browser.NewPageAsync();
        await staff.GotoAsync("/account/login?returnUrl=%2Fentries%2FI04-K2%2F2024%2F2");
        await TabToAsync(staff, $"button[name='login'][value='{DemoUsers.StaffKikaku}']");
        await staff.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForInteractiveAsync(staff);

        // Skip to the content, then Tab to each note, type, Tab to 提出, Enter.
        await staff.FocusAsync(".skip-link");
        await staff.Keyboard.PressAsync("Enter");
        await TabToAsync(staff, "textarea[name='done']");
        await staff.Keyboard.TypeAsync("オープンデータの庁内説明会を開いた。");
        await TabToAsync(staff, "textarea[name='check']");
        await staff.Keyboard.TypeAsync("3課がデータを提供した。");
        await TabToAsync(staff, "[data-action='submit']");
        await staff.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForFocusAsync(staff, "[data-saved]");
        Assert.Equal(1, await staff.Locator("[data-form='entry'] [data-action='withdraw']").CountAsync());

        // The secretariat: sign in, Tab to the return comment, type, Tab to 差戻し, Enter; focus lands on the result.
        var (planner, plannerErrors) = await browser.NewPageAsync();
        await planner.GotoAsync("/account/login?returnUrl=%2Freview%3Ffy%3D2024%26q%3D2");
        await TabToAsync(planner, $"button[name='login'][value='{DemoUsers.Planner}']");
        await planner.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.FocusAsync(".skip-link");
        await planner.Keyboard.PressAsync("Enter");
        await TabToAsync(planner, "[data-submission='I04-K2'] input[name='comment']");
        await planner.Keyboard.TypeAsync("提供した課の名前を書いてください。");
        await TabToAsync(planner, "[data-submission='I04-K2'] [data-action='return']");
        await planner.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForFocusAsync(planner, "[data-decided]");

        // The department submits again by keyboard (its notes are still there), and the secretariat approves.
        await staff.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(staff);
        await staff.FocusAsync(".skip-link");
        await staff.Keyboard.PressAsync("Enter");
        await TabToAsync(staff, "textarea[name='check']");
        await staff.Keyboard.PressAsync("End");
        await staff.Keyboard.TypeAsync("（企画課・情報政策課・総務課）");
        await TabToAsync(staff, "[data-action='submit']");
        await staff.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForFocusAsync(staff, "[data-saved]");

        await planner.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(planner);
        await planner.FocusAsync(".skip-link");
        await planner.Keyboard.PressAsync("Enter");
        await TabToAsync(planner, "[data-submission='I04-K2'] [data-action='approve']");
        await planner.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForFocusAsync(planner, "[data-decided]");
        await planner.Locator("[data-submission='I04-K2'] [data-state='Approved']").WaitForAsync();

        Assert.True(staffErrors.Count == 0, string.Join("\n", staffErrors));
        Assert.True(plannerErrors.Count == 0, string.Join("\n", plannerErrors));
    }

    [Fact]
    public async Task ACommitteeMemberChangesTheQuarterAndADepartmentFilterAndOpensAKpiByKeyboardOnly()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fdashboard");
        await TabToAsync(page, $"button[name='login'][value='{DemoUsers.Committee}']");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/dashboard", StringComparison.Ordinal));

        // The overview's quarter: a plain select and a 表示 button (a GET form), by keyboard.
        await TabToAsync(page, "select[data-picker='quarter']");
        await page.Keyboard.PressAsync("Home"); // 第1四半期
        await TabToAsync(page, "select[data-filter='department']");
        await page.Keyboard.PressAsync("ArrowDown"); // the first department
        await TabToAsync(page, "[data-action='show']");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("q=1", StringComparison.Ordinal) && url.Contains("dept=", StringComparison.Ordinal));

        // Open a KPI from its link in the table.
        await TabToAsync(page, "table a[href*='/dashboard/kpis/']");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/dashboard/kpis/", StringComparison.Ordinal));
        await page.Locator("h1").WaitForAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task AnAdministratorOpensAPersonAndSavesByKeyboardOnly()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fadmin");
        await TabToAsync(page, $"button[name='login'][value='{DemoUsers.Admin}']");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // 編集 for 山本: the editor opens with focus in its first field (it was left on 編集, four Tabs away).
        await TabToAsync(page, "tr[data-user='yamamoto@demo.local'] button");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForFocusAsync(page, "[data-editor='user'] input[name='login']");
        await TabToAsync(page, "[data-editor='user'] [data-action='save-user']");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForFocusAsync(page, "[data-saved]");
        Assert.Equal(0, await page.Locator("[data-editor='user']").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task TabToAsync(IPage page, string selector, int limit = 150)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} was not reached in {limit} Tab presses (focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 80) ?? ''")})");
    }
}
