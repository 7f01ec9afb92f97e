using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Server.Tests;

/// <summary>
/// The real app over a real SQLite file in a temp folder. Program migrates and seeds before it runs; the factory's
/// host starts only when Program calls Run, so every test sees a loaded database.
/// </summary>
public sealed class DashboardFactory(string connectionString, string seedFolder, bool samples = false, bool loopback = false) : WebApplicationFactory<Program>
{
    /// <summary>Services a test puts in place of the host's (e.g. the Windows scheme IIS would register).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>More app settings (e.g. Notifications:Mail:Host), set before <see cref="Start"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Another logger for the app (a test that reads what was logged).</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? Logs { get; init; }

    /// <summary>The app's clock; a FakeTimeProvider lets a test move time. Null keeps the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Starts the app; with loopback, on real Kestrel at 127.0.0.1 on a free port instead of the in-memory test server.</summary>
    public void Start()
    {
        if (loopback)
        {
            UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            StartServer();
            var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            ClientOptions.BaseAddress = new Uri(address);
        }
        else
        {
            _ = Server;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // Settings the app reads while it is being built (the ways to sign in, the password policy) must be host
        // settings too: app configuration added here arrives after that.
        // (The factory passes host settings on as command-line arguments, where a key with '=' in it, such as a
        // directory group's DN, would split: those go in as app configuration only.)
        // Tests move their clocks by hours and days: the idle time-out (30 minutes by default) would sign their clients
        // out. IdleTimeoutTests sets its own.
        builder.UseSetting("SignIn:IdleMinutes", "10080");
        foreach (var (key, value) in Settings.Where(s => !s.Key.Contains('=', StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }

        // App configuration, not UseSetting: host settings lose to appsettings.json.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = connectionString,
            ["Seed:Folder"] = seedFolder,
            ["Seed:LoadSampleFigures"] = samples ? "true" : "false",
            ["Backups:IntervalHours"] = "0", // the backup tests turn the schedule on
            ["SignIn:IdleMinutes"] = "10080",
        }).AddInMemoryCollection(Settings));
        if (Logs is { } logs)
        {
            builder.ConfigureServices(s => s.AddSingleton(logs));
        }

        if (TestServices is { } more)
        {
            builder.ConfigureTestServices(more);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext of the app.</summary>
    public async Task<T> WithDbAsync<T>(Func<DashboardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DashboardDbContext>());
    }

    /// <summary>Runs the start-up load again, as a second start of the app would.</summary>
    public async Task LoadSeedAgainAsync(bool samples)
    {
        await using var scope = Services.CreateAsyncScope();
        var loader = ActivatorUtilities.CreateInstance<SeedLoader>(scope.ServiceProvider,
            Microsoft.Extensions.Options.Options.Create(new SeedOptions { Folder = seedFolder, LoadSampleFigures = samples }));
        await loader.LoadAsync();
    }

    /// <summary>Demo users loaded from seed-data/demo-users.json (local sign-in in Development).</summary>
    public static class Demo
    {
        public const string StaffKikaku = "tanaka@demo.local";
        public const string StaffKaikei = "sato@demo.local";
        public const string StaffTwoDepartments = "yamamoto@demo.local";
        public const string Committee = "suzuki@demo.local";
        public const string Planner = "takahashi@demo.local";
        public const string Admin = "ito@demo.local";
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="login"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string login)
    {
        var client = loopback
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = ClientOptions.BaseAddress }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {login} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        // As the app's own pages do: every write carries the antiforgery token issued to the signed-in person.
        client.DefaultRequestHeaders.Add(Dashboard.Shared.Auth.RequestForgery.HeaderName, await AntiforgeryTokenAsync(client));
        return client;
    }

    /// <summary>The token the sign-in page puts in its form, with its cookie now in the client.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/account/login");
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!match.Success)
        {
            match = System.Text.RegularExpressions.Regex.Match(html, "type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        }

        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the sign-in page:\n" + html);
    }

    public Task<int> CountAsync<T>()
        where T : class =>
        WithDbAsync(db => db.Set<T>().CountAsync());
}
