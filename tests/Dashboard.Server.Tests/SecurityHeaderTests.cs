using Dashboard.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

public sealed class SecurityHeaderTests : AppTestBase
{
    [Theory]
    [InlineData("/account/login")]          // a page
    [InlineData("/api/me")]                 // an API response (401 here: headers go on errors too)
    [InlineData("/app.css")]                // a static file
    [InlineData("/_framework/blazor.web.js")]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders(string path)
    {
        var response = await App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval'", csp.Replace("wasm-unsafe-eval'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task DataProtectionKeysAreKeptInTheDatabase()
    {
        // Signing in protects the cookie with a key; with several instances they must all read it from the database.
        await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        Assert.True(await App.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task ASecondInstanceOnTheSameDatabaseAcceptsTheFirstOnesSession()
    {
        var sessionCookie = await SignInCapturingCookieAsync(App, DashboardFactory.Demo.Committee);
        await using var second = new DashboardFactory(Temp.ConnectionString, RepoPaths.SeedData);
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        other.DefaultRequestHeaders.Add("Cookie", sessionCookie);

        var response = await other.GetAsync("/api/me");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> SignInCapturingCookieAsync(DashboardFactory app, string login)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token) }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(request);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("dx-dashboard", StringComparison.Ordinal)));
    }
}
