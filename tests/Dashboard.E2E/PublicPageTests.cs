using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The plan's progress for residents: a planner closes and publishes a quarter in the app, then an anonymous visitor
/// reads /public and /public/data in both languages, with the keyboard, without JavaScript, and axe finds nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPageTests(BrowserFixture browser)
{
    private static readonly string[] _wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Fact]
    public async Task APlannerPublishesAQuarterAndAnAnonymousVisitorReadsItEveryWay()
    {
        // The planner closes 令和6年度 第4四半期 on the review page and publishes it on the publishing page.
        var (planner, plannerErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/review?fy=2024&q=4");
        if (await planner.Locator("[data-action='close-quarter']").CountAsync() > 0)
        {
            await planner.Locator("[data-action='close-quarter']").ClickAsync();
            await planner.Locator("[data-action='close-confirm']").ClickAsync();
            await planner.Locator("[data-closed]").WaitForAsync();
        }

        await planner.GotoAsync("/publishing");
        await BrowserFixture.WaitForInteractiveAsync(planner);
        var row = planner.Locator("tr[data-quarter='2024-4']");
        await row.Locator("[data-action='publish-quarter']").ClickAsync();
        await Assertions.Expect(row.Locator("[data-published]")).ToHaveAttributeAsync("data-published", "true");
        Assert.True(plannerErrors.Count == 0, string.Join("\n", plannerErrors));

        // An anonymous visitor, keyboard only: skip link, then the language switch.
        var (visitor, errors) = await browser.NewPageAsync();
        await visitor.GotoAsync("/public");
        Assert.Equal("ja", await visitor.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("2024-4", await visitor.Locator("[data-published]").GetAttributeAsync("data-published"));
        Assert.Contains("令和6年度 第4四半期", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(28, await visitor.Locator("article[data-kpi]").CountAsync());
        await visitor.Keyboard.PressAsync("Tab");
        Assert.Equal("本文へ移動", await visitor.EvaluateAsync<string>("document.activeElement.textContent"));
        await visitor.Keyboard.PressAsync("Tab");
        Assert.Equal("English", await visitor.EvaluateAsync<string>("document.activeElement.textContent"));
        await visitor.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForUrlAsync(visitor, url => url.Contains("lang=en", StringComparison.Ordinal));
        Assert.Equal("en", await visitor.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("FY2024 Q4", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await visitor.Locator("h4 [lang='ja']").CountAsync() >= 28); // the plan's own words keep the Japanese voice

        foreach (var url in new[] { "/public", "/public?lang=en", "/public/data", "/public/data?lang=en" })
        {
            await visitor.GotoAsync(url);
            var result = await visitor.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. _wcag] } });
            var violations = result.Violations.Select(v => $"{url} {v.Id} ({v.Impact}): {v.Help} - {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // Without JavaScript the page is the same page.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.Server.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "ja-JP" });
        var noScript = await context.NewPageAsync();
        await noScript.GotoAsync("/public");
        Assert.Equal(28, await noScript.Locator("article[data-kpi]").CountAsync());
        Assert.Equal(0, await noScript.Locator("script").CountAsync());
        await noScript.GotoAsync("/public/data");
        Assert.Equal(31, await noScript.Locator("tbody tr").CountAsync()); // 22 columns, the plan's 5 (計画コード … 見直し理由) and the 4 across plans (前計画KPI_ID … 次計画での扱い)
        await context.CloseAsync();
    }
}
