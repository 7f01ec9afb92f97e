using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>Each demo user signs in and sees what their role allows, and nothing more.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(DemoUsers.StaffKikaku, "各課の担当者", false)]
    [InlineData(DemoUsers.StaffKaikei, "各課の担当者", false)]
    [InlineData(DemoUsers.Committee, "推進本部・幹事会", false)]
    [InlineData(DemoUsers.Planner, "企画・DX推進担当", false)]
    [InlineData(DemoUsers.Admin, "システム管理者", true)]
    public async Task EachRoleSeesItsOwnMenuAndNoMore(string login, string roleLabel, bool mayAdminister)
    {
        var (page, errors) = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, login);

        Assert.Equal(login, await page.Locator("[data-user]").GetAttributeAsync("data-user"));
        Assert.Contains(roleLabel, await page.Locator(".user-roles").TextContentAsync(), StringComparison.Ordinal); // in the person menu
        Assert.Equal(11, await page.Locator("h3").CountAsync()); // everyone reads the plan
        Assert.Equal(mayAdminister, await page.Locator("[data-nav='admin']").CountAsync() == 1);

        await page.GotoAsync("/admin");
        if (mayAdminister)
        {
            await page.Locator("h1", new() { HasText = "利用者と課の管理" }).WaitForAsync();
            Assert.True(await page.Locator("tr[data-user]").CountAsync() >= 6);
        }
        else
        {
            await page.Locator("h1", new() { HasText = "このページを表示する権限がありません" }).WaitForAsync();
            Assert.Equal(0, await page.Locator("tr[data-user]").CountAsync());
        }

        Assert.DoesNotContain(errors, e => !e.Contains("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnonymousVisitorIsAskedToSignInAndComesBackAfterwards()
    {
        var (page, _) = await browser.NewPageAsync();

        await page.GotoAsync("/admin");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Locator($"button[name='login'][value='{DemoUsers.Admin}']").ClickAsync();

        await page.Locator("h1", new() { HasText = "利用者と課の管理" }).WaitForAsync();
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var (page, _) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoUsers.Committee);

        await page.Locator(".user-menu summary").ClickAsync(); // the person menu
        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();

        await page.Locator("h1", new() { HasText = "サインアウトしました" }).WaitForAsync();
        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
