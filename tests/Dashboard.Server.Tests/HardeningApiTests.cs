using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Dashboard.Shared.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>The hostile review's findings over the API: each answered with a 400/409 and a message, nothing stored.</summary>
public sealed class HardeningApiTests : EntryTestBase
{
    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"fiscalYear\":2025,\"quarter\":4,\"items\":[null]}")]
    [InlineData("{\"fiscalYear\":2025,\"quarter\":4,\"items\":[{\"kpiCode\":\"I01-K1\",\"entry\":null}]}")]
    [InlineData("{\"fiscalYear\":2025,\"quarter\":4,\"items\":[{\"kpiCode\":null,\"entry\":{}}]}")]
    public async Task BulkSaveWithAMissingItemIsA400NotA500(string body)
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);

        var response = await staff.PostAsync("/api/entries/bulk", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("入力内容のない項目", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task GarbageTextIsRefusedInEveryFreeTextField()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(staff, "I01-K1", Draft("150", done: "実施\u202E内容"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(staff, "I01-K1", Draft("150", act: "改善\uFFFF"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(staff, "I01-K1", new SaveEntryRequest("150", null, null, null, null, null, "https://example.jp/\0", null, false))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("new\u0007@demo.local", "新規", AppRoles.Committee, [], true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("<script>@demo.local", "新規", AppRoles.Committee, [], true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("new@demo.local", "新規\u202E", AppRoles.Committee, [], true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/departments", new SaveDepartmentRequest("shimin", "市民課\u202E"))).StatusCode);
        Assert.Equal(0, await EntryCountAsync());
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.LoginName.StartsWith("new") || u.LoginName.Contains("script"))));

        var submitted = await (await PutAsync(staff, "I01-K1", Draft("150", done: "実施した", check: "順調", submit: true))).Content.ReadFromJsonAsync<EntryDto>();
        var returned = await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(false, "理由\u202E", submitted!.Version!.Value));
        Assert.Equal(HttpStatusCode.BadRequest, returned.StatusCode);
        Assert.Equal(EntryState.Submitted, (await GetAsync(staff, "I01-K1")).State);

        await planner.PostAsync($"/api/quarters/{Year}/{Q}/close", null);
        var reopened = await admin.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/reopen", new ReopenQuarterRequest("訂正\0\u202E"));
        Assert.Equal(HttpStatusCode.BadRequest, reopened.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Reason != null && a.Reason.Contains("訂正"))));
    }

    [Fact]
    public async Task ImplausibleFiguresAreRefusedAndUnlikelyOnesNeedConfirmation()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);

        var huge = await PutAsync(staff, "I01-K1", Draft("999999999999"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("10倍", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await EntryCountAsync());

        var confirmed = await PutAsync(staff, "I01-K1", Draft("2500") with { ConfirmUnlikely = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        // A milestone of 企画課 (I02-K2) completed in 2100 for a FY2025 Q4 report.
        var future = await PutAsync(staff, "I02-K2", new SaveEntryRequest(null, MilestoneState.Done, new DateOnly(2100, 12, 31), "完了", null, null, null, null, false));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("末日", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyApprovesWhatTheySubmittedNotEvenTheAdmin()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var submitted = await (await PutAsync(admin, "I01-K1", Draft("150", done: "実施した", check: "順調", submit: true))).Content.ReadFromJsonAsync<EntryDto>();

        var own = await admin.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(true, null, submitted!.Version!.Value));

        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("ご自身が提出した", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EntryState.Submitted, (await GetAsync(admin, "I01-K1")).State);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(true, null, submitted.Version!.Value))).StatusCode);
    }
}

/// <summary>Over real Kestrel on loopback: what the server tells every caller about itself.</summary>
public sealed class ResponseHeaderLeakTests : AppTestBase
{
    protected override bool Loopback => true;

    [Fact]
    public async Task ApiAnswersAreNotCachedAndSayNothingOfTheServer()
    {
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var response = await committee.GetAsync("/api/plans/current");
        var page = await committee.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "API JSON must carry Cache-Control: no-store");
        Assert.False(response.Headers.Contains("Server"), "Kestrel names itself in a Server header");
        Assert.False(page.Headers.Contains("Server"));
    }
}
