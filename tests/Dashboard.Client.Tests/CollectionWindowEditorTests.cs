using Dashboard.Client.Features.Forms;
using Dashboard.Client.Features.Review;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Review;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>
/// The collection-window editor (issue 22, point 1): its dates are named inputs inside a kept form, so the browser's
/// copy restores them after a restart, says they are not yet saved, and the save sends what was restored.
/// </summary>
public sealed class CollectionWindowEditorTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly WindowService _service = new();
    private static readonly CollectionWindowDto _window = new(2026, 2, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), true);

    public CollectionWindowEditorTests()
    {
        _ctx.Services.AddSingleton<IReviewService>(_service);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void TheDatesAreNamedInputsInsideAKeptFormWithTheSaveButton()
    {
        var editor = _ctx.Render<CollectionWindowEditor>(p => p.Add(c => c.Window, _window));

        var form = editor.Find("[data-keep='window/2026-2']");
        Assert.Equal("2026-10-01", form.QuerySelector("input[name='opens']")!.GetAttribute("value"));
        Assert.Equal("2026-10-15", form.QuerySelector("input[name='due']")!.GetAttribute("value"));
        Assert.Equal("date", form.QuerySelector("input[name='due']")!.GetAttribute("type"));
        Assert.NotNull(form.QuerySelector("[data-action='save-window']"));
        Assert.False(editor.Find("details.window-editor").HasAttribute("open"));
    }

    [Fact]
    public void RestoredDatesOpenTheEditorAndSaveAsTyped()
    {
        _ctx.JSInterop.Setup<KeptForm?>("dashboardKeep.take", "window/2026-2")
            .SetResult(new KeptForm("", new Dictionary<string, string> { ["opens"] = "2026-10-05", ["due"] = "2026-10-20" }));
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "window/2026-2");

        var editor = _ctx.Render<CollectionWindowEditor>(p => p.Add(c => c.Window, _window));

        editor.WaitForAssertion(() => Assert.Equal("2026-10-20", editor.Find("input[name='due']").GetAttribute("value")));
        Assert.Equal("2026-10-05", editor.Find("input[name='opens']").GetAttribute("value"));
        Assert.True(editor.Find("details.window-editor").HasAttribute("open"));

        editor.Find("[data-action='save-window']").Click();

        Assert.Equal(new SetWindowRequest(new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 20)), _service.Saved);
        Assert.Single(forgot.Invocations);
    }

    [Fact]
    public void AnEmptiedDateIsSentAsMissingAndTheServersMessageShowsAtItsField()
    {
        var editor = _ctx.Render<CollectionWindowEditor>(p => p.Add(c => c.Window, _window));

        editor.Find("input[name='due']").Change("");
        editor.Find("[data-action='save-window']").Click();

        Assert.Equal(new SetWindowRequest(new DateOnly(2026, 10, 1), null), _service.Saved);
        Assert.Contains("締切日を入力してください。", editor.Markup, StringComparison.Ordinal);
    }

    private sealed class WindowService : IReviewService
    {
        public SetWindowRequest? Saved { get; private set; }

        public Task<Outcome<CollectionWindowDto>> SetWindowAsync(int fiscalYear, int quarter, SetWindowRequest request, CancellationToken cancellationToken = default)
        {
            Saved = request;
            return Task.FromResult(request.DueOn is { } due && request.OpensOn is { } opens
                ? Outcome.Ok(new CollectionWindowDto(fiscalYear, quarter, opens, due, false))
                : Outcome.Invalid<CollectionWindowDto>("DueOn", "締切日を入力してください。"));
        }

        public Task<ReviewQueueDto?> GetReviewQueueAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<Dashboard.Shared.Entries.EntryDto>> DecideAsync(string kpiCode, int fiscalYear, int quarter, ReviewDecisionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<Done>> CloseQuarterAsync(int fiscalYear, int quarter, CloseQuarterRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<Done>> ReopenQuarterAsync(int fiscalYear, int quarter, ReopenQuarterRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CompletionBoardDto?> GetBoardAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<RemindResult>> RemindAsync(int fiscalYear, int quarter, RemindRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
