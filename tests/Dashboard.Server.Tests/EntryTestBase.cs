using System.Net.Http.Json;
using Dashboard.Shared.Entries;

namespace Dashboard.Server.Tests;

/// <summary>A fresh app per test class instance with a real SQLite file; FY2025 Q4 is the plan's last quarter.</summary>
public abstract class EntryTestBase : IAsyncLifetime
{
    protected const int Year = 2025;
    protected const int Q = 4;
    private readonly TempFolder _temp = new();

    protected DashboardFactory App { get; private set; } = default!;

    /// <summary>Serve over real loopback HTTP (Kestrel) instead of the in-memory test server.</summary>
    protected virtual bool Loopback => false;

    public virtual Task InitializeAsync()
    {
        App = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData, loopback: Loopback);
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _temp.Dispose();
    }

    protected static SaveEntryRequest Draft(string? value, Guid? version = null, string? done = null, string? check = null, string? act = null, bool submit = false) =>
        new(value, null, null, done, check, act, null, version, submit);

    protected static Task<HttpResponseMessage> PutAsync(HttpClient client, string kpi, SaveEntryRequest request, int year = Year, int quarter = Q) =>
        client.PutAsJsonAsync($"/api/entries/{kpi}/{year}/{quarter}", request);

    protected static async Task<EntryDto> GetAsync(HttpClient client, string kpi, int year = Year, int quarter = Q) =>
        (await client.GetFromJsonAsync<EntryDto>($"/api/entries/{kpi}/{year}/{quarter}"))!;

    protected Task<int> EntryCountAsync() => App.CountAsync<Dashboard.Server.Data.QuarterlyEntry>();
}
