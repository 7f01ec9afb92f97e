using Dashboard.Client.Features.Forms;
using Dashboard.Client.Features.Threads;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Threads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>
/// An edit of one's own comment typed before a restart (decision 016): the comment being edited opens its editor
/// again with the text, saving sends it, and the browser's copy goes.
/// </summary>
public sealed class ThreadViewTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly Edits _threads = new();
    private static readonly DateTime At = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private readonly ThreadDto _thread = new(5, 2025, 4, false, null, null,
        [new CommentDto(11, "鈴木 一郎", "根拠を教えてください。", At, null, null, false), new CommentDto(12, "田中 太郎", "窓口の件数で数えました。", At, null, null, true)], []);

    public ThreadViewTests()
    {
        _ctx.Services.AddSingleton<IThreadService>(_threads);
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void AnEditTypedBeforeARestartOpensAgainAndSavesAsTyped()
    {
        const string typed = "窓口とオンラインの件数を合わせて数えました（入力途中）。";
        _ctx.JSInterop.Setup<bool>("dashboardKeep.has", "thread-edit/12").SetResult(true);
        _ctx.JSInterop.Setup<KeptForm?>("dashboardKeep.take", "thread-edit/12").SetResult(new KeptForm("", new Dictionary<string, string> { ["body"] = typed }));
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "thread-edit/12");

        var view = _ctx.Render<ThreadView>(p => p.Add(x => x.Thread, _thread).Add(x => x.MayWrite, true));

        view.WaitForAssertion(() => Assert.Equal(typed, view.Find("[data-keep='thread-edit/12'] textarea[name='body']").TextContent));
        view.Find("[data-keep='thread-edit/12'] [data-action='save-comment']").Click();

        view.WaitForAssertion(() => Assert.Equal((12L, typed), Assert.Single(_threads.Saved)));
        Assert.Single(forgot.Invocations);
    }

    private sealed class Edits : NoThreads
    {
        public List<(long Id, string? Body)> Saved { get; } = [];

        public override Task<Outcome<ThreadDto>> EditCommentAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default)
        {
            Saved.Add((id, request.Body));
            return Task.FromResult(Outcome.Ok(new ThreadDto(5, 2025, 4, false, null, null, [], [])));
        }
    }
}
