using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The render mode (decision record 011): the default runs the interactive pages on the server; the WebAssembly mode,
/// which operators without sticky sessions may choose, still works end to end with the browser's own client services.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RenderModeTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheDefaultModeRunsTheEntryFormOnTheServer()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, "/entries");
        Assert.Equal("Server", await page.Locator("[data-renderer]").GetAttributeAsync("data-renderer"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task InWebAssemblyModeStaffSaveADraftThroughTheApi()
    {
        var server = new ServerProcess("--Interactivity:RenderMode=WebAssembly");
        await server.InitializeAsync();
        try
        {
            await SaveADraftAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private async Task SaveADraftAsync(ServerProcess server)
    {
        var (page, errors) = await browser.NewPageAsync(server);

        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKaikei, "/entries/I02-K4/2025/4");
        Assert.Equal("WebAssembly", await page.Locator("[data-renderer]").GetAttributeAsync("data-renderer"));
        var form = page.Locator("[data-form='entry']");
        await form.Locator("textarea[name='done']").FillAsync("WebAssemblyで入力した実施内容");
        await form.Locator("[data-action='save-draft']").ClickAsync();
        await Assertions.Expect(form.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Draft");

        var response = await page.APIRequest.GetAsync("/api/entries/I02-K4/2025/4");
        using var json = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal("WebAssemblyで入力した実施内容", json.RootElement.GetProperty("done").GetString());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }
}
