using Dashboard.Client.Features.Entries;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>
/// The entries list names the earlier quarters still owed, latest first, each a link to its own list: a plan started
/// late owes its first quarters too, and only the quarter shown was in the list before.
/// </summary>
public sealed class MyKpisPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<MyKpisPage> Render(params QuarterBehindDto[] behind)
    {
        var online = SamplePlans.Plan(withSamples: false).Policies[0].Initiatives[0].Kpis[0];
        var mine = new MyKpisDto(2026, 4, false, [new QuarterOption(2026, 1, false), new QuarterOption(2026, 2, false), new QuarterOption(2026, 3, false), new QuarterOption(2026, 4, false)],
            [new MyKpiRowDto(online, 210m, null, null, null)], CollectionWindows.Default(new Dashboard.Shared.Fiscal.FiscalQuarter(2026, 4)), new DateOnly(2027, 5, 10), behind);
        _ctx.Services.AddSingleton<IEntryService>(new OneList(mine));
        _ctx.Services.AddSingleton<IFindingService>(new FixedFindings());
        _ctx.AddAuthorization().SetAuthorized("tanaka@demo.local");
        return _ctx.Render<MyKpisPage>();
    }

    [Fact]
    public void EarlierQuartersStillOwedAreNamedWithLinksAndTheRestCounted()
    {
        var page = Render(new(2026, 3, 1), new(2026, 2, 5), new(2026, 1, 6), new(2025, 4, 2));

        var notice = page.WaitForElement("[data-behind]");
        Assert.Equal("前の四半期にも、まだ提出していない指標があります: 令和8年度 第3四半期（1件）、令和8年度 第2四半期（5件）、令和8年度 第1四半期（6件）、ほか1四半期",
            string.Join(' ', notice.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(["/entries?fy=2026&q=3", "/entries?fy=2026&q=2", "/entries?fy=2026&q=1"], notice.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void NothingOwedSaysNothing()
    {
        var page = Render();

        page.WaitForElement("tr[data-kpi='I01-K1']");
        Assert.Empty(page.FindAll("[data-behind]"));
    }

    private sealed class OneList(MyKpisDto mine) : IEntryService
    {
        public Task<MyKpisDto?> GetMyKpisAsync(int? fiscalYear, int? quarter, CancellationToken cancellationToken = default) => Task.FromResult<MyKpisDto?>(mine);

        public Task<Outcome<EntryDto>> GetEntryAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<EntryDto>> SaveEntryAsync(string kpiCode, int fiscalYear, int quarter, SaveEntryRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<EntryDto>> SaveBulkAsync(BulkSaveRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<IReadOnlyList<EntryHistoryDto>>> GetHistoryAsync(string kpiCode, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<EntryDto>> WithdrawAsync(string kpiCode, int fiscalYear, int quarter, WithdrawRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
