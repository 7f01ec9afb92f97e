using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Tests;

/// <summary>
/// Windows Integrated Authentication (issue 23) over a real SQLite file. IIS and HTTP.sys exist on Windows only, so the
/// host's "Windows" scheme is stood in for by a handler that yields the principal those hosts yield after the
/// Negotiate handshake (a Negotiate identity named DOMAIN\user with its group SIDs) and answers 401 Negotiate when no
/// credentials came. Everything after it is the app's own: reading the groups, the mapping, the user record, the
/// cookie, the sign-in log. The handshake itself is the host's and is not tested here.
/// </summary>
public sealed class WindowsSignInTests : IAsyncLifetime
{
    private const string PlannersSid = "S-1-5-21-1004336348-1177238915-682003330-1105";
    private const string KikakuSid = "S-1-5-21-1004336348-1177238915-682003330-1201";
    private const string UsersSid = "S-1-5-21-1004336348-1177238915-682003330-513";
    private readonly TempFolder _temp = new();
    private DashboardFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = Start(standIn: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    private DashboardFactory Start(bool standIn, bool enabled = true)
    {
        var app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData)
        {
            TestServices = standIn ? s => s.AddAuthentication().AddScheme<AuthenticationSchemeOptions, WindowsHostStandIn>(WindowsSignIn.Scheme, null) : null,
        };
        app.Settings["SignIn:Windows:Enabled"] = enabled ? "true" : "false";
        app.Settings[$"SignIn:Ldap:GroupRoles:{PlannersSid}"] = "Planner";
        app.Settings[$"SignIn:Ldap:GroupRoles:{KikakuSid}"] = "SectionStaff";
        app.Settings[$"SignIn:Ldap:GroupDepartments:{KikakuSid}"] = "kikaku";
        app.Start();
        return app;
    }

    private HttpClient Browser(string? user, params string[] groupSids)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(WindowsHostStandIn.UserHeader, user);
            client.DefaultRequestHeaders.Add(WindowsHostStandIn.GroupsHeader, string.Join(",", groupSids));
        }

        return client;
    }

    [Fact]
    public async Task AMemberOfTheMappedGroupsIsSignedInWithoutAFormWithTheirRolesAndDepartment()
    {
        using var browser = Browser(@"CITY\Kobayashi", UsersSid, PlannersSid, KikakuSid);

        using var response = await browser.GetAsync("/account/windows?returnUrl=%2Freview");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/review", response.Headers.Location?.OriginalString);
        var user = await _app.WithDbAsync(db => db.Users.Include(u => u.Departments).SingleAsync(u => u.LoginName == "kobayashi"));
        Assert.Equal((AppRoles.Planner | AppRoles.SectionStaff, "kikaku"), (user.Roles, user.Departments.Single().Code));
        using var review = await browser.GetAsync("/api/review/board");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode); // the cookie carries the planner's role
        var logged = await _app.WithDbAsync(db => db.SignInLog.Where(e => e.LoginName == "kobayashi").Select(e => new { e.Kind, e.Method }).ToListAsync());
        Assert.Contains(logged, e => e.Kind == SignInEventKinds.Success && e.Method == WindowsSignIn.Method);
    }

    [Fact]
    public async Task SomeoneInNoMappedGroupGetsTheNotRegisteredPageAndNoAccount()
    {
        using var browser = Browser(@"CITY\Outsider", UsersSid);

        using var response = await browser.GetAsync("/account/windows?returnUrl=%2F");

        Assert.Equal(EntraSetup.NoAccessPath, response.Headers.Location?.OriginalString);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.LoginName == "outsider")));
        Assert.Contains(await _app.WithDbAsync(db => db.SignInLog.Where(e => e.LoginName == "outsider").Select(e => e.Detail).ToListAsync()),
            r => r != null && r.Contains("グループ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutWindowsCredentialsTheHostIsAskedToNegotiate()
    {
        using var browser = Browser(null);

        using var response = await browser.GetAsync("/account/windows");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Negotiate", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
    }

    [Fact]
    public async Task NotHostedOnIisOrHttpSysTheFormSaysSoAndTheLoginPageOffersTheButtonOnlyWhenOn()
    {
        await _app.DisposeAsync();
        _app = Start(standIn: false);
        using var browser = Browser(null);

        using var response = await browser.GetAsync("/account/windows?returnUrl=%2F");
        Assert.StartsWith("/account/login?error=windows", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Windows のサインインを使えません", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"windows-signin\"", page, StringComparison.Ordinal);

        await _app.DisposeAsync();
        _app = Start(standIn: true, enabled: false);
        using var off = Browser(@"CITY\Kobayashi", PlannersSid);
        Assert.StartsWith("/account/login?error=unused", (await off.GetAsync("/account/windows")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("windows-signin", await off.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionStartsWithWindowsSignInAsItsOnlyWay()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SignIn:Windows:Enabled"] = "true" }).Build();
        var mode = AuthMode.From(configuration, new ProductionEnvironment());
        Assert.Equal((true, false, false), (mode.UsesWindows, mode.UsesDemo, mode.UsesPasswordForm));
    }

    private sealed class ProductionEnvironment : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Dashboard.Server";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string WebRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    /// <summary>What IIS or HTTP.sys hand the app after Negotiate: a Windows identity with its group SIDs; 401 Negotiate otherwise.</summary>
    private sealed class WindowsHostStandIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string UserHeader = "X-Test-Windows-User";
        public const string GroupsHeader = "X-Test-Windows-Groups";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity("Negotiate", ClaimTypes.Name, ClaimTypes.GroupSid);
            identity.AddClaim(new Claim(ClaimTypes.Name, user.ToString()));
            foreach (var sid in Request.Headers[GroupsHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                identity.AddClaim(new Claim(ClaimTypes.GroupSid, sid));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Negotiate";
            return Task.CompletedTask;
        }
    }
}
