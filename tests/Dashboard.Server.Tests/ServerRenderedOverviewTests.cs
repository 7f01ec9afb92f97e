using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Tests;

/// <summary>
/// The server-rendered overview keeps its tables and the theme's stylesheet as HTML per cached view, filter, language
/// and theme (issue 22, decision 017). What is kept must never show one person's choice to another, nor outlive the
/// data it was rendered from.
/// </summary>
public sealed partial class ServerRenderedOverviewTests : EntryTestBase
{
    protected override bool Samples => true;

    private const string Overview = "/dashboard?fy=2025&q=4";

    [Fact]
    public async Task EveryoneGetsTheSameTablesAndAChangeOfDataShowsOnTheNextPage()
    {
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var first = Tables(await committee.GetStringAsync(Overview));
        Assert.Equal(first, Tables(await staff.GetStringAsync(Overview)));
        Assert.Equal("A", Grade(first, "I02-K2"));

        Assert.Equal(HttpStatusCode.NoContent, (await planner.PutAsJsonAsync("/api/plans/current/grading", new GradeScale(GradeScheme.SAtoC, BaselineBand: 0.05m))).StatusCode);

        Assert.Equal("S", Grade(Tables(await committee.GetStringAsync(Overview)), "I02-K2"));
        Assert.Equal("S", Grade(Tables(await staff.GetStringAsync(Overview)), "I02-K2"));
    }

    [Fact]
    public async Task LanguageFiltersAndThemeAreEachKeptApart()
    {
        var japanese = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var english = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        await english.GetAsync("/preferences/language?lang=en&returnUrl=%2F");
        var dark = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        await dark.GetAsync("/preferences/theme?mode=dark&returnUrl=%2F");

        for (var round = 0; round < 2; round++) // the second round is served from what the first kept
        {
            var ja = await japanese.GetStringAsync(Overview);
            var en = await english.GetStringAsync(Overview);
            var darkPage = await dark.GetStringAsync(Overview);
            var filtered = await japanese.GetStringAsync(Overview + "&dept=kikaku");

            Assert.Contains("評価区分", Tables(ja), StringComparison.Ordinal);
            Assert.DoesNotContain("評価区分", Tables(en), StringComparison.Ordinal);
            Assert.Contains(">Grade<", Tables(en), StringComparison.Ordinal);

            Assert.Equal("rgba(255,255,255,1)", Background(ja));
            Assert.NotEqual(Background(ja), Background(darkPage));

            Assert.True(Rows(filtered).Count < Rows(ja).Count, $"{Rows(filtered).Count} of {Rows(ja).Count} rows with the filter");
            Assert.Contains("I01-K1", Rows(filtered));
        }
    }

    /// <summary>From the status counts to the end of the page's main content: what is rendered once and kept.</summary>
    private static string Tables(string page)
    {
        var start = page.IndexOf("class=\"status-summary\"", StringComparison.Ordinal);
        var end = page.IndexOf("</main>", start, StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "the overview's tables are on the page");
        // Chips carry a new id each time they are rendered; everything else must be the same.
        return ChipId().Replace(page[start..end], "chip");
    }

    private static string Grade(string tables, string kpi)
    {
        var row = tables[tables.IndexOf($"data-kpi=\"{kpi}\"", StringComparison.Ordinal)..];
        return GradeCell().Match(row[..row.IndexOf("</tr>", StringComparison.Ordinal)]).Groups[1].Value;
    }

    private static List<string> Rows(string page) => KpiRow().Matches(Tables(page)).Select(m => m.Groups[1].Value).ToList();

    private static string Background(string page) => PaletteBackground().Match(page).Groups[1].Value;

    [GeneratedRegex("chip-container-[0-9a-f-]{36}")]
    private static partial Regex ChipId();

    [GeneratedRegex("data-grade=\"([A-Z])\"")]
    private static partial Regex GradeCell();

    [GeneratedRegex("<tr[^>]*data-kpi=\"([^\"]+)\"")]
    private static partial Regex KpiRow();

    [GeneratedRegex("--mud-palette-background: ([^;]+);")]
    private static partial Regex PaletteBackground();
}
