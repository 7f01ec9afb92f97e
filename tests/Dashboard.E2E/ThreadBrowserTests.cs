using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Issue 24, acceptance 1, in Chromium: a committee member asks about an approved figure and mentions 企画課 through the
/// mention list; 田中 (企画課) gets the notice in the bell, opens it onto the thread and answers; the secretariat
/// resolves it; the thread and its history show who did what and when. I01-K1 FY2024 Q2 is used by no other browser test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThreadBrowserTests(BrowserFixture browser)
{
    private const string Page = "/dashboard/kpis/I01-K1?fy=2024&q=2";

    [Fact]
    public async Task TheCommitteeAsksTanakaIsToldAndAnswersTheSecretariatResolvesAndTheHistoryShowsWhoAndWhen()
    {
        var question = "前期から伸びた理由を教えてください（" + Guid.NewGuid().ToString("N")[..6] + "）";

        // 1. 鈴木 (推進本部) picks 企画課 from the mention list and asks.
        var (suzuki, suzukiErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(suzuki, DemoUsers.Committee, Page);
        await suzuki.Locator("[data-mention-select='start-thread']").ClickAsync();
        await suzuki.Locator(".mud-popover-open .mud-list-item").GetByText("@企画課", new() { Exact = true }).ClickAsync();
        var box = suzuki.Locator("textarea[data-comment-body='start-thread']");
        await Assertions.Expect(box).ToHaveValueAsync("@企画課 ");
        await box.PressSequentiallyAsync(question);
        await suzuki.Locator("[data-action='start-thread']").ClickAsync();
        var asked = suzuki.Locator("[data-thread]", new() { HasText = question });
        await Assertions.Expect(asked).ToHaveAttributeAsync("data-thread-state", "open");
        await Assertions.Expect(asked.Locator("[data-author]")).ToHaveTextAsync("鈴木 次郎（DX推進本部 委員）");
        var id = await asked.GetAttributeAsync("data-thread");

        // 2. 田中 sees one notice for it in the bell and opens it onto the thread, then answers there.
        var (tanaka, tanakaErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(tanaka, DemoUsers.StaffKikaku, "/entries?fy=2024&q=2");
        var bell = tanaka.Locator("details.bell");
        var notice = bell.Locator("li[data-kind='Mention']", new() { HasText = "I01-K1" });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await bell.Locator("summary").ClickAsync();
        await notice.Locator("button.bell-open").ClickAsync();
        await BrowserFixture.WaitForUrlAsync(tanaka, url => url.Contains("/dashboard/kpis/I01-K1", StringComparison.Ordinal) && url.EndsWith($"#thread-{id}", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(tanaka);
        var thread = tanaka.Locator($"[data-thread='{id}']");
        await Assertions.Expect(thread.Locator("[data-body]").First).ToContainTextAsync(question);
        await thread.Locator("textarea[data-comment-body='reply']").FillAsync("窓口でのオンライン申請の案内を始めたためです。");
        await thread.Locator("[data-action='reply']").ClickAsync();
        await Assertions.Expect(thread.Locator("[data-comment]")).ToHaveCountAsync(2);
        await Assertions.Expect(thread.Locator("[data-comment]").Nth(1).Locator("[data-author]")).ToHaveTextAsync("田中 一郎（企画課 担当者）");

        // 3. 高橋 (事務局) resolves it.
        var (takahashi, takahashiErrors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(takahashi, DemoUsers.Planner, Page);
        var resolved = takahashi.Locator($"[data-thread='{id}']");
        await resolved.Locator("[data-action='resolve']").ClickAsync();
        await Assertions.Expect(resolved).ToHaveAttributeAsync("data-thread-state", "resolved");

        // 4. Names and times, as the committee member sees them after a reload: the times are those the server stored.
        await suzuki.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(suzuki);
        var seen = suzuki.Locator($"[data-thread='{id}']");
        await Assertions.Expect(seen).ToHaveAttributeAsync("data-thread-state", "resolved");
        var api = await suzuki.APIRequest.GetAsync("/api/threads/kpis/I01-K1/2024/2");
        Assert.True(api.Ok, api.StatusText);
        using var json = JsonDocument.Parse(await api.TextAsync());
        var stored = json.RootElement.GetProperty("threads").EnumerateArray().Single(t => t.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture) == id);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        string Japan(JsonElement utc, string format) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc.GetDateTime(), DateTimeKind.Utc), tokyo).ToString(format, CultureInfo.InvariantCulture);
        var comments = stored.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains(Japan(comments[i].GetProperty("createdUtc"), "yyyy/MM/dd H:mm"), await seen.Locator("[data-comment]").Nth(i).Locator("time").InnerTextAsync(), StringComparison.Ordinal);
        }

        await Assertions.Expect(seen.Locator("[data-resolved-by]")).ToContainTextAsync("高橋 美咲（企画・DX推進担当）");
        await Assertions.Expect(seen.Locator("[data-resolved-by]")).ToContainTextAsync(Japan(stored.GetProperty("resolvedUtc"), "M/d H:mm"));
        var history = seen.Locator("details[data-thread-history]");
        await history.Locator("summary").ClickAsync();
        var lines = history.Locator("li");
        await Assertions.Expect(lines).ToHaveCountAsync(3);
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("鈴木 次郎（DX推進本部 委員） 投稿");
        await Assertions.Expect(lines.Nth(1)).ToContainTextAsync("田中 一郎（企画課 担当者） 投稿");
        await Assertions.Expect(lines.Nth(2)).ToContainTextAsync("高橋 美咲（企画・DX推進担当） 解決済みにした");
        await Assertions.Expect(lines.Nth(2)).ToContainTextAsync(Japan(stored.GetProperty("resolvedUtc"), "yyyy/MM/dd H:mm"));

        Assert.True(suzukiErrors.Count == 0 && tanakaErrors.Count == 0 && takahashiErrors.Count == 0,
            string.Join("\n", suzukiErrors.Concat(tanakaErrors).Concat(takahashiErrors)));
    }
}
