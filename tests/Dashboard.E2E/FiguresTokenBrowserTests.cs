using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The admin issues a figures API token on the admin page (shown once), a script sends a figure with it, and the
/// admin revokes it: the next send is refused (issue 25).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FiguresTokenBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheAdminIssuesATokenAScriptSendsAFigureAndARevokedTokenIsRefused()
    {
        // A server of its own: the figure it sends must not change what other tests read.
        await ServerProcess.WithOwnAsync(RunAsync);
    }

    private async Task RunAsync(ServerProcess server)
    {
        var (page, errors) = await browser.NewPageAsync(server);
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, "/admin");

        // 田中 reports for 企画課 alone: picking the person picks the department.
        await page.Locator("[data-field='token-person']").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "田中 一郎（企画課 担当者）" }).ClickAsync();
        await page.Locator("input[data-field='token-name']").FillAsync("電子申請システム連携");
        await page.Locator("[data-action='issue-token']").ClickAsync();
        var shown = page.Locator("[data-token]");
        await shown.WaitForAsync();
        var token = (await shown.GetAttributeAsync("data-token"))!;
        var row = page.Locator("tr[data-token-row]", new() { HasText = "電子申請システム連携" });
        Assert.Contains(token[^4..], await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        // A script sends a figure with it (I01-K1 has no sample figure for FY2025 Q4; its latest approved is 188).
        using var script = new HttpClient { BaseAddress = server.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sent = await script.PutAsJsonAsync("/api/figures/I01-K1/2025/4", new { value = "190" });
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());

        // Revoked on the page, the same script is refused with the reason.
        await row.Locator("[data-action='revoke-token']").ClickAsync();
        await row.Locator("[data-action='revoke-token']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Contains("取り消し", await row.InnerTextAsync(), StringComparison.Ordinal);
        var refused = await script.PutAsJsonAsync("/api/figures/I01-K1/2025/4", new { value = "191" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("取り消されています", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
