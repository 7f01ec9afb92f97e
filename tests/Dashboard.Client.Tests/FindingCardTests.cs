using Dashboard.Client.Features.Findings;
using Dashboard.Shared.Findings;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>A finding's card with the real MudBlazor components and the shared rules; only the API is fixed.</summary>
public sealed class FindingCardTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();

    public FindingCardTests()
    {
        _ctx.Services.AddSingleton<IFindingService>(new FixedFindings());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<FindingCard> Render(FindingDto finding, bool onBehalf = false) =>
        _ctx.Render<FindingCard>(p => p.Add(c => c.Finding, finding).Add(c => c.Today, new DateOnly(2026, 2, 1)).Add(c => c.OnBehalf, onBehalf));

    private static readonly FindingDto _open = FixedFindings.Open(7, "kaikei", "会計課", "月別に示すこと。", new DateOnly(2026, 1, 25));

    [Fact]
    public void TheDepartmentIsToldWhatIsMissingBeforeAnythingIsSent()
    {
        var card = Render(_open);
        Assert.Contains("期限超過", card.Find("[data-late]").TextContent, StringComparison.Ordinal);

        card.Find("input[data-state-option='Addressed']").Click();
        Assert.Contains("「対応済」にするときは必須です。", card.Markup, StringComparison.Ordinal);
        card.Find("[data-action='respond']").Click();

        Assert.Contains("行った対応を入力してください", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSecretariatOpensTheResponseFormOnRequestAndSeesTheServersRefusal()
    {
        var card = Render(_open, onBehalf: true);
        Assert.True(card.Find("[data-keep='finding/7']").HasAttribute("hidden"));

        card.Find("[data-action='respond-on-behalf']").Click();
        Assert.False(card.Find("[data-keep='finding/7']").HasAttribute("hidden"));
        card.Find("textarea[name='response']").Input("集計を始めた。");
        card.Find("[data-action='respond']").Click();

        Assert.Contains("このテストでは記録しません。", card.Find("[data-message]").TextContent, StringComparison.Ordinal);
    }
}
