using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Figures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>
/// The figures API (issue 25, point 3) over a real SQLite file: a token the admin issues to 佐藤 for 会計課 saves
/// 会計課's figures as drafts through the entry rules, is refused for 企画課's KPIs and for closed quarters, and stops
/// working when revoked or expired; CSV uploads in UTF-8 and Shift_JIS, and every kind of bad input, nothing saved.
/// </summary>
public sealed class FiguresApiTests : EntryTestBase
{
    private const string Kaikei = "I02-K5"; // 会計課: cash payments, lower is better, %
    private const string Kikaku = "I01-K1"; // 企画課: online procedures

    [Fact]
    public async Task ATokenFor会計課SavesItsFiguresAsDraftsKeepingTheNotesAndIsRefusedFor企画課AndClosedQuarters()
    {
        // 佐藤 wrote notes in the form; the API changes only the figure.
        var sato = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        await PutAsync(sato, Kaikei, Draft("60", done: "窓口でキャッシュレスを案内"));
        var (api, token) = await TokenClientAsync("kaikei");

        var put = await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("55.5"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var entry = await GetAsync(sato, Kaikei);
        Assert.Equal(55.5m, entry.Value);
        Assert.Equal(EntryState.Draft, entry.State);
        Assert.Equal("窓口でキャッシュレスを案内", entry.Done);
        Assert.Equal(DashboardFactory.Demo.StaffKaikei, await App.WithDbAsync(db => db.AuditLog.Where(a => a.Field == "Value").OrderBy(a => a.Id).Select(a => a.Actor).LastAsync()));
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityType == "ApiToken" && a.Field == "Use" && a.NewValue!.Contains(Kaikei))));

        // Another department's KPI: 403, nothing written. The same value rules as the form: a word is refused.
        var other = await api.PutAsJsonAsync($"/api/figures/{Kikaku}/{Year}/{Q}", new PutFigureRequest("150"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("トークンの担当課の指標ではない", (await other.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("たくさん"))).StatusCode);
        // An unlikely figure (ten times the baseline of 100) is confirmed with the request's flag, which the message names.
        var unlikely = await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("5000"));
        Assert.Equal(HttpStatusCode.BadRequest, unlikely.StatusCode);
        var words = string.Join(" ", (await unlikely.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.SelectMany(e => e.Value));
        Assert.EndsWith("正しい値のときは confirmUnlikely を true にして送り直してください。", words, StringComparison.Ordinal);
        Assert.DoesNotContain("この値で正しい", words, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/figures/NO-SUCH/{Year}/{Q}", new PutFigureRequest("1"))).StatusCode);

        // A token cannot read or do anything else: the rest of the API does not know it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync($"/api/quarters/{Year}/{Q}/close", null)).StatusCode);

        // A closed quarter: 409 with the form's message.
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/quarters/{Year}/{Q}/close", null)).StatusCode);
        var closed = await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("50"));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(55.5m, (await GetAsync(sato, Kaikei)).Value);
        Assert.NotNull(token);
    }

    [Fact]
    public async Task ARevokedOrExpiredTokenOrOneOfTheWrongShapeIsRefusedWithTheReason()
    {
        var (api, _) = await TokenClientAsync("kaikei");
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var tokens = (await admin.GetFromJsonAsync<List<ApiTokenDto>>("/api/admin/tokens"))!;
        Assert.Single(tokens);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("50"))).StatusCode);
        Assert.Equal(1, (await admin.GetFromJsonAsync<List<ApiTokenDto>>("/api/admin/tokens"))!.Single().Uses);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/tokens/{tokens[0].Id}/revoke", null)).StatusCode);
        var revoked = await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("49"));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("取り消されています", (await revoked.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);

        var (expiring, _) = await TokenClientAsync("kaikei");
        await App.WithDbAsync(db => db.ApiTokens.Where(t => t.RevokedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));
        var expired = await expiring.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("48"));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("期限が切れました", (await expired.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);

        var malformed = App.CreateClient();
        malformed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dxf_short");
        var wrong = await malformed.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("47"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("形式が違います", (await wrong.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        var none = await App.CreateClient().PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("47"));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        Assert.Equal(50m, (await GetAsync(await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei), Kaikei)).Value);
        var failures = await App.WithDbAsync(db => db.SignInLog.Where(e => e.Method == "Token").Select(e => e.Detail).ToListAsync());
        Assert.Contains(failures, d => d!.Contains("取り消されています", StringComparison.Ordinal));
        Assert.Contains(failures, d => d!.Contains("形式が違います", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACsvInShiftJisOrUtf8IsSavedWholeAndOneWithBadRowsIsRefusedCellByCellWithNothingSaved()
    {
        var (api, _) = await TokenClientAsync("kaikei");

        // Shift_JIS with a Japanese header, as a city system exports it: both quarters saved.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sjis = Encoding.GetEncoding(932).GetBytes($"指標コード,年度,四半期,値\r\n{Kaikei},{Year},3,58\r\n{Kaikei},{Year},4,57\r\n");
        var saved = await PostCsvAsync(api, sjis);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var import = (await saved.Content.ReadFromJsonAsync<FiguresImportDto>())!;
        Assert.Equal("Shift_JIS", import.Encoding);
        Assert.Equal([58m, 57m], import.Saved.Select(s => s.Value!.Value));

        // UTF-8 with a BOM, no header.
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Kaikei},{Year},4,56\n")).ToArray();
        Assert.Equal("UTF-8", (await (await PostCsvAsync(api, utf8)).Content.ReadFromJsonAsync<FiguresImportDto>())!.Encoding);

        // Bad rows: each named by its cell; the good row in the same file is not saved either.
        var before = await EntrySnapshotAsync();
        var bad = Encoding.UTF8.GetBytes(string.Join("\n",
            "kpi_code,fiscal_year,quarter,value",
            $"{Kaikei},{Year},3,40",            // line 2: good
            $"{Kikaku},{Year},4,150",           // line 3: 企画課's KPI
            $"{Kaikei},令和7,4,40",             // line 4: year
            $"{Kaikei},{Year},5,40",            // line 5: quarter
            $"{Kaikei},{Year},2,=1+2",          // line 6: a formula
            $"{Kaikei},{Year},1,とても多い",     // line 7: not a number
            $"{Kaikei},{Year},3"));             // line 8: three columns
        var refused = await PostCsvAsync(api, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors;
        Assert.Contains("CSV!B4", errors.Keys);
        Assert.Contains("CSV!C5", errors.Keys);
        Assert.Contains("CSV!D6", errors.Keys);
        Assert.Contains("CSV!A8", errors.Keys);
        Assert.Contains("数式", errors["CSV!D6"][0], StringComparison.Ordinal);
        Assert.Equal(before, await EntrySnapshotAsync());

        // Once the format is right, the entry rules speak, still by cell: another department's KPI, and a word.
        var rules = await PostCsvAsync(api, Encoding.UTF8.GetBytes($"{Kaikei},{Year},3,40\n{Kikaku},{Year},4,150\n"));
        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        Assert.Equal($"2 行目: {Kikaku} 令和{Year - 2018}年度 第4四半期: この指標はトークンの担当課の指標ではないため、送れません。",
            (await rules.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["CSV!A2"][0]);
        // A quarter no plan covers says so (the plan ends with 令和7年度).
        var outside = await PostCsvAsync(api, Encoding.UTF8.GetBytes($"{Kaikei},2026,2,40\n"));
        Assert.Equal($"1 行目: {Kaikei} 令和8年度 第2四半期: 令和8年度 第2四半期は計画期間外です。",
            (await outside.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["CSV!A1"][0]);
        var word = await PostCsvAsync(api, Encoding.UTF8.GetBytes($"{Kaikei},{Year},3,40\n{Kaikei},{Year},1,とても多い\n"));
        Assert.Contains("CSV!D2", (await word.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(before, await EntrySnapshotAsync());

        // A closed quarter refuses its rows at the quarter's cell, and the other quarter's rows are not kept.
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/quarters/{Year}/{Q}/close", null)).StatusCode);
        var closed = await PostCsvAsync(api, Encoding.UTF8.GetBytes($"{Kaikei},{Year},3,41\n{Kaikei},{Year},4,41\n"));
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("CSV!C2", (await closed.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(before, await EntrySnapshotAsync());
    }

    [Fact]
    public async Task AnOversizedCsvOneInNeitherEncodingAndOneInUtf16AreRefusedInWords()
    {
        var (api, _) = await TokenClientAsync("kaikei");
        var before = await EntrySnapshotAsync();

        var big = new byte[FiguresApi.MaxCsvBytes + 1];
        Array.Fill(big, (byte)'1');
        var tooBig = await PostCsvAsync(api, big);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("大きすぎます", Message(await tooBig.Content.ReadFromJsonAsync<ValidationProblemDetails>()), StringComparison.Ordinal);

        // 0x81 starts a Shift_JIS pair and 0x20 cannot end one; neither is it UTF-8.
        var neither = await PostCsvAsync(api, [.. Encoding.ASCII.GetBytes($"{Kaikei},{Year},4,"), 0x81, 0x20, 0x0A]);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Contains("UTF-8 でも Shift_JIS でもありません", Message(await neither.Content.ReadFromJsonAsync<ValidationProblemDetails>()), StringComparison.Ordinal);

        var utf16 = await PostCsvAsync(api, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"{Kaikei},{Year},4,40\n")).ToArray());
        Assert.Contains("UTF-16", Message(await utf16.Content.ReadFromJsonAsync<ValidationProblemDetails>()), StringComparison.Ordinal);

        var formula = await api.PutAsJsonAsync($"/api/figures/{Kaikei}/{Year}/{Q}", new PutFigureRequest("=HYPERLINK(\"http://x\")"));
        Assert.Equal(HttpStatusCode.BadRequest, formula.StatusCode);
        Assert.Equal(before, await EntrySnapshotAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheFiguresApiForAdminsOnly()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        var document = await admin.GetAsync("/openapi/figures.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/figures/csv", paths);
        Assert.Contains("/api/figures/{kpiCode}/{fiscalYear}/{quarter}", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/figures", p, StringComparison.Ordinal));
        Assert.True(json.RootElement.GetProperty("paths").GetProperty("/api/figures/csv").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/openapi/figures.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/openapi/figures.json")).StatusCode);
    }

    [Fact]
    public async Task TheAdminIssuesTokensOnlyForAPersonsOwnDepartmentWithAUseAndAnExpiry()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var sato = await UserIdAsync(DashboardFactory.Demo.StaffKaikei);

        var wrongDepartment = await admin.PostAsJsonAsync("/api/admin/tokens", new IssueTokenRequest(sato, "kikaku", "連携", 30));
        var noName = await admin.PostAsJsonAsync("/api/admin/tokens", new IssueTokenRequest(sato, "kaikei", "", 30));
        var tooLong = await admin.PostAsJsonAsync("/api/admin/tokens", new IssueTokenRequest(sato, "kaikei", "連携", 1000));

        Assert.Contains("DepartmentCode", (await wrongDepartment.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Contains("Name", (await noName.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Contains("Days", (await tooLong.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(0, await App.CountAsync<ApiToken>());
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/admin/tokens", new IssueTokenRequest(sato, "kaikei", "連携", 30))).StatusCode);
    }

    private async Task<(HttpClient Client, string Token)> TokenClientAsync(string department)
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var issued = await admin.PostAsJsonAsync("/api/admin/tokens", new IssueTokenRequest(await UserIdAsync(DashboardFactory.Demo.StaffKaikei), department, "会計システム連携", 90));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = (await issued.Content.ReadFromJsonAsync<IssuedTokenDto>())!.Token;
        Assert.Matches("^dxf_[A-Za-z0-9_-]{43}$", token);
        Assert.False(await App.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Hash == token))); // stored hashed only
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync("/api/figures/csv", content);
    }

    private Task<int> UserIdAsync(string login) => App.WithDbAsync(db => db.Users.Where(u => u.LoginName == login).Select(u => u.Id).SingleAsync());

    private Task<string> EntrySnapshotAsync() => App.WithDbAsync(async db =>
        string.Join(";", await db.Entries.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Value}:{e.Version}").ToListAsync()));

    private static string Message(ValidationProblemDetails? problem) => string.Join(" ", problem!.Errors.Values.SelectMany(v => v));
}
