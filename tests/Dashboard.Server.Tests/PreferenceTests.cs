using System.Net;

namespace Dashboard.Server.Tests;

public sealed class PreferenceTests : AppTestBase
{
    [Fact]
    public async Task EnglishIsChosenByTheSwitchAndThePagesArePrerenderedInIt()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var japanese = await client.GetStringAsync("/dashboard");

        var response = await client.GetAsync("/preferences/language?lang=en&returnUrl=%2Fdashboard%3Ffy%3D2024%26q%3D1");
        var english = await client.GetStringAsync("/dashboard");
        var plan = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ja\"", japanese, StringComparison.Ordinal);
        Assert.Contains("全体の状況", japanese, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard?fy=2024&q=1", response.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains(">Overview</", english, StringComparison.Ordinal);
        Assert.Contains("Plan period:", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryPageForAQuarterNoPlanCoversSaysWhyInThePagesLanguage()
    {
        // 令和8年度 before any plan covers it (the loaded plan ends with 令和7年度): not a bare "not found".
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var japanese = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/entries/I01-K1/2026/2"));
        await client.GetAsync("/preferences/language?lang=en&returnUrl=%2F");
        var english = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/entries/I01-K1/2026/2"));

        Assert.Contains("指定の実績が見つかりません", japanese, StringComparison.Ordinal);
        Assert.Contains("指標「I01-K1」は現行の計画にないか、指定の四半期が計画期間の外です。", japanese, StringComparison.Ordinal);
        Assert.Contains("KPI \"I01-K1\" is not in the current plan, or the quarter is outside the plan period.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrowserAskingForEnglishStillGetsJapaneseUntilThePersonSwitches()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        Assert.Contains("<html lang=\"ja\"", await client.GetStringAsync("/dashboard"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task TheSwitchesOnlyGoBackIntoTheApp(string returnUrl)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var language = await client.GetAsync($"/preferences/language?lang=en&returnUrl={Uri.EscapeDataString(returnUrl)}");
        var theme = await client.GetAsync($"/preferences/theme?mode=dark&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", language.Headers.Location?.OriginalString);
        Assert.Equal("/", theme.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/%09/x")]
    [InlineData("/%0d%0a/x")]
    [InlineData("%0d%0aSet-Cookie:x=1")]
    public async Task AReturnAddressWithControlCharactersIsA400WithAMessage(string encodedReturnUrl)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in new[] { $"/preferences/language?lang=en&returnUrl={encodedReturnUrl}", $"/preferences/theme?mode=dark&returnUrl={encodedReturnUrl}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("戻り先のアドレスが正しくありません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null(response.Headers.Location);
        }
    }

    [Fact]
    public async Task DarkThemeIsRememberedAndPrerendered()
    {
        var client = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        await client.GetAsync("/preferences/theme?mode=dark&returnUrl=%2F");

        Assert.Contains("data-theme=\"dark\"", await client.GetStringAsync("/dashboard"), StringComparison.Ordinal);
    }
}
