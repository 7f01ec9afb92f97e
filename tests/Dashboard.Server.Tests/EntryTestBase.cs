using System.Net.Http.Json;
using Dashboard.Shared.Entries;

namespace Dashboard.Server.Tests;

/// <summary>Helpers for entry tests; FY2025 Q4 is the plan's last quarter.</summary>
public abstract class EntryTestBase : AppTestBase
{
    protected const int Year = 2025;
    protected const int Q = 4;

    protected static SaveEntryRequest Draft(string? value, Guid? version = null, string? done = null, string? check = null, string? act = null, bool submit = false) =>
        new(value, null, null, done, check, act, null, version, submit);

    protected static Task<HttpResponseMessage> PutAsync(HttpClient client, string kpi, SaveEntryRequest request, int year = Year, int quarter = Q) =>
        client.PutAsJsonAsync($"/api/entries/{kpi}/{year}/{quarter}", request);

    protected static async Task<EntryDto> GetAsync(HttpClient client, string kpi, int year = Year, int quarter = Q) =>
        (await client.GetFromJsonAsync<EntryDto>($"/api/entries/{kpi}/{year}/{quarter}"))!;

    protected Task<int> EntryCountAsync() => App.CountAsync<Dashboard.Server.Data.QuarterlyEntry>();
}
