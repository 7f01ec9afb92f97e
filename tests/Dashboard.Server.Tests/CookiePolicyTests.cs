using Dashboard.Server.Features.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Server.Tests;

public class CookiePolicyTests
{
    [Theory]
    [InlineData("Production", CookieSecurePolicy.Always)]
    [InlineData("Staging", CookieSecurePolicy.Always)]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)] // http://localhost for the demo
    public void SessionCookieIsSecureOutsideDevelopment(string environment, CookieSecurePolicy expected)
    {
        var options = new CookieAuthenticationOptions();

        CookieSetup.Configure(options, new TestEnvironment(".") { EnvironmentName = environment });

        Assert.Equal(expected, options.Cookie.SecurePolicy);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, options.Cookie.SameSite);
    }

    [Theory]
    [InlineData("/entries", "/entries")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/entries?fy=2025&q=3", "/entries?fy=2025&q=3")]
    public void ReturnUrlStaysOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.LocalOrHome(returnUrl));
}
