using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>Safe submit, withdraw and close (issue 12, part 4): nothing leaves the queue silently, nothing is stranded.</summary>
public sealed class CollectionCycleTests : EntryTestBase
{
    private static Task<HttpResponseMessage> CloseAsync(HttpClient planner, CloseQuarterRequest? request = null) =>
        planner.PostAsJsonAsync($"/api/quarters/{Year}/{Q}/close", request ?? new CloseQuarterRequest());

    private static async Task<EntryDto> SubmitAsync(HttpClient staff, string kpi = "I01-K1") =>
        (await (await PutAsync(staff, kpi, Draft("150", done: "実施した", check: "順調", submit: true))).Content.ReadFromJsonAsync<EntryDto>())!;

    [Fact]
    public async Task SavingADraftOverASubmissionIsRefusedAndTheSubmissionStaysQueued()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var submitted = await SubmitAsync(staff);

        var draft = await PutAsync(staff, "I01-K1", Draft("151", submitted.Version, done: "変更"));

        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.Contains("取り下げ", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((EntryState.Submitted, 150m), ((await GetAsync(staff, "I01-K1")).State, (await GetAsync(staff, "I01-K1")).Value));
    }

    [Fact]
    public async Task WithdrawTakesASubmissionBackToDraftOnlyForItsDepartmentAndIsAudited()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var other = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var submitted = await SubmitAsync(staff);

        var foreign = await other.PostAsJsonAsync($"/api/entries/I01-K1/{Year}/{Q}/withdraw", new WithdrawRequest(submitted.Version!.Value));
        var stale = await staff.PostAsJsonAsync($"/api/entries/I01-K1/{Year}/{Q}/withdraw", new WithdrawRequest(Guid.NewGuid()));
        var withdrawn = await staff.PostAsJsonAsync($"/api/entries/I01-K1/{Year}/{Q}/withdraw", new WithdrawRequest(submitted.Version!.Value));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var draft = (await withdrawn.Content.ReadFromJsonAsync<EntryDto>())!;
        Assert.Equal(EntryState.Draft, draft.State);
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Field == "State" && a.NewValue == "Draft" && a.Reason == "取り下げ")));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("151", draft.Version, done: "変更"))).StatusCode);
    }

    [Fact]
    public async Task ClosingWhileEntriesWaitIsRefusedNamingEachKpiUntilConfirmedWithAReason()
    {
        var kikaku = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var returned = await SubmitAsync(kikaku);
        await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(false, "数値の根拠を添えてください", returned.Version!.Value));
        await (await PutAsync(kaikei, "I02-K5", Draft("55", done: "案内した", check: "やや遅れ", submit: true))).Content.ReadFromJsonAsync<EntryDto>();

        var refused = await CloseAsync(planner);
        var body = await refused.Content.ReadAsStringAsync();
        var noReason = await CloseAsync(planner, new CloseQuarterRequest(Confirm: true));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("I01-K1（差戻し）", body, StringComparison.Ordinal);
        Assert.Contains("I02-K5（提出済）", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(0, await App.CountAsync<Dashboard.Server.Data.ClosedQuarter>());

        var closed = await CloseAsync(planner, new CloseQuarterRequest(true, "委員会の日程のため"));

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityType == "Quarter" && a.Reason!.Contains("I01-K1") && a.Reason.Contains("委員会の日程のため"))));
        using var pack = new XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync($"/api/exports/pack?fy={Year}&q={Q}")));
        var summary = pack.Worksheet(PackBuilder.KpiListSheet);
        Assert.Equal("未承認のまま締切", summary.RowsUsed().Single(r => r.Cell(3).GetString() == "I01-K1").Cell(16).GetString());
        Assert.Equal("未承認のまま締切", summary.RowsUsed().Single(r => r.Cell(3).GetString() == "I02-K5").Cell(16).GetString());
    }

    [Fact]
    public async Task AReturnedEntryIsFixedResubmittedApprovedAndTheQuarterClosesWithoutAReason()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var first = await SubmitAsync(staff);
        var returned = (await (await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(false, "根拠を", first.Version!.Value)))
            .Content.ReadFromJsonAsync<EntryDto>())!;
        Assert.Equal(HttpStatusCode.Conflict, (await CloseAsync(planner)).StatusCode);

        var fixedUp = (await (await PutAsync(staff, "I01-K1", Draft("152", returned.Version, done: "根拠を追記", check: "順調", submit: true))).Content.ReadFromJsonAsync<EntryDto>())!;
        var approved = await planner.PostAsJsonAsync($"/api/review/I01-K1/{Year}/{Q}", new ReviewDecisionRequest(true, null, fixedUp.Version!.Value));

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await CloseAsync(planner)).StatusCode);
    }
}
