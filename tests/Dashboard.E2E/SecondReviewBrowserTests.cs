using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The second hostile review's accessibility and phone findings (issue 21), tried in a real browser as the keyboard
/// user, the screen-reader user and the committee member on a phone found them. FY2023 Q1 is used by no other browser
/// test; I11-K2 (企画課, monitor only) has no sample figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecondReviewBrowserTests(BrowserFixture browser)
{
    private const string Review = "/review?fy=2023&q=1";

    [Fact]
    public async Task ReturningWithoutAReasonMovesFocusToTheFieldAndAnnouncesItAndTheReviewPageFitsAt320()
    {
        var (staff, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKikaku, "/entries/I11-K2/2023/1");
        var form = staff.Locator("[data-form='entry']");
        await form.Locator("textarea[name='done']").FillAsync("スマホ教室を開いた。");
        await form.Locator("[data-action='submit']").ClickAsync();
        await form.Locator("[data-action='withdraw']").WaitForAsync();

        var (planner, errors) = await browser.NewPageAsync();
        await planner.SetViewportSizeAsync(320, 640);
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, Review);
        var submission = planner.Locator("[data-submission='I11-K2']");
        await submission.Locator("[data-action='return']").ClickAsync();

        // Focus goes to the field the message is about, and the message is in a live region (role=alert).
        await BrowserFixture.WaitForFocusAsync(planner, "[data-submission='I11-K2'] input[name='comment']");
        Assert.Contains("理由", await submission.Locator("[data-return-alert]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("alert", await submission.Locator("[data-return-alert]").GetAttributeAsync("role"));
        Assert.Contains("return-error-I11-K2", await submission.Locator("input[name='comment']").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);

        // At 320 CSS px the open return form stays inside its card and the page does not scroll sideways.
        Assert.True(await planner.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 320, "the review page scrolls sideways at 320 px");
        var card = await submission.BoundingBoxAsync();
        var field = await submission.Locator("input[name='comment']").BoundingBoxAsync();
        Assert.True(field!.X + field.Width <= card!.X + card.Width + 1, $"the reason field ({field.X + field.Width}) leaves its card ({card.X + card.Width})");

        // The close confirmation takes its own row: the quarter picker stays where it was.
        await planner.SetViewportSizeAsync(1366, 768);
        const string Top = "e => e.getBoundingClientRect().top + window.scrollY";
        const string Bottom = "e => e.getBoundingClientRect().bottom + window.scrollY";
        var pickerBefore = await planner.Locator(".mud-select").First.EvaluateAsync<double>(Top);
        await planner.Locator("[data-action='close-quarter']").ClickAsync();
        var confirmTop = await planner.Locator("[data-close-confirm]").EvaluateAsync<double>(Top);
        var pickerAfter = await planner.Locator(".mud-select").First.EvaluateAsync<double>(Top);
        Assert.Equal(pickerBefore, pickerAfter, 1.0);
        Assert.True(confirmTop >= await planner.Locator(".mud-select").First.EvaluateAsync<double>(Bottom), "the confirmation sits under the picker, not beside it");
        await planner.Locator("[data-action='close-cancel']").ClickAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task TheBellAndThePersonMenuShowTheRingOnEveryItemAndCloseWithEscapeOrWhenTabLeavesThem(string theme)
    {
        // A reminder gives 田中 (企画課) a notice; a second one the same day needs もう一度督促する.
        var (planner, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/review/board?fy=2023&q=1");
        await planner.Locator("[data-remind='kikaku']").ClickAsync();
        var again = planner.Locator("[data-remind-again='kikaku']");
        var reminded = planner.Locator(".mud-snackbar", new() { HasText = "企画課" });
        await again.Or(reminded).First.WaitForAsync();
        if (await again.CountAsync() > 0)
        {
            await again.ClickAsync();
        }

        var (staff, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKikaku, $"/preferences/theme?mode={theme}&returnUrl=%2Fdashboard", interactive: false);
        var bell = staff.Locator("details.bell");
        var unread = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(unread > 0, "田中 has an unread notice");

        // The bell's name holds its visible count as a word (2.5.3).
        Assert.Contains($" {unread} ", await bell.Locator("summary").GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);

        // Open it by keyboard and walk its items: every one shows the ring on the panel's surface (2.4.7).
        await staff.FocusAsync("details.bell > summary");
        await staff.Keyboard.PressAsync("Enter");
        Assert.True(await bell.EvaluateAsync<bool>("d => d.open"));
        var failures = new List<string>();
        var items = 0;
        for (var i = 0; i < 40; i++)
        {
            await staff.Keyboard.PressAsync("Tab");
            if (!await staff.EvaluateAsync<bool>("() => !!document.activeElement?.closest('.bell-panel')"))
            {
                break;
            }

            items++;
            if (await FocusRing.CheckAsync(staff) is { Length: > 0 } problem)
            {
                failures.Add($"{theme} bell: {problem}");
            }
        }

        Assert.True(items >= 2, $"only {items} focusable items in the bell (a notice and すべて既読にする)");
        Assert.False(await bell.EvaluateAsync<bool>("d => d.open"), "Tab past the last item leaves the panel open over the page");

        // Escape closes it and puts focus back on the bell.
        await staff.FocusAsync("details.bell > summary");
        await staff.Keyboard.PressAsync("Enter");
        await staff.Keyboard.PressAsync("Tab");
        await staff.Keyboard.PressAsync("Escape");
        Assert.False(await bell.EvaluateAsync<bool>("d => d.open"), "Escape leaves the bell open");
        await BrowserFixture.WaitForFocusAsync(staff, "details.bell > summary");

        // The person menu: サインアウト shows the ring too, and Escape closes the menu.
        var menu = staff.Locator("details.user-menu");
        await staff.FocusAsync("details.user-menu > summary");
        await staff.Keyboard.PressAsync("Enter");
        await staff.Keyboard.PressAsync("Tab");
        await BrowserFixture.WaitForFocusAsync(staff, ".user-panel button");
        if (await FocusRing.CheckAsync(staff) is { Length: > 0 } signOut)
        {
            failures.Add($"{theme} person menu: {signOut}");
        }

        await staff.Keyboard.PressAsync("Escape");
        Assert.False(await menu.EvaluateAsync<bool>("d => d.open"), "Escape leaves the person menu open");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task OnAPhoneEveryKpisStatusAndGradeAreOnScreenOnTheOverviewAndEveryQuartersOnTheKpiPage()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/dashboard?fy=2025&q=4", interactive: false);

        var rows = page.Locator("tr[data-kpi]");
        Assert.Equal(28, await rows.CountAsync());
        var offScreen = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('tr[data-kpi]')].flatMap(row => ['status', 'grade'].map(cell => {
              const r = row.querySelector(`[data-cell='${cell}']`).getBoundingClientRect();
              return r.width < 1 || r.left < 0 || r.right > innerWidth ? `${row.dataset.kpi} ${cell}: ${Math.round(r.left)}-${Math.round(r.right)}` : null;
            })).filter(x => x)
            """);
        Assert.True(offScreen.Length == 0, string.Join("\n", offScreen));
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 390);

        // The initiative's assessment reads as a link (underlined, in the link colour), not plain text.
        Assert.Equal("underline", await page.Locator("[data-assessment-link='1']").EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine"));

        await page.GotoAsync("/dashboard/kpis/I01-K1?fy=2025&q=4");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var quarters = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('tr[data-quarter]')].map(row => {
              const r = row.querySelector("[data-cell='status']").getBoundingClientRect();
              const q = row.querySelector('th').getBoundingClientRect();
              return r.width < 1 || r.right > innerWidth || q.height > 60 ? `${row.dataset.quarter}: status ${Math.round(r.left)}-${Math.round(r.right)}, quarter ${Math.round(q.height)} px tall` : null;
            }).filter(x => x)
            """);
        Assert.True(quarters.Length == 0, string.Join("\n", quarters));
        Assert.True(await page.Locator("tr[data-quarter]").CountAsync() >= 10);
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 390);

        // 達成率 and 状況 say what they are measured against.
        Assert.Contains("年度目標", await page.Locator("[data-summary] div", new() { Has = page.Locator("[data-cell='achievement']") }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("見込み値", await page.Locator("[data-summary] div", new() { Has = page.Locator("[data-cell='status']") }).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDarkThemeTurnsNativeControlsAndThePublicPageDarkToo()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee, "/preferences/theme?mode=dark&returnUrl=%2Fdashboard", interactive: false);
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).colorScheme"));

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/public");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor");
        Assert.NotEqual("rgb(255, 255, 255)", background);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));
    }

    [Fact]
    public async Task TheBoardsDepartmentSectionsAndTheirTablesHaveDifferentNames()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/review/board?fy=2025&q=4");
        var names = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('section.board-department')].map(s => {
              const section = document.getElementById(s.getAttribute('aria-labelledby')).textContent.trim();
              const region = s.querySelector('[role=region]').getAttribute('aria-label') ?? '';
              return section === region || region === '' ? `${section}: region named «${region}»` : null;
            }).filter(x => x)
            """);
        Assert.True(await page.Locator("section.board-department").CountAsync() > 3);
        Assert.True(names.Length == 0, string.Join("\n", names));
    }
}
