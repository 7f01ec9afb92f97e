using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Tests;

/// <summary>Bad and hostile input is refused with field errors or stored as plain text; never a 500, nothing half-stored.</summary>
public sealed class EntryValidationApiTests : EntryTestBase
{
    private HttpClient _staff = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
    }

    [Theory]
    [InlineData("I01-K1", "1e309", "数値として読めません")]
    [InlineData("I01-K1", "12,3", "数値として読めません")]
    [InlineData("I01-K1", "abc", "数値として読めません")]
    [InlineData("I01-K1", "Infinity", "数値として読めません")]
    [InlineData("I01-K1", "NaN", "数値として読めません")]
    [InlineData("I01-K1", "1.2.3", "数値として読めません")]
    [InlineData("I01-K1", "-5", "0以上")]
    [InlineData("I01-K1", "12.5", "整数")]
    [InlineData("I01-K1", "99999999999999999999", "大きすぎ")]
    [InlineData("I03-K2", "3", "数値を入力しません")]   // monitor-only takes no number
    public async Task InvalidFiguresGet400AtTheFieldAndNothingIsStored(string kpi, string value, string message)
    {
        var staff = kpi == "I03-K2" ? _staff : _staff;
        var response = await PutAsync(staff, kpi, Draft(value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(message, problem!.Errors["Value"][0], StringComparison.Ordinal);
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task ErrorsAndRefusalsAnswerInTheLanguageThePersonChose()
    {
        await _staff.GetAsync("/preferences/language?lang=en&returnUrl=%2F");

        var invalid = await PutAsync(_staff, "I01-K1", Draft("abc"));
        var problem = await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Please check what was entered", problem!.Title);
        Assert.StartsWith("This is not a number.", problem.Errors["Value"][0], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(_staff, "I01-K1", Draft("120", done: "実施した", check: "申請が伸びない", submit: true))).StatusCode);
        var refused = await PutAsync(_staff, "I01-K1", Draft("121", (await GetAsync(_staff, "I01-K1")).Version));
        var refusal = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(("Cannot be done", "This entry has been submitted. To change it, first withdraw it to a draft."), (refusal!.Title, refusal.Detail));

        // Someone who did not switch still reads Japanese.
        var other = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var japanese = await (await PutAsync(other, "I06-K1", Draft("abc"))).Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal("入力内容を確認してください", japanese!.Title);
    }

    [Theory]
    [InlineData("１２３", 123.0)]
    [InlineData("１，２３４", 1234.0)]
    [InlineData("1,234", 1234.0)]
    [InlineData(" 200 ", 200.0)]
    [InlineData("-0", 0.0)]
    public async Task FiguresAsPeopleTypeThemAreAccepted(string typed, double stored)
    {
        var saved = await (await PutAsync(_staff, "I01-K1", Draft(typed))).Content.ReadFromJsonAsync<EntryDto>();
        Assert.Equal((decimal)stored, saved!.Value);
    }

    [Fact]
    public async Task EmptyFigureIsAnEmptyDraftButCannotBeSubmitted()
    {
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(_staff, "I01-K1", Draft(""))).StatusCode);
        var current = await GetAsync(_staff, "I01-K1");

        var submit = await PutAsync(_staff, "I01-K1", Draft("", current.Version, done: "実施", submit: true));

        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("実績値を入力", (await submit.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["Value"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayedStatusNeedsAnEvaluationNoteToSubmit()
    {
        // FY2025 Q4 expects 200; 120 is 43% of the way from 61: 遅延.
        var response = await PutAsync(_staff, "I01-K1", Draft("120", done: "実施した", submit: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("遅延", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["Check"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(_staff, "I01-K1", Draft("120", done: "実施した", check: "申請が伸びない", submit: true))).StatusCode);
    }

    [Fact]
    public async Task ScriptAndSqlInNotesAreStoredAsText()
    {
        const string hostile = "<script>alert('x')</script>'); DELETE FROM QuarterlyEntries; --";

        var saved = await (await PutAsync(_staff, "I01-K1", Draft("150", done: hostile, check: "\"quoted\" & <b>bold</b>"))).Content.ReadFromJsonAsync<EntryDto>();

        Assert.Equal(hostile, saved!.Done);
        Assert.Equal(hostile, (await GetAsync(_staff, "I01-K1")).Done);
        Assert.Equal(1, await EntryCountAsync());
    }

    [Theory]
    [InlineData(2001, "2,000文字以内")]
    [InlineData(-1, "制御文字")]
    public async Task OverlongOrControlCharacterNotesAreRefused(int length, string message)
    {
        var text = length > 0 ? new string('あ', length) : "改行は可\n\tタブも可だがベルは不可\u0007";

        var response = await PutAsync(_staff, "I01-K1", Draft("150", done: text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["Done"][0], StringComparison.Ordinal);
        Assert.Equal(0, await EntryCountAsync());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task EvidenceLinkMustBeHttp(string url)
    {
        var response = await PutAsync(_staff, "I01-K1", Draft("150") with { EvidenceUrl = url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"value\": 12}")]                      // a number where text is expected
    [InlineData("{\"milestone\": \"someday\"}")]         // an unknown milestone state
    [InlineData("{\"version\": \"not-a-guid\"}")]
    [InlineData("not json at all")]
    public async Task MalformedBodiesGet400NotA500(string body)
    {
        var response = await _staff.PutAsync($"/api/entries/I01-K1/{Year}/{Q}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task PercentageAboveHundredIsRefused()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var response = await PutAsync(admin, "I03-K1", Draft("100.5"));
        Assert.Contains("0から100", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["Value"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestoneDoneNeedsItsDate()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var response = await PutAsync(admin, "I02-K4", new SaveEntryRequest(null, Dashboard.Shared.Kpis.MilestoneState.Done, null, "稼働した", null, null, null, null, true));
        Assert.Contains("完了日", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["MilestoneDate"][0], StringComparison.Ordinal);
    }
}
