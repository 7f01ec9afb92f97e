using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The first moment of an interactive page, in a fresh browser context: the entry form's HTML shows before
/// WebAssembly has taken over. Typing then is either kept or never accepted, and a click then saves nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EarlyInputTests(BrowserFixture browser)
{
    private const string Entry = "/entries/I03-K2/2025/2"; // 企画課, monitor-only, nothing reported, used by no other test

    [Fact]
    public async Task TextTypedTheMomentTheFieldShowsIsKeptOrWasNeverAcceptedAndAnEarlyClickSavesNothing()
    {
        var (page, errors) = await browser.NewPageAsync();
        // The overview is server-rendered only: no WebAssembly is loaded or cached before the entry page.
        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, "/dashboard", interactive: false);
        var before = await StateAsync(page);

        await page.GotoAsync(Entry, new() { WaitUntil = WaitUntilState.Commit });
        var done = page.Locator("textarea[name='done']");
        await done.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var wasInteractive = await page.Locator("[data-interactive='true']").CountAsync() > 0;
        var wasDisabled = await done.IsDisabledAsync();
        var noticeShown = await page.Locator("[data-not-ready]").CountAsync() > 0;
        await done.FocusAsync();
        await page.Keyboard.TypeAsync("早打ちの実施内容");
        await page.Locator("[data-action='save-draft']").ClickAsync(new() { Force = true, Timeout = 5000 });

        await BrowserFixture.WaitForInteractiveAsync(page);
        var value = await done.InputValueAsync();

        Assert.False(wasInteractive, "the page was already interactive when its HTML first showed; the test saw no early moment");
        Assert.True(wasDisabled, "the prerendered field accepted input before the page could act on it");
        Assert.True(noticeShown, "no visible notice that the page is getting ready");
        Assert.True(value.Length == 0 || value == "早打ちの実施内容", $"typed text was changed: '{value}'");
        await Task.Delay(500);
        Assert.Equal(before, await StateAsync(page)); // the early click saved no draft
        Assert.Equal(0, await page.Locator("[data-not-ready]").CountAsync());
        Assert.False(await done.IsDisabledAsync());
        await done.FillAsync("準備ができてから入力した内容");
        Assert.Equal("準備ができてから入力した内容", await done.InputValueAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<string> StateAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/entries" + Entry[8..]);
        Assert.True(response.Ok, response.StatusText);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.TryGetProperty("state", out var state) ? state.ToString() : "";
    }
}
