using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Dashboard.Server.Tests;

/// <summary>
/// Local accounts and the sign-in log (issue 23) over real HTTP on loopback and a real SQLite file: every event a
/// city's policy asks to keep (success, failure with its reason, lockout, password change, second-factor change, role
/// change) is in the log with time, person and address, and the CSV opens in Excel (UTF-8 BOM).
/// </summary>
public sealed class SignInLogTests : AppTestBase
{
    private const string Good = "Tanaka-Pass-2026";
    private const string Better = "Tanaka-Pass-2027";

    protected override bool Loopback => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SignIn:LocalAccounts"] = "true",
        ["SignIn:Lockout:MaxFailures"] = "3",
        ["SignIn:Password:RememberLast"] = "2",
    };

    [Fact]
    public async Task EveryEventOfALocalAccountIsLoggedWithPersonTimeAndAddressAndTheCsvOpensInExcel()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var tanaka = await IdOfAsync(DashboardFactory.Demo.StaffKikaku);
        var issued = await admin.PostAsync($"/api/admin/users/{tanaka}/temporary-password", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var temporary = (await issued.Content.ReadFromJsonAsync<TemporaryPasswordDto>())!.Password;

        var person = NewClient();
        // A wrong password: back to the form with the reason; the log says why.
        Assert.Contains("error=wrong", await SignInAsync(person, "not-the-password"), StringComparison.Ordinal);
        // The temporary password works and leads to the change first; the temporary one itself is refused as new.
        Assert.Equal("/account/change-password", await SignInAsync(person, temporary));
        Assert.Contains("PasswordReused", await PostFormAsync(person, "/account/change-password", new() { ["password"] = temporary, ["confirm"] = temporary }),
            StringComparison.Ordinal);
        Assert.Contains("error=policy", await PostFormAsync(person, "/account/change-password", new() { ["password"] = "short", ["confirm"] = "short" }),
            StringComparison.Ordinal);
        // Typed with the input method on: one full-width letter in an otherwise good password is refused with that reason.
        const string wide = "Goshogawara-2026Ｘ";
        var refused = await PostFormAsync(person, "/account/change-password", new() { ["password"] = wide, ["confirm"] = wide });
        Assert.Contains("codes=PasswordFullWidth", refused, StringComparison.Ordinal);
        Assert.Contains("全角の英字・数字・空白が入っています", System.Net.WebUtility.HtmlDecode(await person.GetStringAsync(refused)), StringComparison.Ordinal);
        Assert.Equal("/", await PostFormAsync(person, "/account/change-password", new() { ["password"] = Good, ["confirm"] = Good }));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/me")).StatusCode);

        // Signed in, tanaka enrols an authenticator (optional for section staff); the code is computed with Otp.NET.
        var setup = await person.GetStringAsync("/account/two-factor/setup");
        var key = System.Text.RegularExpressions.Regex.Match(setup, "data-key=\"([A-Z2-7]+)\"").Groups[1].Value;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        Assert.Equal("/account/recovery-codes", await PostFormAsync(person, "/account/two-factor/setup", new() { ["code"] = totp.ComputeTotp() }));
        var codes = System.Text.RegularExpressions.Regex.Matches(await person.GetStringAsync("/account/recovery-codes"), "<li><code>([^<]+)</code></li>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        await PostFormAsync(person, "/account/continue", []);

        // A change of one's own password: the current one first; the last ones are refused again; a sign-in elsewhere
        // with the old password ends, this one stays.
        var elsewhere = NewClient();
        Assert.Equal("/account/two-factor", await SignInAsync(elsewhere, Good));
        Assert.Equal("/", await PostFormAsync(elsewhere, "/account/two-factor", new() { ["code"] = codes[1] }));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/me")).StatusCode);
        Assert.Contains("error=current", await PostFormAsync(person, "/account/change-password", new() { ["current"] = "wrong", ["password"] = Better, ["confirm"] = Better }),
            StringComparison.Ordinal);
        Assert.StartsWith("/account/security", await PostFormAsync(person, "/account/change-password", new() { ["current"] = Good, ["password"] = Better, ["confirm"] = Better }),
            StringComparison.Ordinal);
        Assert.Contains("PasswordReused", await PostFormAsync(person, "/account/change-password", new() { ["current"] = Better, ["password"] = Good, ["confirm"] = Good }),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/me")).StatusCode);
        await PostFormAsync(person, "/account/logout", []);

        // With the authenticator on, a recovery code signs in in place of the app's code.
        var again = NewClient();
        Assert.Equal("/account/two-factor", await SignInAsync(again, Better));
        Assert.Equal("/", await PostFormAsync(again, "/account/two-factor", new() { ["code"] = codes[0] }));

        // Three wrong passwords lock; the answer says until when; the admin unlocks.
        var stranger = NewClient();
        await SignInAsync(stranger, "wrong-1");
        await SignInAsync(stranger, "wrong-2");
        var locked = await SignInAsync(stranger, "wrong-3");
        Assert.Contains("error=locked", locked, StringComparison.Ordinal);
        Assert.Contains("until=", locked, StringComparison.Ordinal);
        Assert.Contains("error=locked", await SignInAsync(stranger, Better), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{tanaka}/unlock", null)).StatusCode);
        Assert.Equal("/account/two-factor", await SignInAsync(stranger, Better));

        // The admin removes the authenticator (a lost phone) and moves tanaka to another department: both logged.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{tanaka}/reset-two-factor", null)).StatusCode);
        var overview = (await admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!;
        var row = overview.Users.Single(u => u.Id == tanaka);
        Assert.True(overview.LocalAccounts);
        Assert.Contains("Local", row.SignIn!.Methods);
        Assert.False(row.SignIn.TwoFactor);
        Assert.NotNull(row.SignIn.LastSignInUtc);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/admin/users/{tanaka}",
            new SaveUserRequest(row.LoginName, row.DisplayName, AppRoles.SectionStaff, ["kikaku", "kaikei"], true))).StatusCode);

        // The log: every kind, with tanaka's id and name, the loopback address, and the admin where they acted.
        var log = (await admin.GetFromJsonAsync<SignInLogDto>("/api/admin/signin-log?login=tanaka"))!;
        var kinds = log.Events.Select(e => e.Kind).ToHashSet();
        foreach (var kind in new[]
        {
            SignInEventKinds.TemporaryPassword, SignInEventKinds.Failure, SignInEventKinds.Success, SignInEventKinds.PasswordChanged, SignInEventKinds.TwoFactorEnabled,
            SignInEventKinds.SignOut, SignInEventKinds.RecoveryCodeUsed, SignInEventKinds.Lockout, SignInEventKinds.Unlocked, SignInEventKinds.TwoFactorReset,
            SignInEventKinds.RoleChanged,
        })
        {
            Assert.Contains(kind, kinds);
        }

        Assert.All(log.Events, e => Assert.Equal("127.0.0.1", e.Address));
        Assert.Contains(log.Events, e => e.Kind == SignInEventKinds.Failure && e.Detail == "パスワードが違う");
        Assert.Contains(log.Events, e => e.Kind == SignInEventKinds.Unlocked && e.Actor == DashboardFactory.Demo.Admin);
        Assert.Contains(log.Events, e => e.Kind == SignInEventKinds.RoleChanged && e.Detail!.EndsWith("→ 各課の担当者 / 会計課、企画課（DX推進担当）", StringComparison.Ordinal));
        Assert.All(log.Events, e => Assert.Contains("田中", e.DisplayName!, StringComparison.Ordinal));
        Assert.Equal(log.Events.OrderByDescending(e => e.AtUtc).Select(e => e.AtUtc), log.Events.Select(e => e.AtUtc));
        var failures = (await admin.GetFromJsonAsync<SignInLogDto>("/api/admin/signin-log?login=tanaka&kind=Failure"))!;
        Assert.All(failures.Events, e => Assert.Equal(SignInEventKinds.Failure, e.Kind));
        Assert.Equal(3, failures.Total); // the first wrong password and two more; the third locked and is a lockout, like the try while locked
        Assert.Equal(2, log.Events.Count(e => e.Kind == SignInEventKinds.Lockout));

        // The CSV: a BOM, a Japanese header, CRLF lines, one per event of the selection.
        var csv = await admin.GetByteArrayAsync("/api/admin/signin-log.csv?login=tanaka");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("日時（日本時間）,ログインID,氏名", lines[0], StringComparison.Ordinal);
        Assert.Equal(log.Total + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"ロック\"", StringComparison.Ordinal) && l.Contains("\"127.0.0.1\"", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));

        // Section staff may not read the log.
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/admin/signin-log.csv")).StatusCode);
    }

    [Fact]
    public async Task ARoleThatNeedsAnAuthenticatorEndsASignInMadeWithAPasswordAloneAndTheNextAsksToEnrol()
    {
        // 田中 (section staff: no authenticator needed) is signed in with a password alone.
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var tanaka = await IdOfAsync(DashboardFactory.Demo.StaffKikaku);
        var temporary = (await (await admin.PostAsync($"/api/admin/users/{tanaka}/temporary-password", null)).Content.ReadFromJsonAsync<TemporaryPasswordDto>())!.Password;
        var person = NewClient();
        Assert.Equal("/account/change-password", await SignInAsync(person, temporary));
        Assert.Equal("/", await PostFormAsync(person, "/account/change-password", new() { ["password"] = Good, ["confirm"] = Good }));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/me")).StatusCode);

        // The admin makes 田中 a planner too (SignIn:TwoFactorRequiredFor: Planner, Admin): that sign-in ends at once,
        // rather than letting the planner's role be used without the authenticator the city's policy asks for.
        var me = (await admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Single(u => u.Id == tanaka);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/admin/users/{tanaka}",
            new SaveUserRequest(me.LoginName, me.DisplayName, me.Roles | AppRoles.Planner, me.DepartmentCodes, true))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
        var again = NewClient();
        Assert.Equal("/account/two-factor/setup", await SignInAsync(again, Good));
        var log = (await admin.GetFromJsonAsync<SignInLogDto>("/api/admin/signin-log?login=tanaka&kind=SignOut"))!;
        Assert.Contains(log.Events, e => e.Detail!.StartsWith("認証アプリが必要な役割が加わったため", StringComparison.Ordinal) && e.Actor == DashboardFactory.Demo.Admin);

        // Enrolled, the planner works; when the admin removes the authenticator (a lost phone), that sign-in ends too.
        var key = System.Text.RegularExpressions.Regex.Match(await again.GetStringAsync("/account/two-factor/setup"), "data-key=\"([A-Z2-7]+)\"").Groups[1].Value;
        Assert.Equal("/account/recovery-codes", await PostFormAsync(again, "/account/two-factor/setup", new() { ["code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() }));
        await PostFormAsync(again, "/account/continue", []);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{tanaka}/reset-two-factor", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AFormulaInALoggedNameIsDefusedInTheCsv()
    {
        var client = NewClient();
        await PostFormAsync(client, "/account/password-signin", new() { ["login"] = "=HYPERLINK(\"http://x\")", ["password"] = "x", ["returnUrl"] = "/" });

        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var text = Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/api/admin/signin-log.csv"));

        Assert.Contains("\"'=hyperlink(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldLinesArePrunedAfterTheRetention()
    {
        await App.WithDbAsync(async db =>
        {
            db.SignInLog.Add(new SignInEvent { AtUtc = DateTime.UtcNow.AddDays(-2000), Kind = SignInEventKinds.Success, Method = "Local", LoginName = "old@city.local" });
            return await db.SaveChangesAsync();
        });
        var log = App.Services.GetRequiredService<Dashboard.Server.Features.Auth.SignInLog>();

        await log.WriteAsync(SignInEventKinds.Failure, "Local", "new@city.local", null, "127.0.0.1");

        Assert.False(await App.WithDbAsync(db => db.SignInLog.AnyAsync(e => e.LoginName == "old@city.local")));
    }

    private Task<int> IdOfAsync(string login) => App.WithDbAsync(db => db.Users.Where(u => u.LoginName == login).Select(u => u.Id).SingleAsync());

    private HttpClient NewClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = App.ClientOptions.BaseAddress };

    private static Task<string> SignInAsync(HttpClient client, string password) =>
        PostFormAsync(client, "/account/password-signin", new() { ["login"] = DashboardFactory.Demo.StaffKikaku, ["password"] = password, ["returnUrl"] = "/" });

    /// <summary>Posts a form with the antiforgery token, as the page does; returns where the answer redirects.</summary>
    private static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
