using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Server.Tests;

/// <summary>
/// JSON and the public pages go compressed; signed-in HTML, which carries antiforgery tokens, does not (BREACH); the
/// stylesheets are linked directly, none @imports another.
/// </summary>
public sealed partial class CompressionTests : AppTestBase
{
    protected override bool Samples => true;

    [Theory]
    [InlineData("/api/plans/current", true)]
    [InlineData("/api/dashboard/overview?fy=2025&q=4", true)]
    [InlineData("/public", true)]
    [InlineData("/public/data/kpi-progress.json", true)]
    [InlineData("/dashboard", false)]
    [InlineData("/", false)]
    public async Task OnlyWhatCarriesNoSecretIsCompressed(string url, bool compressed)
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(compressed, response.Content.Headers.ContentEncoding.Contains("br"));
    }

    [Fact]
    public async Task StylesheetsAreLinkedDirectlyWithoutAnImportChain()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var html = await client.GetStringAsync("/dashboard");
        var links = Stylesheet().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(links, l => l.Contains("Dashboard.Client", StringComparison.Ordinal) && l.Contains("bundle.scp.css", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Contains("Dashboard.Server.styles", StringComparison.Ordinal));
        foreach (var link in links)
        {
            var css = await client.GetStringAsync("/" + link.TrimStart('/'));
            Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"<link rel=""stylesheet"" href=""([^""]+)""")]
    private static partial Regex Stylesheet();
}
