using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Dashboard.Shared.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Server.Tests;

/// <summary>
/// The public page and open data over a real SQLite file: only published (closed) quarters, only approved figures,
/// no drafts, submissions, returns or internal notes, nothing about people; the CSV and JSON hold the same rows.
/// </summary>
public sealed class PublicPageTests : EntryTestBase
{
    private static readonly string[] _people = ["demo.local", "田中", "佐藤", "高橋", "鈴木", "伊藤", "山本"];

    protected override bool Samples => true;

    [Fact]
    public async Task NothingIsPublicUntilAClosedQuarterIsPublished()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var page = await anonymous.GetStringAsync("/public");
        Assert.Contains("まだ公表している四半期はありません", page, StringComparison.Ordinal);
        Assert.Single(CsvLines(await anonymous.GetByteArrayAsync("/public/data/kpi-progress.csv"))); // the header only
        Assert.Empty(JsonRows(await anonymous.GetStringAsync("/public/data/kpi-progress.json")));

        var open = await planner.PostAsync($"/api/publishing/{Year}/3", null);
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Contains("まだ締め切られていません", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.SignedInClientAsync(DashboardFactory.Demo.Committee)).PostAsync($"/api/publishing/{Year}/3", null)).StatusCode);
    }

    [Fact]
    public async Task APublishedQuarterShowsOnlyItsApprovedFiguresAndNotesMarkedPublic()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        // Unapproved work in the quarter to publish: a submission and a returned entry, with notes that must stay inside.
        Assert.True((await PutAsync(staff, "I03-K2", Draft(null, done: "内部の作業メモ：提出中", submit: true), Year, 3)).IsSuccessStatusCode);
        var returned = await (await PutAsync(staff, "I04-K2", Draft(null, done: "内部の作業メモ：差戻し", submit: true), Year, 3)).Content.ReadFromJsonAsync<EntryDto>();
        await planner.PostAsJsonAsync($"/api/review/I04-K2/{Year}/3", new ReviewDecisionRequest(false, "内部の差戻し理由", returned!.Version!.Value));
        Assert.True((await planner.PostAsJsonAsync($"/api/quarters/{Year}/3/close", new CloseQuarterRequest(true, "公表の試験のため"))).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await planner.PostAsync($"/api/publishing/{Year}/3", null)).StatusCode);

        var page = await anonymous.GetStringAsync("/public");
        var csv = await anonymous.GetByteArrayAsync("/public/data/kpi-progress.csv");
        var json = await anonymous.GetStringAsync("/public/data/kpi-progress.json");
        Assert.Contains("令和7年度 第3四半期", page, StringComparison.Ordinal);
        // Dates in the page's words, as on every other page: the baseline's month and the day of publication.
        Assert.Contains("61手続（2022年10月）", page, StringComparison.Ordinal);
        Assert.Matches(@"（更新日 20\d\d年\d{1,2}月\d{1,2}日）", page);
        var lines = CsvLines(csv);
        Assert.Equal(1 + 28, lines.Count); // 28 KPIs x the one published quarter
        var sns = Cells(lines.Single(l => l.Contains(",I02-K1,", StringComparison.Ordinal)));
        Assert.Equal(("2025", "3"), (sns[13], sns[14]));
        Assert.NotEqual("19700", sns[16]); // the sample's Q4 figure is approved but not published
        foreach (var text in new[] { page, Encoding.UTF8.GetString(csv), json })
        {
            Assert.DoesNotContain("内部の作業メモ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("内部の差戻し理由", text, StringComparison.Ordinal);
            Assert.DoesNotContain("19700", text, StringComparison.Ordinal);
            Assert.All(_people, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        }

        // I01-K1's approved Q3 entry has notes: internal until the planner marks them public.
        const string Note = "転入予約手続と児童手当関係の8手続";
        Assert.DoesNotContain(Note, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.PutAsJsonAsync($"/api/publishing/notes/I01-K1/{Year}/3", new NoteVisibilityRequest(true))).StatusCode);
        Assert.Contains(Note, await anonymous.GetStringAsync("/public"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PutAsJsonAsync($"/api/publishing/notes/I03-K2/{Year}/3", new NoteVisibilityRequest(true))).StatusCode); // not approved

        // Withdrawn: gone again, and the decisions are audited.
        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteAsync($"/api/publishing/{Year}/3")).StatusCode);
        Assert.Contains("まだ公表している四半期はありません", await anonymous.GetStringAsync("/public"), StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditLog.Where(a => a.EntityType == "PublishedQuarter" || a.Field == "記載の公開").Select(a => a.Field + ":" + a.NewValue)));
        Assert.Equal(["公表:公表", "記載の公開:公開", "公表:非公表"], audit);
    }

    [Fact]
    public async Task TheCsvOpensInExcelAndHoldsTheSameRowsAsTheJson()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        await PublishAsync(await App.SignedInClientAsync(DashboardFactory.Demo.Planner), Year, 2);
        await PublishAsync(await App.SignedInClientAsync(DashboardFactory.Demo.Planner), Year, 3);

        var response = await anonymous.GetAsync("/public/data/kpi-progress.csv");
        var csv = await response.Content.ReadAsByteArrayAsync();
        var json = await anonymous.GetStringAsync("/public/data/kpi-progress.json");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);
        var lines = CsvLines(csv);
        Assert.Equal(OpenDataColumns.All.Select(c => c.Japanese), Cells(lines[0]));
        var rows = JsonRows(json);
        Assert.Equal(lines.Count - 1, rows.Count);
        Assert.Equal(1 + (28 * 2), lines.Count);
        var numeric = new[] { "baseline", "fiscalYear", "quarter", "target", "actual", "achievement", "policyNumber", "initiativeNumber", "planEdition" };
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = Cells(lines[i]);
            Assert.Equal(OpenDataColumns.All.Count, cells.Count);
            Assert.Equal("022059", cells[0]);
            for (var c = 0; c < cells.Count; c++)
            {
                var key = OpenDataColumns.All[c].Key;
                var value = rows[i - 1].GetProperty(key);
                if (numeric.Contains(key))
                {
                    Assert.True(cells[c].Length == 0 ? value.ValueKind == JsonValueKind.Null : value.GetDecimal() == decimal.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture), $"{key} row {i}: '{cells[c]}' vs {value}");
                }
                else
                {
                    Assert.Equal(cells[c], value.ValueKind == JsonValueKind.Null ? "" : value.GetString());
                }
            }

            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", cells[21]);
        }

        using var document = JsonDocument.Parse(json);
        Assert.Equal("CC BY 4.0", document.RootElement.GetProperty("licence").GetString());
        Assert.Contains("dcat:Dataset", await anonymous.GetStringAsync("/public/data/catalog.jsonld"), StringComparison.Ordinal);
        Assert.Contains("kpi-progress.csv", await anonymous.GetStringAsync("/public/data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersCarryAValidatorAndAnUnchangedCopyIsNotSentTwice()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        await PublishAsync(await App.SignedInClientAsync(DashboardFactory.Demo.Planner), Year, 3);

        var first = await anonymous.GetAsync("/public/data/kpi-progress.csv");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Contains("public", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/public/data/kpi-progress.csv");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        await PublishAsync(await App.SignedInClientAsync(DashboardFactory.Demo.Planner), Year, 2);
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/public/data/kpi-progress.csv");
        changed.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(changed)).StatusCode);
    }

    [Fact]
    public async Task AClientPastTheLimitGets429AndOthersAreStillServed()
    {
        await using var limited = App.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Public:RequestsPerMinute"] = "3" })));
        async Task<int> GetFrom(string address) => (await limited.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/public/data/kpi-progress.csv";
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        })).Response.StatusCode;

        var busy = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            busy.Add(await GetFrom("192.0.2.10"));
        }

        Assert.Equal([200, 200, 200, 429, 429], busy);
        Assert.Equal(200, await GetFrom("192.0.2.20"));
    }

    private static async Task PublishAsync(HttpClient planner, int year, int quarter)
    {
        await planner.PostAsJsonAsync($"/api/quarters/{year}/{quarter}/close", new CloseQuarterRequest(true, "公表のため"));
        var published = await planner.PostAsync($"/api/publishing/{year}/{quarter}", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    private static List<string> CsvLines(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>RFC 4180 cells of one line (quotes doubled inside quoted cells).</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static List<JsonElement> JsonRows(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray()];
}
