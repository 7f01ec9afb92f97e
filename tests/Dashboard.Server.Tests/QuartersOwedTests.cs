using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Review;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Server.Tests;

/// <summary>
/// A 第2期 plan started in December owes its first quarter too: the entries list for 令和8年度 第2四半期 names
/// 第1四半期 with the KPIs not submitted for it, counts down as they come in, and drops it once the quarter is closed.
/// The ended plan's quarters are never named.
/// </summary>
public sealed class QuartersOwedTests : EntryTestBase
{
    // 2026-12-07 10:00 in Japan: the seed plan ended in March; the planner starts the successor now.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => _clock;

    protected override bool Samples => true;

    [Fact]
    public async Task TheFirstQuarterOfALateStartedPlanIsNamedUntilItsReportsAreInOrItIsClosed()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync("/api/plans/goshogawara-dx-2022/successor",
            new SuccessorRequest("goshogawara-dx-2026", "第2期五所川原市DX推進計画", null, 2030))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/plans/goshogawara-dx-2026/start", null)).StatusCode);

        var second = (await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=2"))!;
        var owed = Assert.Single(second.Behind!);
        Assert.Equal((2026, 1, second.Rows.Count), (owed.FiscalYear, owed.Quarter, owed.NotSubmitted));
        Assert.True(owed.NotSubmitted > 1);

        // The third quarter (under way, not yet due) owes both earlier ones, latest first; the first owes none.
        var third = (await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=3"))!;
        Assert.Equal([(2026, 2), (2026, 1)], third.Behind!.Select(b => (b.FiscalYear, b.Quarter)));
        Assert.Empty((await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=1"))!.Behind!);

        // A report submitted for 第1四半期 counts down; a draft does not.
        var submitted = await PutAsync(staff, "I01-K1", Draft("195", done: "手続を追加した。", submit: true), 2026, 1);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var drafted = await PutAsync(staff, "I06-K1", Draft("19"), 2026, 1);
        Assert.True(drafted.IsSuccessStatusCode, await drafted.Content.ReadAsStringAsync());
        var after = (await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=2"))!;
        Assert.Equal(owed.NotSubmitted - 1, Assert.Single(after.Behind!).NotSubmitted);

        // Closed by the secretariat: nothing more is owed for it.
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsJsonAsync("/api/quarters/2026/1/close", new CloseQuarterRequest(true, "第2期の開始が遅れたため"))).StatusCode);
        Assert.Empty((await staff.GetFromJsonAsync<MyKpisDto>("/api/entries/mine?fy=2026&q=2"))!.Behind!);
    }
}
