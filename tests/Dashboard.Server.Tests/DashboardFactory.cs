using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Server.Tests;

/// <summary>
/// The real app over a real SQLite file in a temp folder. Program migrates and seeds before it runs; the factory's
/// host starts only when Program calls Run, so every test sees a loaded database.
/// </summary>
internal sealed class DashboardFactory(string connectionString, string seedFolder, bool samples = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // App configuration, not UseSetting: host settings lose to appsettings.json.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = connectionString,
            ["Seed:Folder"] = seedFolder,
            ["Seed:LoadSampleFigures"] = samples ? "true" : "false",
        }));
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

    public Task<int> CountAsync<T>()
        where T : class =>
        WithDbAsync(db => db.Set<T>().CountAsync());
}
