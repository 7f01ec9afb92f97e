using Dashboard.Client.Features.Entries;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Review;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>The entry form with the real MudBlazor components and the shared rules; only the API is replaced.</summary>
public sealed class EntryFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly RecordingEntryService _service = new();
    private readonly RecordingReviewService _review = new();

    public EntryFormTests()
    {
        _ctx.Services.AddSingleton<IEntryService>(_service);
        _ctx.Services.AddSingleton<IReviewService>(_review);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    // I01-K1 in FY2023 Q2: the path expects 120 (100 -> 140 over FY2023).
    private static EntryDto Entry(EntryState? state = null, decimal? value = null) => new(
        SamplePlans.Plan(withSamples: false).Policies[0].Initiatives[0].Kpis[0], 2023, 2, StatusThresholds.Default, 120m,
        value, null, null, null, null, null, null, state, null, state is null ? null : Guid.NewGuid(), null, null, false, false);

    private IRenderedComponent<EntryForm> Render(EntryDto entry)
    {
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        return _ctx.Render<EntryForm>(p => p.Add(f => f.Entry, entry));
    }

    [Fact]
    public void StatusFollowsTheFigureAsItIsTyped()
    {
        var form = Render(Entry());
        Assert.Equal("NotReported", form.Find("[data-status]").GetAttribute("data-status"));

        form.Find("input[name='value']").Input("１２０");
        Assert.Equal("OnTrack", form.Find("[data-status]").GetAttribute("data-status"));

        form.Find("input[name='value']").Input("100");
        Assert.Equal("Delayed", form.Find("[data-status]").GetAttribute("data-status"));
        Assert.Equal("遅延", form.Find("[data-status]").TextContent.Trim());
    }

    [Fact]
    public void TheYearsTargetAndTheLatestApprovedFigureStandBesideTheField()
    {
        var form = Render(Entry() with { LastApproved = new LatestFigureDto(2023, 1, 104m, null, false) });

        Assert.Equal("令和5年度の目標: 140手続", Squeeze(form.Find("[data-year-target]").TextContent));
        Assert.Equal("直近の実績（承認済み）: 104手続（令和5年度 第1四半期）", Squeeze(form.Find("[data-last-approved]").TextContent));

        // Nothing approved before: the target alone.
        var first = Render(Entry());
        Assert.Empty(first.FindAll("[data-last-approved]"));
        Assert.Single(first.FindAll("[data-year-target]"));
    }

    private static string Squeeze(string text) => string.Join(" ", text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void ABadFigureIsMarkedAtTheFieldWhileTyping()
    {
        var form = Render(Entry());

        form.Find("input[name='value']").Input("12,3");

        Assert.Contains("数値として読めません", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsAndTheRequiredHintAreLinkedToTheirFieldsForScreenReaders()
    {
        var form = Render(Entry());
        form.Find("input[name='value']").Input("100"); // 遅延: 評価・課題 becomes required

        var check = form.Find("textarea[name='check']");
        Assert.Equal("true", check.GetAttribute("aria-required"));
        var hint = form.Find($"#{check.GetAttribute("aria-describedby")}");
        Assert.Contains("必須", hint.TextContent, StringComparison.Ordinal);

        form.Find("button[data-action='submit']").Click();

        var done = form.Find("textarea[name='done']");
        Assert.Equal("true", done.GetAttribute("aria-invalid"));
        Assert.Contains("done-error", done.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Contains("実施内容を入力してください", form.Find("#done-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("check-error", form.Find("textarea[name='check']").GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("赤く", form.Markup, StringComparison.Ordinal);
        Assert.Empty(_service.Saved);
    }

    [Fact]
    public void InEnglishTheHistoryShowsQuartersAndWorkflowStepsInEnglishAndPeoplesTextMarkedJapanese()
    {
        UiCulture.Use("en");
        try
        {
            var history = _ctx.Render<EntryHistory>(p => p.Add(h => h.Items, new List<EntryHistoryDto>
            {
                new(DateTime.UtcNow, "高橋 美咲", "令和7年度 第4四半期", "State", "Submitted", "Approved", "承認", 2025, 4),
                new(DateTime.UtcNow, "伊藤 誠", "令和7年度 第4四半期", "State", "Approved", "Returned", "数値の根拠を確認するため", 2025, 4),
            }));

            var rows = history.FindAll("tbody tr");
            Assert.Contains("FY2025 Q4", rows[0].TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("令和", history.Markup, StringComparison.Ordinal);
            Assert.Contains("Approved", rows[0].Children[^1].TextContent, StringComparison.Ordinal);
            Assert.Equal("ja", rows[1].Children[^1].GetAttribute("lang"));
            Assert.Equal("ja", rows[1].Children[2].GetAttribute("lang")); // the person's name
        }
        finally
        {
            UiCulture.Use("ja-JP");
        }
    }

    [Fact]
    public void InEnglishTheRulesAnswerInEnglishAndTheConfirmationIsStillOffered()
    {
        UiCulture.Use("en");
        try
        {
            var form = Render(Entry());
            form.Find("input[name='value']").Input("12,3");
            Assert.Contains("This is not a number. For example: 1234, 1,234 or 85.5", form.Find("#value-error").TextContent, StringComparison.Ordinal);

            form.Find("input[name='value']").Input("20000"); // the final target is 200
            Assert.StartsWith("Check: this is more than ten times the plan's targets and baseline (2,000).", form.Find("#value-error").TextContent.Trim(), StringComparison.Ordinal);
            form.Find("button[data-action='save-draft']").Click();
            Assert.Empty(_service.Saved);

            form.Find("input[name='confirm-unlikely']").Change(true);
            form.Find("button[data-action='save-draft']").Click();
            Assert.Equal(("20000", true), (Assert.Single(_service.Saved).Value, _service.Saved[0].ConfirmUnlikely));

            form.Find("input[name='value']").Input("");
            form.Find("button[data-action='submit']").Click();
            Assert.Contains("Enter the figure before submitting.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter what was done before submitting.", form.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("入力してください", form.Markup, StringComparison.Ordinal);
        }
        finally
        {
            UiCulture.Use("ja-JP");
        }
    }

    [Fact]
    public void AFigureTenTimesThePlanAsksForConfirmationBeforeItIsSaved()
    {
        var form = Render(Entry());
        form.Find("input[name='value']").Input("20000"); // the final target is 200

        Assert.Contains("10倍", form.Markup, StringComparison.Ordinal);
        form.Find("button[data-action='save-draft']").Click();
        Assert.Empty(_service.Saved);

        form.Find("input[name='confirm-unlikely']").Change(true);
        form.Find("button[data-action='save-draft']").Click();

        var saved = Assert.Single(_service.Saved);
        Assert.Equal(("20000", true), (saved.Value, saved.ConfirmUnlikely));
    }

    [Fact]
    public void ARunningTotalBelowTheLatestApprovedAsksForConfirmationBeforeItIsSaved()
    {
        var form = Render(Entry() with { LastApproved = new LatestFigureDto(2023, 1, 104m, null, false) });
        form.Find("input[name='value']").Input("6"); // the quarter's increase, not the running total

        Assert.Contains("直近の実績（104）より小さい値です", form.Markup, StringComparison.Ordinal);
        form.Find("button[data-action='save-draft']").Click();
        Assert.Empty(_service.Saved);

        form.Find("input[name='value']").Input("110");
        Assert.DoesNotContain("より小さい値です", form.Markup, StringComparison.Ordinal);
        form.Find("button[data-action='save-draft']").Click();
        Assert.Equal(("110", false), (Assert.Single(_service.Saved).Value, _service.Saved[0].ConfirmUnlikely));
    }

    [Fact]
    public void AKeptConfirmationAndMilestoneStateComeBackWithTheText()
    {
        // After a restart the copy in the browser holds the figure, the 「この値で正しい」 tick and a milestone's state.
        _ctx.JSInterop.Setup<bool>("dashboardKeep.has", "entry/I01-K1/2023-2").SetResult(true);
        _ctx.JSInterop.Setup<Dashboard.Client.Features.Forms.KeptForm?>("dashboardKeep.take", "entry/I01-K1/2023-2")
            .SetResult(new(string.Empty, new Dictionary<string, string> { ["value"] = "6", ["confirm-unlikely"] = "1", ["done"] = "5件追加" }));
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        var form = _ctx.Render<EntryForm>(p => p.Add(f => f.Entry, Entry() with { LastApproved = new LatestFigureDto(2023, 1, 104m, null, false) }));

        form.WaitForAssertion(() => Assert.Equal("6", form.Find("input[name='value']").GetAttribute("value")));
        Assert.Equal("1", form.Find("[data-keep-choice='confirm-unlikely']").GetAttribute("data-value"));
        form.Find("button[data-action='save-draft']").Click();
        Assert.Equal(("6", true), (Assert.Single(_service.Saved).Value, _service.Saved[0].ConfirmUnlikely));

        var tax = SamplePlans.Plan(withSamples: false).Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == "I02-K3");
        _ctx.JSInterop.Setup<bool>("dashboardKeep.has", "entry/I02-K3/2023-2").SetResult(true);
        _ctx.JSInterop.Setup<Dashboard.Client.Features.Forms.KeptForm?>("dashboardKeep.take", "entry/I02-K3/2023-2")
            .SetResult(new(string.Empty, new Dictionary<string, string> { ["milestone"] = nameof(MilestoneState.InProgress), ["done"] = "業者を選んだ" }));
        var milestone = _ctx.Render<EntryForm>(p => p.Add(f => f.Entry, Entry() with { Kpi = tax, Expected = null }));
        milestone.WaitForAssertion(() => Assert.Equal(nameof(MilestoneState.InProgress), milestone.Find("[data-keep-choice='milestone']").GetAttribute("data-value")));
    }

    [Fact]
    public void AStoredFigureThatWasConfirmedIsNotQuestionedAgainButADifferentOneIs()
    {
        // 6 was saved with 「この値で正しい」 below the latest approved 104; the form reopens on it and submits it.
        var form = Render(Entry(EntryState.Draft, 6m) with { LastApproved = new LatestFigureDto(2023, 1, 104m, null, false), Done = "5件追加" });

        Assert.DoesNotContain("より小さい値です", form.Markup, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("input[name='confirm-unlikely']"));
        form.Find("button[data-action='save-draft']").Click();
        Assert.Equal(("6", true), (Assert.Single(_service.Saved).Value, _service.Saved[0].ConfirmUnlikely));

        form.Find("input[name='value']").Input("7");
        Assert.Contains("より小さい値です", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AMilestoneDateIsShownAsTheDateInputsTextAndSavedAsTyped()
    {
        var tax = SamplePlans.Plan(withSamples: false).Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == "I02-K3");
        var form = Render(Entry() with { Kpi = tax, Expected = null, Milestone = MilestoneState.Done, MilestoneDate = new DateOnly(2023, 7, 3) });
        Assert.Equal("2023-07-03", form.Find("input[name='milestoneDate']").GetAttribute("value"));

        form.Find("input[name='milestoneDate']").Change("2023-09-29");
        form.Find("button[data-action='save-draft']").Click();

        var saved = Assert.Single(_service.Saved);
        Assert.Equal((MilestoneState.Done, new DateOnly(2023, 9, 29)), (saved.Milestone, saved.MilestoneDate));
    }

    [Fact]
    public void ASubmissionIsReadOnlyAndIsWithdrawnOnlyAfterTheQuestionIsAnswered()
    {
        var submitted = Entry(EntryState.Submitted, 120m);
        EntryDto? reloaded = null;
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        var form = _ctx.Render<EntryForm>(p => p.Add(f => f.Entry, submitted).Add(f => f.OnSaved, (EntryDto e) => reloaded = e));

        Assert.Empty(form.FindAll("button[data-action='save-draft'], button[data-action='submit']"));
        Assert.Contains("取り下げて下書きに戻して", form.Markup, StringComparison.Ordinal);

        form.Find("button[data-action='withdraw']").Click();
        Assert.Empty(_service.Withdrawn);
        Assert.Contains("審査待ちから外れ", form.Markup, StringComparison.Ordinal);
        form.Find("button[data-action='withdraw-confirm']").Click();

        var request = Assert.Single(_service.Withdrawn);
        Assert.Equal(submitted.Version, request.Version);
        Assert.Equal(EntryState.Draft, reloaded?.State);
        Assert.Empty(_service.Saved);
    }

    [Fact]
    public void ClosingAQuarterListsWhatWaitsAndNeedsAReasonToStrandIt()
    {
        var returned = new SubmissionDto("I01-K1", "オンライン化した行政手続の数", 1, ["企画課"], 2025, 4, "150手続", KpiStatus.OnTrack, EntryState.Returned,
            "実施", null, null, "根拠を", "tanaka@demo.local", DateTime.UtcNow, Guid.NewGuid());
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        var closing = _ctx.Render<Dashboard.Client.Features.Review.QuarterClosing>(p => p
            .Add(c => c.FiscalYear, 2025).Add(c => c.Quarter, 4).Add(c => c.Items, [returned]).Add(c => c.NotApproved, 20));

        closing.Find("button[data-action='close-quarter']").Click();
        Assert.Contains("20 件", closing.Find("[data-not-approved]").TextContent, StringComparison.Ordinal);
        Assert.Contains("I01-K1", closing.Find("[data-waiting]").TextContent, StringComparison.Ordinal);
        closing.Find("button[data-action='close-confirm']").Click();
        Assert.Empty(_review.Closed);
        Assert.Contains("理由", closing.Markup, StringComparison.Ordinal);

        closing.Find("textarea[name='close-reason']").Change("委員会の日程のため");
        closing.Find("button[data-action='close-confirm']").Click();

        var request = Assert.Single(_review.Closed);
        Assert.Equal((true, "委員会の日程のため"), (request.Confirm, request.Reason));
    }

    // The reason typed in the confirmation before a restart: the confirmation opens itself again with it (decision 016),
    // closing sends it, and the browser's copy goes.
    [Fact]
    public void AClosingReasonTypedBeforeARestartComesBackAndClosesAsTyped()
    {
        var returned = new SubmissionDto("I01-K1", "オンライン化した行政手続の数", 1, ["企画課"], 2025, 4, "150手続", KpiStatus.OnTrack, EntryState.Returned,
            "実施", null, null, "根拠を", "tanaka@demo.local", DateTime.UtcNow, Guid.NewGuid());
        _ctx.JSInterop.Setup<bool>("dashboardKeep.has", "closing/2025-4/close").SetResult(true);
        _ctx.JSInterop.Setup<Dashboard.Client.Features.Forms.KeptForm?>("dashboardKeep.take", "closing/2025-4/close")
            .SetResult(new(string.Empty, new Dictionary<string, string> { ["close-reason"] = "委員会の日程が決まったため（入力途中）" }));
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "closing/2025-4/close");
        _ctx.SetRendererInfo(new RendererInfo("Server", true));

        var closing = _ctx.Render<Dashboard.Client.Features.Review.QuarterClosing>(p => p
            .Add(c => c.FiscalYear, 2025).Add(c => c.Quarter, 4).Add(c => c.Items, [returned]).Add(c => c.NotApproved, 20));

        closing.WaitForAssertion(() => Assert.Equal("委員会の日程が決まったため（入力途中）", closing.Find("textarea[name='close-reason']").TextContent));
        closing.Find("button[data-action='close-confirm']").Click();

        Assert.Equal((true, "委員会の日程が決まったため（入力途中）"), (Assert.Single(_review.Closed).Confirm, _review.Closed[0].Reason));
        Assert.Single(forgot.Invocations);
    }

    [Fact]
    public void SubmittingADelayedFigureWithoutNotesShowsFieldErrorsAndSendsNothing()
    {
        var form = Render(Entry());
        form.Find("input[name='value']").Input("100");

        form.Find("button[data-action='submit']").Click();

        Assert.Contains("実施内容を入力してください", form.Markup, StringComparison.Ordinal);
        Assert.Contains("評価・課題を入力してください", form.Markup, StringComparison.Ordinal);
        Assert.Empty(_service.Saved);
    }

    [Fact]
    public void AValidDraftIsSentAsTyped()
    {
        var form = Render(Entry());
        form.Find("input[name='value']").Input("１２５");
        form.Find("textarea[name='done']").Input("手続を追加した");

        form.Find("button[data-action='save-draft']").Click();

        var saved = Assert.Single(_service.Saved);
        Assert.Equal(("１２５", "手続を追加した", false), (saved.Value, saved.Done, saved.Submit));
    }

    [Fact]
    public void QuotingFillsOnlyTheEmptyFieldsAndMarksThemUntilEdited()
    {
        var entry = Entry() with { Done = "今期に書いた実施内容", Previous = new PreviousNotes(2023, 1, "前期の実施", "前期の評価", "前期の改善") };
        var form = Render(entry);
        Assert.Contains("令和5年度 第1四半期の記述を、空欄の欄に入れます", form.Find("[data-quote]").TextContent, StringComparison.Ordinal);

        form.Find("button[data-action='quote-previous']").Click();

        Assert.Equal("今期に書いた実施内容", form.Find("textarea[name='done']").GetAttribute("value"));
        Assert.Equal("前期の評価", form.Find("textarea[name='check']").GetAttribute("value"));
        Assert.Equal("前期の改善", form.Find("textarea[name='act']").GetAttribute("value"));
        string Help(string field) => string.Concat((form.Find($"textarea[name='{field}']").GetAttribute("aria-describedby") ?? "").Split(" ", StringSplitOptions.RemoveEmptyEntries).Select(id => form.Find($"[id='{id}']").TextContent));
        Assert.Contains("前期の記述を引用したままです", Help("check"), StringComparison.Ordinal);
        Assert.Contains("前期の記述を引用したままです", Help("act"), StringComparison.Ordinal);
        Assert.DoesNotContain("前期の記述を引用したままです", form.Find("textarea[name='done']").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.True(form.Find("button[data-action='quote-previous']").HasAttribute("disabled")); // nothing empty is left

        form.Find("textarea[name='check']").Input("前期の評価に今期の結果を足した");

        Assert.DoesNotContain("前期の記述を引用したままです", Help("check"), StringComparison.Ordinal);
        Assert.Contains("前期の記述を引用したままです", Help("act"), StringComparison.Ordinal);
        form.Find("button[data-action='save-draft']").Click();
        var saved = Assert.Single(_service.Saved);
        Assert.Equal(("今期に書いた実施内容", "前期の評価に今期の結果を足した", "前期の改善"), (saved.Done, saved.Check, saved.Act));
    }

    [Fact]
    public void NothingToQuoteShowsNoQuoteButton()
    {
        Assert.Empty(Render(Entry() with { Previous = new PreviousNotes(2023, 1, " ", null, null) }).FindAll("[data-quote]"));
        Assert.Empty(Render(Entry(EntryState.Approved, 130m) with { Previous = new PreviousNotes(2023, 1, "前期", null, null) }).FindAll("[data-quote]"));
    }

    [Fact]
    public void ApprovedEntryIsReadOnly()
    {
        var form = Render(Entry(EntryState.Approved, 130m));

        Assert.Empty(form.FindAll("button[data-action='submit']"));
        Assert.Contains("承認済みのため、変更できません", form.Markup, StringComparison.Ordinal);
        Assert.True(form.Find("input[name='value']").HasAttribute("readonly"));
    }

    private sealed class RecordingEntryService : IEntryService
    {
        public List<SaveEntryRequest> Saved { get; } = [];

        public Task<Outcome<EntryDto>> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default)
        {
            Saved.Add(request);
            return Task.FromResult(Outcome.Refused<EntryDto>("テストでは保存しません。"));
        }

        public Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<EntryDto>> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<EntryDto>> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<IReadOnlyList<EntryHistoryDto>>> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public List<WithdrawRequest> Withdrawn { get; } = [];

        public Task<Outcome<EntryDto>> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default)
        {
            Withdrawn.Add(request);
            return Task.FromResult(Outcome.Ok(Entry(null) with { State = EntryState.Draft, Version = Guid.NewGuid() }));
        }

    }

    private sealed class RecordingReviewService : IReviewService
    {
        public Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<EntryDto>> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public List<CloseQuarterRequest> Closed { get; } = [];

        public Task<Outcome<Done>> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default)
        {
            Closed.Add(request);
            return Task.FromResult(Outcome.Done());
        }

        public Task<Outcome<Done>> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CompletionBoardDto?> GetBoardAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<CollectionWindowDto>> SetWindowAsync(int fiscalYear, int quarter, SetWindowRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<RemindResult>> RemindAsync(int fiscalYear, int quarter, RemindRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
