using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>200 saves at once over loopback HTTP into one SQLite file: each is stored or conflicted, none lost, none half-done.</summary>
public sealed class ConcurrentSubmissionTests : EntryTestBase
{
    protected override bool Loopback => true;

    private static readonly string[] _kpis = ["I01-K1", "I01-K2", "I02-K1", "I02-K5", "I03-K1", "I04-K1", "I05-K1", "I06-K1", "I09-K1", "I11-K1"];

    [Fact]
    public async Task TwoHundredConcurrentSavesAreEachStoredOrConflicted()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.SignedInClientAsync(DashboardFactory.Demo.Admin)));
        Assert.Equal("127.0.0.1", clients[0].BaseAddress!.Host); // real HTTP over loopback, not the in-memory server

        // Round 1: 20 people create each KPI's entry at once; round 2: 20 people update it from the same version.
        var created = await RoundAsync(clients, "作成", _ => null);
        var versions = new Dictionary<string, Guid?>();
        foreach (var kpi in _kpis)
        {
            versions[kpi] = (await GetAsync(clients[0], kpi)).Version;
        }

        var updated = await RoundAsync(clients, "更新", kpi => versions[kpi]);

        foreach (var results in new[] { created, updated })
        {
            Assert.Equal(200, results.Count);
            Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.Kpi}: {(int)r.Status}"));
            Assert.All(_kpis, kpi => Assert.True(results.Count(r => r.Kpi == kpi && r.Status == HttpStatusCode.OK) == 1,
                $"{kpi}: " + string.Join(", ", results.Where(r => r.Kpi == kpi && r.Status == HttpStatusCode.OK).Select(r => r.Done)) + (results == created ? " (create)" : " (update)")));
        }

        foreach (var kpi in _kpis)
        {
            var winner = updated.Single(r => r.Kpi == kpi && r.Status == HttpStatusCode.OK);
            Assert.Equal(winner.Done, (await GetAsync(clients[0], kpi)).Done);
        }

        // Each stored save changed Done (and, when created, State): exactly one audit row per stored change.
        var doneRows = await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "Entry" && a.Field == "Done"));
        Assert.Equal(created.Count(r => r.Status == HttpStatusCode.OK) + updated.Count(r => r.Status == HttpStatusCode.OK), doneRows);
        Assert.Equal(_kpis.Length, await EntryCountAsync());
    }

    private static async Task<List<(string Kpi, HttpStatusCode Status, string Done)>> RoundAsync(HttpClient[] clients, string round, Func<string, Guid?> version)
    {
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 200).Select(async i =>
        {
            var kpi = _kpis[i % _kpis.Length];
            var done = $"{round} {i}";
            await gate.WaitAsync();
            using var response = await PutAsync(clients[i % clients.Length], kpi, new SaveEntryRequest(null, null, null, done, null, null, null, version(kpi), false));
            return (kpi, response.StatusCode, done);
        }).ToList();
        gate.Release(200);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        return [.. await Task.WhenAll(tasks).WaitAsync(timeout.Token)];
    }
}
