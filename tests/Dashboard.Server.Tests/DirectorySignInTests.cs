using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Features.Auth;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>One real directory for the class: slapd with its throw-away tree.</summary>
public sealed class DirectoryFixture : IAsyncLifetime
{
    public Slapd Directory { get; } = new();

    public Task InitializeAsync() => Directory.InitializeAsync();

    public Task DisposeAsync() => Directory.DisposeAsync();
}

/// <summary>
/// Active Directory sign-in (issue 23) against a real LDAP server (slapd over LDAPS and StartTLS with its own CA): the
/// password is checked by a bind, the groups give roles and departments, a person in no mapped group gets the
/// 利用登録がまだです page, and a wrong password, a stopped directory and plain LDAP each get their answer. Local
/// accounts stay on beside it, so the break-glass admin signs in while the directory is down.
/// </summary>
[Collection(DirectoryCollection.Name)]
public sealed class DirectorySignInTests(DirectoryFixture fixture) : AppTestBase
{
    private Slapd Directory => fixture.Directory;

    protected override bool Loopback => true;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(Directory.Settings()) { ["SignIn:LocalAccounts"] = "true" };

    [Theory]
    [InlineData("Ldaps")]
    [InlineData("StartTls")]
    public async Task AMemberOfTheMappedGroupsGetsTheirRolesAndDepartments(string security)
    {
        await using var app = StartWith(Directory.Settings(security));
        var client = NewClient(app);

        var landed = await SignInAsync(client, "nakamura", Slapd.Password);
        Assert.True(landed == "/", $"{landed}: {string.Join(" | ", await app.WithDbAsync(db => db.SignInLog.Select(e => e.Detail).ToListAsync()))}");

        var me = (await client.GetFromJsonAsync<MeDto>("/api/me"))!;
        Assert.Equal(AppRoles.SectionStaff, me.Roles);
        Assert.Equal(["kaikei", "kikaku"], me.DepartmentCodes.Order(StringComparer.Ordinal));
        Assert.Equal("中村 三郎", me.DisplayName);
        // 中村 may enter 企画課's figures (a department scope from the groups), and is kept as a person in our database.
        var user = await app.WithDbAsync(db => db.Users.Include(u => u.Departments).SingleAsync(u => u.LoginName == "nakamura"));
        Assert.Equal(AppRoles.SectionStaff, user.Roles);
        Assert.Equal("nakamura@city.example", user.Email); // the directory's mail attribute: where 中村's notices go
        var log = await app.WithDbAsync(db => db.SignInLog.Where(e => e.LoginName == "nakamura").ToListAsync());
        Assert.Contains(log, e => e.Kind == SignInEventKinds.Success && e.Method == "Ldap" && e.Address == "127.0.0.1");
        Assert.Contains(log, e => e.Kind == SignInEventKinds.RoleChanged);
    }

    [Fact]
    public async Task TheWindowsFormOfTheNameSignsInTheSamePerson()
    {
        // 「CITY\nakamura」 as typed at a Windows sign-in: the same person as 「nakamura」, not a second one.
        Assert.Equal("/", await SignInAsync(NewClient(App), "nakamura", Slapd.Password));
        Assert.Equal("/", await SignInAsync(NewClient(App), @"CITY\Nakamura", Slapd.Password));
        Assert.Equal(["nakamura"], await App.WithDbAsync(db => db.Users.Where(u => u.LoginName.Contains("nakamura")).Select(u => u.LoginName).ToListAsync()));
    }

    [Theory]
    [InlineData(@"CITY\yamada", "{0}@city.local", "yamada")]
    [InlineData("Yamada@City.Local", "{0}@city.local", "yamada")]
    [InlineData("yamada@other.example", "{0}@city.local", "yamada@other.example")]
    [InlineData("yamada@city.local", "{0}", "yamada@city.local")]
    [InlineData("yamada@city.local", "uid={0},ou=people,dc=city,dc=local", "yamada@city.local")]
    [InlineData(" yamada ", "{0}@city.local", "yamada")]
    public void ANameIsTakenInTheFormTheBindAdds(string typed, string bindNameFormat, string expected) =>
        Assert.Equal(expected, LdapDirectory.Normalize(typed, new LdapOptions { BindNameFormat = bindNameFormat }));

    [Fact]
    public async Task APlannerByGroupDnIsAPlannerAndAChangedGroupChangesTheRoleAtTheNextSignIn()
    {
        var client = NewClient(App);
        Assert.Equal("/", await SignInAsync(client, "kobayashi", Slapd.Password));
        Assert.Equal(AppRoles.Planner, (await client.GetFromJsonAsync<MeDto>("/api/me"))!.Roles);

        // The admin's roles for a directory person are overwritten by the groups at the next sign-in.
        await App.WithDbAsync(db => db.Users.Where(u => u.LoginName == "kobayashi").ExecuteUpdateAsync(s => s.SetProperty(u => u.Roles, AppRoles.Admin)));
        var again = NewClient(App);
        Assert.Equal("/", await SignInAsync(again, "kobayashi", Slapd.Password));
        Assert.Equal(AppRoles.Planner, (await again.GetFromJsonAsync<MeDto>("/api/me"))!.Roles);
    }

