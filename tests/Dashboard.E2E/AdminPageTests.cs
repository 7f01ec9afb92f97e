using Microsoft.Playwright;

namespace Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdministratorMovesAPersonToAnotherDepartmentAndTheChangeIsInTheHistory()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, "/admin");
        await page.Locator("h1", new() { HasText = "利用者と課の管理" }).WaitForAsync();

        await page.Locator("tr[data-user='yamamoto@demo.local']").GetByRole(AriaRole.Button, new() { Name = "編集" }).ClickAsync();
        var editor = page.Locator("[data-editor='user']");
        await editor.Locator("input[data-department='zeimu']").CheckAsync();
        await editor.Locator("[data-action='save-user']").ClickAsync();

        await editor.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Contains("税務課", await page.Locator("tr[data-user='yamamoto@demo.local']").InnerTextAsync(), StringComparison.Ordinal);
        var history = await page.Locator(".audit-table tbody tr").First.InnerTextAsync();
        // In words people read: the admin's name, 担当課, department names (not "Departments johoseisaku,soumu,zeimu").
        Assert.Contains("伊藤 誠", history, StringComparison.Ordinal);
        Assert.Contains("担当課", history, StringComparison.Ordinal);
        Assert.Contains("税務課", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Departments", history, StringComparison.Ordinal);
        Assert.DoesNotContain("zeimu", history, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task MissingFieldsAreMarkedAtTheFieldInJapanese()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, "/admin");
        await page.Locator("[data-action='add-user']").ClickAsync();
        var editor = page.Locator("[data-editor='user']");
        await editor.Locator("input[data-role='SectionStaff']").CheckAsync();

        await editor.Locator("[data-action='save-user']").ClickAsync();

        // The messages come back from the server: wait for them rather than read the editor at once.
        await editor.GetByText("サインイン名を入力してください").WaitForAsync();
        Assert.Contains("サインイン名を入力してください", await editor.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("表示名を入力してください", await editor.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("担当課を1つ以上選んでください", await editor.InnerTextAsync(), StringComparison.Ordinal);
    }
}
