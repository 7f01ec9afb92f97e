using Dashboard.Client.Features.Exports;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Problems;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Client.Tests;

/// <summary>
/// The meeting pack's schedule form: MudBlazor's own required-field message is in the page's language, and once a pack
/// is scheduled the emptied form shows no errors (it said "Required", in English, on every emptied field).
/// </summary>
public sealed class ScheduledPackPanelTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly PackService _service = new();

    public ScheduledPackPanelTests()
    {
        _ctx.Services.AddSingleton<IScheduledPackService>(_service);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<ScheduledPackPanel> Render()
    {
        _popovers = _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<ScheduledPackPanel>();
    }

    [Theory]
    [InlineData("ja-JP", "入力してください")]
    [InlineData("en-US", "Required")]
    public void AnEmptiedRequiredFieldSaysSoInThePagesLanguage(string culture, string message)
    {
        UiCulture.Use(culture);
        try
        {
            var panel = Render();
            var sendOn = panel.Find("input[name='sendOn']");
            sendOn.Change("2027-02-15");
            panel.Find("input[name='sendOn']").Change("");

            // MudBlazor validates after the change event has returned.
            panel.WaitForAssertion(() => Assert.Equal(message, panel.Find("[data-form='schedule-pack'] .mud-input-helper-text.mud-input-error").TextContent.Trim()));
        }
        finally
        {
            UiCulture.Use("ja-JP");
        }
    }

    [Fact]
    public void OnceScheduledTheEmptiedFormShowsNoErrors()
    {
        var panel = Render();
        panel.Find("input[name='title']").Change("第3回 DX推進本部会議");
        panel.Find("input[name='sendOn']").Change("2027-02-15");
        MudComponents.ChooseFirst(_popovers!, panel.Find("[data-form='schedule-pack'] .mud-select .mud-input-control"));
        panel.WaitForAssertion(() => Assert.Contains("令和7年度 第3四半期", panel.Find("[data-form='schedule-pack'] .mud-select").InnerHtml, StringComparison.Ordinal));

        panel.Find("[data-action='schedule-pack']").Click();

        // The form is validated before the request goes: the click returns before the save is made.
        panel.WaitForAssertion(() => Assert.Single(_service.Scheduled));
        var request = _service.Scheduled[0];
        Assert.Equal(("第3回 DX推進本部会議", 2025, 3, new DateOnly(2027, 2, 15)), (request.Title, request.FiscalYear, request.Quarter, request.SendOn));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-form='schedule-pack'] .mud-input-error")));
        Assert.Equal("", panel.Find("input[name='sendOn']").GetAttribute("value") ?? "");
        Assert.Equal("", panel.Find("input[name='title']").GetAttribute("value") ?? "");
    }

    private sealed class PackService : IScheduledPackService
    {
        public List<SchedulePackRequest> Scheduled { get; } = [];

        private readonly List<ScheduledPackDto> _packs = [];

        public Task<Outcome<ScheduledPacksDto>> GetAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(Outcome.Ok(new ScheduledPacksDto(_packs.ToList(), [new ClosedQuarterDto(2025, 3)], new DateOnly(2026, 12, 7))));

        public Task<Outcome<ScheduledPackDto>> ScheduleAsync(SchedulePackRequest request, CancellationToken cancellationToken = default)
        {
            Scheduled.Add(request);
            var pack = new ScheduledPackDto(_packs.Count + 1, request.Title!, request.FiscalYear!.Value, request.Quarter!.Value, request.SendOn!.Value, request.Attach,
                ScheduledPackState.Scheduled, "高橋", null, null, 0, null);
            _packs.Add(pack);
            return Task.FromResult(Outcome.Ok(pack));
        }

        public Task<Outcome<ScheduledPackDto>> CancelAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<ScheduledPackDto>> GetAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