    [Fact]
    public async Task AWrongPasswordAPersonInNoGroupAndAnEmptyPasswordEachGetTheirAnswer()
    {
        var client = NewClient(App);

        Assert.Contains("error=wrong", await SignInAsync(client, "nakamura", "not-the-password"), StringComparison.Ordinal);
        Assert.Equal("/account/no-access", await SignInAsync(client, "kato", Slapd.Password));
        // An empty password would be an anonymous bind, which the directory accepts: never a sign-in.
        Assert.Contains("error=empty", await SignInAsync(client, "nakamura", ""), StringComparison.Ordinal);
        // A filter in the name does not widen the search.
        Assert.Contains("error=wrong", await SignInAsync(client, "*", Slapd.Password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var log = await App.WithDbAsync(db => db.SignInLog.Where(e => e.Kind == SignInEventKinds.Failure).ToListAsync());
        Assert.Contains(log, e => e.LoginName == "nakamura" && e.Detail == "ディレクトリでパスワードが違う");
        Assert.Contains(log, e => e.LoginName == "kato" && e.Detail == "対応づけたグループに入っていない");
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.LoginName == "kato")));
    }

    [Fact]
    public async Task AStoppedDirectorySaysSoAndTheBreakGlassAdminStillSignsInLocally()
    {
        // The break-glass admin: a local account, issued here as the operator would (README).
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var ito = await App.WithDbAsync(db => db.Users.Where(u => u.LoginName == DashboardFactory.Demo.Admin).Select(u => u.Id).SingleAsync());
        var temporary = (await (await admin.PostAsync($"/api/admin/users/{ito}/temporary-password", null)).Content.ReadFromJsonAsync<TemporaryPasswordDto>())!.Password;

        await Directory.StopAsync();
        try
        {
            var client = NewClient(App);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.Contains("error=directory", await SignInAsync(client, "nakamura", Slapd.Password), StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the answer took {clock.Elapsed}");
            Assert.Contains(await App.WithDbAsync(db => db.SignInLog.Where(e => e.LoginName == "nakamura").Select(e => e.Detail).ToListAsync()),
                d => d!.StartsWith("ディレクトリに接続できない", StringComparison.Ordinal));

            // The directory is never asked for a local account: the admin goes on to change the temporary password.
            Assert.Equal("/account/change-password", await SignInAsync(client, DashboardFactory.Demo.Admin, temporary));
        }
        finally
        {
            await Directory.StartAsync();
        }
    }

    [Theory]
    [InlineData("Ldaps")]
    [InlineData("StartTls")]
    public async Task ADirectoryWhoseCertificateIsNotTrustedIsNotSentThePassword(string security)
    {
        var settings = Directory.Settings(security);
        settings["SignIn:Ldap:TrustedCertificatesDirectory"] = Temp.Path; // a folder without the directory's CA
        await using var app = StartWith(settings);

        Assert.Contains("error=directory", await SignInAsync(NewClient(app), "nakamura", Slapd.Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainLdapAllowedExplicitlySendsTheBindInClearAndTheServerRequiringTlsRefusesIt()
    {
        // The test directory refuses a password bind without TLS: with plain LDAP allowed, the app says the directory
        // cannot be used rather than signing anyone in, which shows the other tests' binds did go over TLS.
        var settings = Directory.Settings("None");
        settings["SignIn:Ldap:AllowPlainLdap"] = "true";
        await using var app = StartWith(settings);

        Assert.Contains("error=directory", await SignInAsync(NewClient(app), "nakamura", Slapd.Password), StringComparison.Ordinal);
    }

    [Fact]
    public void PlainLdapIsRefusedUnlessAllowedAndUnknownRolesAreNamed()
    {
        var plain = new LdapOptions { Host = "dc.city.local", Security = "None" };
        Assert.Contains("AllowPlainLdap", LdapDirectory.Problem(plain), StringComparison.Ordinal);
        plain.AllowPlainLdap = true;
        Assert.Null(LdapDirectory.Problem(plain));
        var unknown = new LdapOptions { Host = "dc.city.local", GroupRoles = { ["g"] = "Mayor" } };
        Assert.Contains("Mayor", LdapDirectory.Problem(unknown), StringComparison.Ordinal);

        Assert.Equal(@"a\2a\28\29\5c", LdapDirectory.EscapeFilter(@"a*()\"));
        Assert.Equal(@"\#a\,b\+c\=d\\", LdapDirectory.EscapeDn(@"#a,b+c=d\"));
    }

    [Fact]
    public async Task TheAppRefusesToStartWithPlainLdapNotAllowed()
    {
        var settings = Directory.Settings();
        settings["SignIn:Ldap:Security"] = "None";
        settings["SignIn:Ldap:Port"] = Directory.LdapPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.ThrowsAny<Exception>(() => StartWith(settings));
        Assert.Contains("AllowPlainLdap", error.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private readonly List<TempFolder> _folders = [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folders.ForEach(f => f.Dispose());
    }

    private DashboardFactory StartWith(Dictionary<string, string?> settings)
    {
        var temp = new TempFolder();
        _folders.Add(temp);
        var app = new DashboardFactory(temp.ConnectionString, RepoPaths.SeedData, loopback: true);
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        app.Start();
        return app;
    }

    private static HttpClient NewClient(DashboardFactory app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = app.ClientOptions.BaseAddress };

    private static async Task<string> SignInAsync(HttpClient client, string login, string password)
    {
        var response = await client.PostAsync("/account/password-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = await DashboardFactory.AntiforgeryTokenAsync(client),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}

[CollectionDefinition(Name)]
public sealed class DirectoryCollection : ICollectionFixture<DirectoryFixture>
{
    public const string Name = "directory";
}
