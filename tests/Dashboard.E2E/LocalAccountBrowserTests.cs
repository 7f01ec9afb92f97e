using Microsoft.Playwright;
using OtpNet;

namespace Dashboard.E2E;

/// <summary>
/// Local accounts end to end (issue 23), in real Chromium against a server with SignIn:LocalAccounts on: the admin
/// makes a person with a temporary password; the person changes it, enrols an authenticator (the codes are computed
/// here with Otp.NET, independently of Identity), signs in again with password and code; a used code and a used
/// recovery code are refused the second time; wrong passwords lock the account until the admin unlocks it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalAccountBrowserTests(BrowserFixture browser)
{
    private const string Login = "kimura"; // a login ID, as a city without a directory names its people
    private const string NewPassword = "Kimura-Pass-2026x";

    [Fact]
    public async Task APersonWithATemporaryPasswordChangesItEnrolsTheAuthenticatorAndIsLockedAfterWrongPasswordsUntilUnlocked()
    {
        await ServerProcess.WithOwnAsync(RunAsync, "--SignIn:LocalAccounts=true", "--SignIn:Lockout:MaxFailures=3", "--SignIn:AlivePingSeconds=1");
    }

    private async Task RunAsync(ServerProcess server)
    {

        // The admin (demo sign-in, Development) adds 木村 as a planner and issues a temporary password.
        var (admin, adminErrors) = await browser.NewPageAsync(server);
        await BrowserFixture.SignInAsync(admin, DemoUsers.Admin, "/admin");
        await admin.Locator("[data-action='add-user']").ClickAsync();
        var editor = admin.Locator("[data-editor='user']");
        await editor.Locator("input[name='login']").FillAsync(Login);
        await editor.Locator("input[name='displayName']").FillAsync("木村 一郎");
        await editor.Locator("input[data-role='Planner']").CheckAsync();
        await editor.Locator("input[data-department='kikaku']").CheckAsync();
        await editor.Locator("[data-action='save-user']").ClickAsync();
        var row = admin.Locator($"tr[data-user='{Login}']");
        await row.Locator("[data-action='temporary-password']").ClickAsync();
        var shown = admin.Locator("[data-temporary-password]");
        await shown.WaitForAsync();
        var temporary = await shown.GetAttributeAsync("data-temporary-password");
        Assert.False(string.IsNullOrEmpty(temporary));
        Assert.Contains("仮パスワード（未変更）", await row.InnerTextAsync(), StringComparison.Ordinal);

        // 木村 signs in with it in a browser of their own and must change it first; a weak one is refused in words (the
        // browser itself refuses one under the minimum length: the field says minlength).
        var (page, errors) = await browser.NewPageAsync(server);
        await SignInWithPasswordAsync(page, temporary!);
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/account/change-password", StringComparison.Ordinal));
        await page.Locator("#password").FillAsync("kimura-weak-pass");
        await page.Locator("#confirm").FillAsync("kimura-weak-pass");
        await page.Locator("form.account-form button[type='submit']").ClickAsync();
        await page.Locator("#password-errors").WaitForAsync();
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        Assert.Contains("数字", await page.Locator("#password-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("英大文字", await page.Locator("#password-errors").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#password").FillAsync(NewPassword);
        await page.Locator("#confirm").FillAsync(NewPassword);
        await page.Locator("form.account-form button[type='submit']").ClickAsync();

        // A planner must use an authenticator: the page shows the key; the code is computed here.
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/account/two-factor/setup", StringComparison.Ordinal));
        var key = await page.Locator(".totp-key").GetAttributeAsync("data-key");
        var totp = new Totp(Base32Encoding.ToBytes(key!));
        Assert.NotNull(await page.Locator(".totp-qr svg").ElementHandleAsync());
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        var enrolCode = totp.ComputeTotp();
        await page.Locator("#code").FillAsync(enrolCode);
        await page.Locator("form.account-form button[type='submit']").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/account/recovery-codes", StringComparison.Ordinal));
        var recovery = await page.Locator(".recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, recovery.Count);
        await page.Locator("form.account-form button[type='submit']").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(page, url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.Locator(".user-name", new() { HasText = "木村 一郎" }).WaitForAsync();

        // Signed out, then in again with password and code: the enrolment's code, just used, is refused.
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page, NewPassword);
        await BrowserFixture.WaitForUrlAsync(page, url => url.EndsWith("/account/two-factor", StringComparison.Ordinal));
        await EnterCodeAsync(page, enrolCode);
        Assert.Contains("すでに使われています", await page.Locator("#code-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        // The next code (computed here, after the app's number changes) signs in, and shows the last sign-in.
        var fresh = await NextCodeAsync(totp, enrolCode);
        await EnterCodeAsync(page, fresh);
        await BrowserFixture.WaitForUrlAsync(page, url => !url.Contains("/account/", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);
        // Working in the page reports activity (the idle time-out; every second on this server, every minute by default).
        var alive = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/alive", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.Keyboard.PressAsync("Shift");
        Assert.Equal(204, (await alive).Status);
        await page.Locator(".user-menu summary").ClickAsync();
        Assert.Contains("前回のサインイン", await page.Locator(".user-previous").InnerTextAsync(), StringComparison.Ordinal);

        // The same code again in a new sign-in: refused. A recovery code works once, and only once.
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page, NewPassword);
        await BrowserFixture.WaitForUrlAsync(page, url => url.EndsWith("/account/two-factor", StringComparison.Ordinal));
        await EnterCodeAsync(page, fresh);
        Assert.Contains("すでに使われています", await page.Locator("#code-error").InnerTextAsync(), StringComparison.Ordinal);
        await EnterCodeAsync(page, recovery[0]);
        await BrowserFixture.WaitForUrlAsync(page, url => !url.Contains("/account/", StringComparison.Ordinal));
        await SignOutAsync(page);
        await SignInWithPasswordAsync(page, NewPassword);
        await BrowserFixture.WaitForUrlAsync(page, url => url.EndsWith("/account/two-factor", StringComparison.Ordinal));
        await EnterCodeAsync(page, recovery[0]);
        Assert.Contains("確認コードが違います", await page.Locator("#code-error").InnerTextAsync(), StringComparison.Ordinal);

        // Three wrong passwords lock the account, with the time it opens again; the right password no longer helps.
        await page.GotoAsync("/account/login");
        for (var i = 0; i < 3; i++)
        {
            await SignInWithPasswordAsync(page, "Wrong-Password-99");
            await page.Locator("#signin-error").WaitForAsync();
        }

        Assert.Matches(@"\d{4}/\d{2}/\d{2} \d{2}:\d{2} までロックされています", await page.Locator("#signin-error").InnerTextAsync());
        await SignInWithPasswordAsync(page, NewPassword);
        Assert.Contains("ロックされています", await page.Locator("#signin-error").InnerTextAsync(), StringComparison.Ordinal);

        // The admin sees the lock and lifts it; the person signs in with password and a recovery code.
        await admin.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);
        await row.Locator("[data-locked]").WaitForAsync();
        await row.Locator("[data-action='unlock']").ClickAsync();
        await row.Locator("[data-locked]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // The sign-in log on the same page shows the unlock at once, without a reload.
        await admin.Locator($"tr[data-signin-event='Unlocked'][data-login='{Login}']").WaitForAsync();
        await SignInWithPasswordAsync(page, NewPassword);
        await BrowserFixture.WaitForUrlAsync(page, url => url.EndsWith("/account/two-factor", StringComparison.Ordinal));
        await EnterCodeAsync(page, recovery[1]);
        await BrowserFixture.WaitForUrlAsync(page, url => !url.Contains("/account/", StringComparison.Ordinal));

        // The sign-in log on the admin page lists what happened, by 木村's login.
        await admin.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(admin);
        await admin.Locator("input[data-field='signin-login']").FillAsync("kimura");
        await admin.Locator("[data-action='signin-log-show']").ClickAsync();
        await admin.Locator("tr[data-signin-event='Unlocked']").WaitForAsync();
        foreach (var kind in new[] { "TemporaryPassword", "PasswordChanged", "TwoFactorEnabled", "Success", "Failure", "Lockout", "RecoveryCodeUsed", "SignOut", "Unlocked", "RoleChanged" })
        {
            Assert.True(await admin.Locator($"tr[data-signin-event='{kind}']").CountAsync() > 0, $"no {kind} in the sign-in log");
        }

        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        Assert.True(adminErrors.Count == 0, string.Join("\n", adminErrors));
        Assert.True(errors.All(e => e.Contains("/account/", StringComparison.Ordinal) || e.Contains("favicon", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    private static async Task SignInWithPasswordAsync(IPage page, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/account/login");
        }

        await page.Locator("#login").FillAsync(Login);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form.account-form button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.Locator("#code").FillAsync(code);
        await page.Locator("form.account-form button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator(".user-menu summary").ClickAsync();
        await page.Locator("form.sign-out button").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/account/signed-out", StringComparison.Ordinal));
    }

    /// <summary>The authenticator's next code: waits (at most one 30-second step) until it differs from <paramref name="used"/>.</summary>
    private static async Task<string> NextCodeAsync(Totp totp, string used)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (totp.ComputeTotp() == used && clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(250);
        }

        return totp.ComputeTotp();
    }
}
