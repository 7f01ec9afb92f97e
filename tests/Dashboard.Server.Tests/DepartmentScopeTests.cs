using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;

namespace Dashboard.Server.Tests;

/// <summary>Staff of 会計課 against 企画課's KPI I01-K1, whatever the request shape: 403 and nothing changed.</summary>
public sealed class DepartmentScopeTests : EntryTestBase
{
    [Fact]
    public async Task ADraftsHistoryIsReadOnlyByItsDepartmentTheReviewersAndTheAdmin()
    {
        var kikaku = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await PutAsync(kikaku, "I01-K1", Draft("150", done: "下書きの秘密のメモ"))).StatusCode);

        foreach (var outsider in new[] { DashboardFactory.Demo.StaffKaikei, DashboardFactory.Demo.Committee })
        {
            var response = await (await App.SignedInClientAsync(outsider)).GetAsync("/api/entries/I01-K1/history");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("秘密のメモ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var insider in new[] { DashboardFactory.Demo.StaffKikaku, DashboardFactory.Demo.Planner, DashboardFactory.Demo.Admin })
        {
            Assert.Contains("秘密のメモ", await (await App.SignedInClientAsync(insider)).GetStringAsync("/api/entries/I01-K1/history"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StaffCannotReadAnotherDepartmentsEntryForEdit()
    {
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        Assert.Equal(HttpStatusCode.Forbidden, (await kaikei.GetAsync($"/api/entries/I01-K1/{Year}/{Q}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kaikei.GetAsync($"/api/entries/I02-K5/{Year}/{Q}")).StatusCode);
    }

    [Fact]
    public async Task StaffCannotChangeAnotherDepartmentsEntryByRoute()
    {
        var kikaku = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var original = await (await PutAsync(kikaku, "I01-K1", Draft("150", done: "企画課の入力"))).Content.ReadFromJsonAsync<EntryDto>();
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        var response = await PutAsync(kaikei, "I01-K1", Draft("1", original!.Version, "会計課の上書き"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await GetAsync(kikaku, "I01-K1");
        Assert.Equal((150m, "企画課の入力", original.Version), (stored.Value, stored.Done, stored.Version));
    }

    [Fact]
    public async Task StaffCannotChangeAnotherDepartmentsEntryThroughTheBulkBody()
    {
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        var onlyOther = await kaikei.PostAsJsonAsync("/api/entries/bulk", new BulkSaveRequest(Year, Q, [new("I01-K1", Draft("1"))]));
        var mixed = await kaikei.PostAsJsonAsync("/api/entries/bulk", new BulkSaveRequest(Year, Q, [new("I02-K5", Draft("56")), new("I01-K1", Draft("1"))]));

        Assert.Equal(HttpStatusCode.Forbidden, onlyOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mixed.StatusCode);
        Assert.Equal(0, await EntryCountAsync()); // not even 会計課's own I02-K5 from the mixed request
    }

    [Fact]
    public async Task BulkSaveOfOwnKpisSavesAllOrNothing()
    {
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        var oneInvalid = await kaikei.PostAsJsonAsync("/api/entries/bulk", new BulkSaveRequest(Year, Q, [new("I02-K5", Draft("56")), new("I02-K4", Draft("3"))]));
        Assert.Equal(HttpStatusCode.BadRequest, oneInvalid.StatusCode);
        Assert.Equal(0, await EntryCountAsync());

        var valid = await kaikei.PostAsJsonAsync("/api/entries/bulk", new BulkSaveRequest(Year, Q, [new("I02-K5", Draft("56")), new("I02-K4", Draft(null, done: "調達中"))]));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(2, await EntryCountAsync());
    }

    [Fact]
    public async Task MyKpisNeverListsAnotherDepartmentsKpi()
    {
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var mine = await kaikei.GetFromJsonAsync<MyKpisDto>("/api/entries/mine");
        Assert.All(mine!.Rows, r => Assert.Contains(r.Kpi.Owners, o => o.Code == "kaikei"));
    }
}
