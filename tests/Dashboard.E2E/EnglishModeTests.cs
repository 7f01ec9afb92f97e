using Xunit.Abstractions;

namespace Dashboard.E2E;

/// <summary>
/// English mode (JIS X 8341-3 3.1.2, language of parts): every run of Japanese text on every page sits inside an
/// element marked lang="ja" (the plan's, departments' and people's names), and the page's own words are English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishModeTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Japanese script: hiragana, katakana, CJK ideographs, full-width forms and the ideographic punctuation.
    private const string UnmarkedJapanese = """
        () => {
          const japanese = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const runs = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.nodeValue.trim();
            if (!text || !japanese.test(text)) continue;
            const parent = node.parentElement;
            // Hidden from assistive technology (the chart's drawing; its figures are in the table under it): not read at all.
            if (!parent || parent.closest('script, style, template, [aria-hidden="true"]')) continue;
            const marked = parent.closest('[lang]');
            if (marked && marked.getAttribute('lang').startsWith('ja')) continue;
            runs.push(text.slice(0, 40) + (window.__where ? ' @' + parent.tagName + '.' + [...parent.classList].join('.') + (parent.closest('[class]') ? '<' + parent.parentElement?.className : '') : ''));
          }
          return runs;
        }
        """;

    [Fact]
    public async Task NoPageShowsJapaneseOutsideAnElementMarkedJapanese()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync("/preferences/language?lang=en&returnUrl=%2Faccount%2Flogin");
        var failures = new List<string>();
        await CountAsync(page, "/account/login", failures);
        await BrowserFixture.SignInAsync(page, DemoUsers.Admin, "/dashboard", interactive: false);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        foreach (var (url, interactive) in SignedInPages.All)
        {
            await page.GotoAsync(url);
            if (interactive)
            {
                await BrowserFixture.WaitForInteractiveAsync(page);
            }

            await CountAsync(page, url, failures);
        }

        foreach (var url in new[] { "/public?lang=en", "/public/data?lang=en" })
        {
            await page.GotoAsync(url);
            await CountAsync(page, url, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheEntryFormsErrorsAreInEnglishOnAnEnglishPage()
    {
        // The rules run in the server's circuit: they must read the person's language there, not the host's.
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync("/preferences/language?lang=en&returnUrl=%2Faccount%2Flogin");
        await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, "/entries/I01-K1/2025/4");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var form = page.Locator("[data-form='entry']");

        await form.Locator("input[name='value']").FillAsync("12,3");
        await Microsoft.Playwright.Assertions.Expect(form.Locator("#value-error")).ToContainTextAsync("This is not a number.");
        await form.Locator("input[name='value']").FillAsync("");
        await form.Locator("textarea[name='done']").FillAsync("");
        await form.Locator("[data-action='submit']").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(form.Locator("#value-error")).ToHaveTextAsync("Enter the figure before submitting.");
        await Microsoft.Playwright.Assertions.Expect(form.Locator("#done-error")).ToHaveTextAsync("Enter what was done before submitting.");

        var failures = new List<string>();
        await CountAsync(page, "/entries/I01-K1/2025/4 with errors", failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CountAsync(Microsoft.Playwright.IPage page, string url, List<string> failures)
    {
        if (Environment.GetEnvironmentVariable("LANG_DETAIL") is not null)
        {
            await page.EvaluateAsync("() => window.__where = true");
        }

        var runs = await page.EvaluateAsync<string[]>(UnmarkedJapanese);
        output.WriteLine($"{url}: {runs.Length} unmarked Japanese runs");
        if (runs.Length > 0)
        {
            failures.Add($"{url}: {runs.Length} unmarked: {string.Join(" | ", runs.Distinct().Take(int.TryParse(Environment.GetEnvironmentVariable("LANG_DETAIL"), out var n) ? n : 12))}");
        }
    }
}
