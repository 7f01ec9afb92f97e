using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Issue 22, point 1: a person types a figure and notes in the entry form (or a return reason in the review queue, an
/// assessment, a reply, or a planner's target revision with its lists)
/// without saving; the server restarts, the network drops for 20 seconds, or the instance behind a proxy stops. The text is back with the line 「入力途中の内容を復元しました。まだ保存されていません」,
/// a save pressed while the connection is down is refused with a message (never dropped in silence), and saving
/// afterwards stores exactly what was typed. Each test has its own server, so restarting it disturbs no other test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NothingTypedLostTests(BrowserFixture browser)
{
    // I06-K1 (AI-OCR・RPA, 企画課) has no figure for 令和7年度 第4四半期 in the sample data.
    private const string EntryUrl = "/entries/I06-K1/2025/4";
    private const string Figure = "19"; // at or above the latest approved running total (18業務), so it saves without a confirmation
    private const string Done = "住民税の申告書にAI-OCRを導入した（保存前に入力した文）。";
    private const string Check = "読取精度は96%。帳票の様式で差が出た。";

    [Fact]
    public async Task TextTypedBeforeARestartOfTheServerIsRestoredAndSavesAsTyped()
    {
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            var (page, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, EntryUrl);
            var form = page.Locator("[data-form='entry']");
            await TypeAsync(form);

            // SIGTERM: while the server is down the page says so in Japanese, in a dialog, and that the text is kept.
            await MarkAsync(page);
            await server.StopAsync();
            var dialog = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 60_000 });
            Assert.Contains("サーバーとの接続が切れました", await dialog.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("入力中の内容はこのブラウザに保持しています", await dialog.InnerTextAsync(), StringComparison.Ordinal);
            if (Environment.GetEnvironmentVariable("E2E_SHOTS") is { Length: > 0 } shots)
            {
                Directory.CreateDirectory(shots);
                await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "reconnect-dialog.png") });
            }

            // A fresh process on the same database: the circuit that held the text is gone.
            await server.StartAgainAsync();
            await ReloadedAsync(page);

            // The page finds the server again, is told the circuit is unknown, reloads, and the form restores the copy.
            await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            Assert.Contains("まだ保存されていません", await form.Locator("[data-keep-notice]").InnerTextAsync(), StringComparison.Ordinal);
            await ExpectTypedAsync(form);
            await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeVisibleAsync(); // on the reloaded page too

            await SaveAndReadBackAsync(page);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASaveDuringATwentySecondDropIsRefusedWithAMessageAndTheTextSavesAfterwards()
    {
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            var (page, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, EntryUrl);
            var form = page.Locator("[data-form='entry']");
            await TypeAsync(form);

            await page.Context.SetOfflineAsync(true);
            await Assertions.Expect(page.Locator("html[data-disconnected]")).ToHaveCountAsync(1);

            // 下書き保存 while the network is down: refused, said in Japanese, and nothing reaches the server.
            await form.Locator("[data-action='save-draft']").ClickAsync();
            var refused = form.Locator("[data-keep-refused]");
            await Assertions.Expect(refused).ToBeVisibleAsync();
            Assert.Contains("保存していません", await refused.InnerTextAsync(), StringComparison.Ordinal);

            // The drop lasts 20 seconds (the scenario itself, not a wait for the page).
            await Task.Delay(TimeSpan.FromSeconds(20));
            await page.Context.SetOfflineAsync(false);

            // Back online: the circuit rejoins, the text is as typed, and the refusal (which spoke of a connection that
            // is down) gives way to a line saying the connection is back and the save was not done.
            await Assertions.Expect(page.Locator("html[data-disconnected]")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
            await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
            var rejoined = form.Locator("[data-keep-rejoined]");
            await Assertions.Expect(rejoined).ToBeVisibleAsync();
            Assert.Contains("接続が戻りました", await rejoined.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("もう一度保存してください", await rejoined.InnerTextAsync(), StringComparison.Ordinal);
            await Assertions.Expect(refused).ToBeHiddenAsync();
            await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeHiddenAsync();
            await ExpectTypedAsync(form);

            await SaveAndReadBackAsync(page);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // The planner's target revision is mostly lists (MudSelect has no field of its own): the KPI and year chosen come
    // back with the typed value and reason, the form opens itself after the restart, and the revision saves as typed.
    [Fact]
    public async Task ATargetRevisionChosenAndTypedBeforeARestartOpensAgainAndSavesAsTyped()
    {
        const string reason = "登録者の伸びが想定より大きいため（保存前に入力した理由）。";
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            var (page, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/plan");
            await page.Locator("[data-action='revise-target']").ClickAsync();
            var form = page.Locator("[data-form='target']");
            await BrowserFixture.ChooseAsync(page, "[data-field='kpi']", "I02-K1");
            await BrowserFixture.ChooseAsync(page, "[data-field='target-year']", "令和6年度");
            await form.Locator("input[name='target-value']").FillAsync("18500");
            await form.Locator("input[name='target-effective']").FillAsync("2024-10-01");
            await form.Locator("textarea[name='target-reason']").FillAsync(reason);

            await MarkAsync(page);
            await server.StopAsync();
            await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await server.StartAgainAsync();
            await ReloadedAsync(page);

            await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Assertions.Expect(form.Locator("[data-field='kpi']")).ToContainTextAsync("I02-K1");
            await Assertions.Expect(form.Locator("[data-field='target-year']")).ToContainTextAsync("令和6年度");
            await Assertions.Expect(form.Locator("input[name='target-value']")).ToHaveValueAsync("18500");
            await Assertions.Expect(form.Locator("textarea[name='target-reason']")).ToHaveValueAsync(reason);

            await form.Locator("[data-action='save-target']").ClickAsync();
            await Assertions.Expect(page.Locator("[data-revision-saved]")).ToContainTextAsync("I02-K1", new() { Timeout = 30_000 });
            Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('dashboard-keep:')).length"));
            await page.GotoAsync(new Uri(server.BaseAddress, "/dashboard/kpis/I02-K1?fy=2024&q=4").ToString());
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-revision-reason]")).ToContainTextAsync(reason);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // A field that takes its text when the cursor leaves it (the assessment's 課題, a draft plan's targets) loses the
    // cursor to the reconnect dialog after the connection is already down: the text is on the screen but the server
    // never heard of it. On rejoin the page hands the text over again, so the save stores what is shown.
    [Fact]
    public async Task TextStillInItsFieldWhenTheConnectionDropsIsSavedAsShownAfterTheRejoin()
    {
        const string issues = "通信が切れる直前まで入力していた課題（カーソルは欄の中）。";
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            var (page, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(page, DemoUsers.Planner, "/initiatives/2/assessment/2025");
            await page.Locator("[data-action='edit-assessment']").ClickAsync();
            var editor = page.Locator("[data-assessment-form]");
            await editor.Locator("textarea[name='issues']").FillAsync(issues);

            await page.Context.SetOfflineAsync(true);
            await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(page.Locator("html[data-disconnected]")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
            await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
            await Assertions.Expect(editor.Locator("textarea[name='issues']")).ToHaveValueAsync(issues);

            await SaveWhenConnectedAsync(page, editor, "save-assessment", page.Locator("[data-field='issues']", new() { HasText = issues }));
            await Assertions.Expect(page.Locator("[data-field='issues']")).ToHaveTextAsync(issues, new() { Timeout = 30_000 });
            await page.ReloadAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-field='issues']")).ToHaveTextAsync(issues);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task TextTypedOnAnInstanceThatStopsBehindTheProxyIsRestoredOnTheOtherAndSavesAsTyped()
    {
        // Two instances on one database behind a real reverse proxy with session affinity, as in production.
        var a = new ServerProcess();
        await a.InitializeAsync();
        var b = new ServerProcess($"--ConnectionStrings:Dashboard=Data Source={a.DatabasePath}");
        try
        {
            await b.InitializeAsync();
            await using var proxy = await AffinityProxy.StartAsync(new Dictionary<string, Uri> { ["a"] = a.BaseAddress, ["b"] = b.BaseAddress });
            var (page, errors) = await browser.NewPageAsync(proxy.BaseAddress);
            try
            {
                await BrowserFixture.SignInAsync(page, DemoUsers.StaffKikaku, EntryUrl);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message}\npage errors:\n{string.Join("\n", errors)}\nA:\n{a.Log}\nB:\n{b.Log}", e);
            }

            // The instance holding this person's page and circuit (affinity keeps both on one).
            var shown = await page.ReloadAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            var holder = await shown!.HeaderValueAsync(AffinityProxy.InstanceHeader);
            Assert.True(holder is "a" or "b", $"answered by {holder}");
            var form = page.Locator("[data-form='entry']");
            await TypeAsync(form);

            // That instance stops (a deployment, a patch day); the proxy's health check takes it out.
            await MarkAsync(page);
            await (holder == "a" ? a : b).StopAsync();
            await ReloadedAsync(page);

            // The page finds the other instance, which does not know the circuit: it reloads there and restores the copy.
            var other = holder == "a" ? "b" : "a";
            await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await ExpectTypedAsync(form);
            var now = await page.ReloadAsync();
            Assert.Equal(other, await now!.HeaderValueAsync(AffinityProxy.InstanceHeader));
            await BrowserFixture.WaitForInteractiveAsync(page);
            await ExpectTypedAsync(form);

            await SaveAndReadBackAsync(page);
        }
        finally
        {
            await b.DisposeAsync();
            await a.DisposeAsync();
        }
    }

    [Fact]
    public async Task AReturnReasonTypedBeforeARestartIsRestoredAndReturnsAsTyped()
    {
        const string reason = "提出された数値の根拠となる帳票名を記入してください（保存前に入力した理由）。";
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            // The department submits; the secretariat opens the queue and types a return reason, without pressing 差戻し.
            var (staff, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKikaku, EntryUrl);
            await TypeAsync(staff.Locator("[data-form='entry']"));
            await staff.Locator("[data-form='entry'] [data-action='submit']").ClickAsync();
            await staff.Locator("[data-saved]").WaitForAsync();

            var (planner, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, "/review?fy=2025&q=4");
            var submission = planner.Locator("[data-submission='I06-K1']");
            await submission.Locator("input[name='comment']").FillAsync(reason);
            await Assertions.Expect(submission.Locator("[data-keep-notice]")).ToBeHiddenAsync();

            await MarkAsync(planner);
            await server.StopAsync();
            await Assertions.Expect(planner.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await server.StartAgainAsync();
            await ReloadedAsync(planner);

            // The page reloads against the new process; the reason is back, marked not yet saved.
            await Assertions.Expect(submission.Locator("[data-keep-notice]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            Assert.Contains("まだ保存されていません", await submission.Locator("[data-keep-notice]").InnerTextAsync(), StringComparison.Ordinal);
            await Assertions.Expect(submission.Locator("input[name='comment']")).ToHaveValueAsync(reason);

            // 差戻し stores exactly what was typed, and the copy goes.
            await submission.Locator("[data-action='return']").ClickAsync();
            await planner.Locator("[data-submission='I06-K1'] [data-state='Returned']").WaitForAsync();
            Assert.Equal(0, await planner.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('dashboard-keep:')).length"));
            await staff.ReloadAsync();
            await BrowserFixture.WaitForInteractiveAsync(staff);
            await Assertions.Expect(staff.Locator("[data-review-comment]")).ToContainTextAsync(reason);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnAssessmentAndAReplyTypedBeforeARestartAreRestoredAndSaveAsTyped()
    {
        const string issues = "窓口の予約制が定着していない（保存前に入力した課題）。";
        const string reply = "予約システムの案内を広報に載せます（保存前に入力した回答）。";
        const string url = "/initiatives/2/assessment/2025";
        var server = new ServerProcess();
        await server.InitializeAsync();
        try
        {
            // The planner opens the editor and types the 課題; 会計課 types its reply. Neither presses save.
            var (planner, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(planner, DemoUsers.Planner, url);
            await planner.Locator("[data-action='edit-assessment']").ClickAsync();
            await planner.Locator("[data-assessment-form] textarea[name='issues']").FillAsync(issues);
            var (staff, _) = await browser.NewPageAsync(server);
            await BrowserFixture.SignInAsync(staff, DemoUsers.StaffKaikei, url);
            await staff.Locator("[data-reply-form] textarea[name='reply']").FillAsync(reply);

            await MarkAsync(planner);
            await MarkAsync(staff);
            await server.StopAsync();
            await Assertions.Expect(planner.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await server.StartAgainAsync();
            await ReloadedAsync(planner);
            await ReloadedAsync(staff);

            // Both pages reload against the new process: the editor opens itself with the text, the reply is back,
            // each marked not yet saved.
            var editor = planner.Locator("[data-assessment-form]");
            await Assertions.Expect(editor.Locator("[data-keep-notice]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            Assert.Contains("まだ保存されていません", await editor.Locator("[data-keep-notice]").InnerTextAsync(), StringComparison.Ordinal);
            await Assertions.Expect(editor.Locator("textarea[name='issues']")).ToHaveValueAsync(issues);
            var replyForm = staff.Locator("[data-reply-form]");
            await Assertions.Expect(replyForm.Locator("[data-keep-notice]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Assertions.Expect(replyForm.Locator("textarea[name='reply']")).ToHaveValueAsync(reply);

            // Saving stores exactly what was typed, and the copies go.
            await editor.Locator("[data-action='save-assessment']").ClickAsync();
            await Assertions.Expect(planner.Locator("[data-field='issues']")).ToHaveTextAsync(issues);
            Assert.Equal(0, await planner.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('dashboard-keep:')).length"));
            await staff.ReloadAsync(); // the planner's save moved the version: the reply is typed on the new one
            await BrowserFixture.WaitForInteractiveAsync(staff);
            await Assertions.Expect(replyForm.Locator("textarea[name='reply']")).ToHaveValueAsync(reply);
            await replyForm.Locator("textarea[name='reply']").FillAsync(reply);
            await staff.Locator("[data-action='save-reply']").ClickAsync();
            await Assertions.Expect(staff.Locator("[data-field='reply']")).ToContainTextAsync(reply);
            Assert.Equal(0, await staff.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('dashboard-keep:')).length"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // On a loaded machine the connection can drop again just after a rejoin; a press then is refused by design (the
    // form says 保存していません and keeps the text), and a person presses again once the page is back. Any other
    // outcome (nothing stored and no refusal, or a second refusal) still fails the test.
    private static async Task SaveWhenConnectedAsync(IPage page, ILocator form, string action, ILocator saved)
    {
        var connected = page.Locator("html[data-disconnected]");
        await Assertions.Expect(connected).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        await form.Locator($"[data-action='{action}']").ClickAsync();
        await Assertions.Expect(saved.Or(form.Locator("[data-keep-refused]")).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (!await saved.IsVisibleAsync())
        {
            // Refused while the connection was down again: once it is back, the second press must store the text.
            await Assertions.Expect(connected).ToHaveCountAsync(0, new() { Timeout = 90_000 });
            await form.Locator($"[data-action='{action}']").ClickAsync();
        }
    }

    private static async Task TypeAsync(ILocator form)
    {
        await form.Locator("input[name='value']").FillAsync(Figure);
        await form.Locator("textarea[name='done']").FillAsync(Done);
        await form.Locator("textarea[name='check']").FillAsync(Check);
        await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeHiddenAsync();
    }

    // After a restart the old page may show its notice on the way back (a copy exists) just before it reloads; the new
    // page's form takes the copy once its circuit is up, which on a loaded machine takes more than the default 5 s.
    private static async Task ExpectTypedAsync(ILocator form)
    {
        var patient = new LocatorAssertionsToHaveValueOptions { Timeout = 90_000 };
        await Assertions.Expect(form.Locator("input[name='value']")).ToHaveValueAsync(Figure, patient);
        await Assertions.Expect(form.Locator("textarea[name='done']")).ToHaveValueAsync(Done, patient);
        await Assertions.Expect(form.Locator("textarea[name='check']")).ToHaveValueAsync(Check, patient);
    }

    // The page from before the restart can show its notice on the way back, just before it reloads: the checks that
    // follow must look at the reloaded page. A mark set on the old document is gone from the new one.
    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.__beforeRestart = true; }");

    private static async Task ReloadedAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__beforeRestart === undefined", null, new() { Timeout = 90_000, PollingInterval = 200 });
        await BrowserFixture.WaitForInteractiveAsync(page);
    }

    // 下書き保存 stores exactly what was typed: the notice goes, and a fresh load shows the server's copy.
    private static async Task SaveAndReadBackAsync(IPage page)
    {
        var form = page.Locator("[data-form='entry']");
        await form.Locator("[data-action='save-draft']").ClickAsync();
        await Assertions.Expect(form.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Draft");
        await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeHiddenAsync();
        await Assertions.Expect(form.Locator("[data-keep-refused]")).ToBeHiddenAsync();
        await Assertions.Expect(form.Locator("[data-keep-rejoined]")).ToBeHiddenAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('dashboard-keep:')).length"));

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(form.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Draft");
        await Assertions.Expect(form.Locator("[data-keep-notice]")).ToBeHiddenAsync();
        await ExpectTypedAsync(form);
    }
}
