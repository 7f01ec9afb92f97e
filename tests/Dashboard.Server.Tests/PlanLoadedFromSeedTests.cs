using System.Globalization;
using Dashboard.Server.Data;
using Dashboard.Shared.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>The plan loaded from seed-data/ against the city's document (docs/source/goshogawara-dx-plan.txt).</summary>
public sealed class PlanLoadedFromSeedTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private DashboardFactory _app = default!;
    private Plan _plan = default!;
    private Dictionary<string, Kpi> _kpis = default!;
    private string _document = "";

    public async Task InitializeAsync()
    {
        _app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData);
        _ = _app.Server;
        _plan = await _app.WithDbAsync(db => db.Plans.AsNoTracking()
            .Include(p => p.Revisions)
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners)
            .AsSplitQuery()
            .SingleAsync());
        _kpis = _plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Code);
        _document = Normalized(await File.ReadAllTextAsync(RepoPaths.PlanDocument));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    // The document mixes full- and half-width letters (ＩＣＴ / ICT); compare as NFKC.
    private static string Normalized(string text) => text.Normalize(System.Text.NormalizationForm.FormKC);

    [Fact]
    public void PlanIsCurrentWithItsPeriodAndRevisions()
    {
        Assert.Equal("五所川原市デジタル・トランスフォーメーション（DX）推進計画", _plan.Name);
        Assert.True(_plan.IsCurrent);
        Assert.Equal(new DateOnly(2022, 10, 1), _plan.PeriodStart); // 計画期間 2022年（令和4年）10月から
        Assert.Equal(new DateOnly(2026, 3, 31), _plan.PeriodEnd);   // 2026年（令和8年）3月まで
        Assert.Equal([new DateOnly(2022, 10, 1), new DateOnly(2024, 4, 1)], _plan.Revisions.Select(r => r.Date).Order());
        Assert.Contains("令和4年10月策定", _document, StringComparison.Ordinal);
        Assert.Contains("令和6年4月改訂", _document, StringComparison.Ordinal);
    }

    [Fact]
    public void ElevenInitiativesStandUnderTheRightPolicies()
    {
        var layout = _plan.Policies.OrderBy(p => p.Number)
            .Select(p => (p.Number, p.Title, Initiatives: p.Initiatives.OrderBy(i => i.Number).Select(i => i.Number).ToArray()))
            .ToList();

        Assert.Equal(3, layout.Count);
        Assert.Equal((1, "利用者にとって便利な行政サービスの実現"), (layout[0].Number, layout[0].Title));
        Assert.Equal((2, "デジタル化による行政運営の変革"), (layout[1].Number, layout[1].Title));
        Assert.Equal((3, "デジタル化を推進する基盤づくり"), (layout[2].Number, layout[2].Title));
        Assert.Equal([1, 2, 3, 4], layout[0].Initiatives);
        Assert.Equal([5, 6, 7, 8], layout[1].Initiatives);
        Assert.Equal([9, 10, 11], layout[2].Initiatives);
    }

    [Fact]
    public void EveryInitiativeTitleIsTheDocumentsOwn()
    {
        foreach (var initiative in _plan.Policies.SelectMany(p => p.Initiatives))
        {
            Assert.Contains(Normalized($"(取組施策{initiative.Number}) {initiative.Title}"), _document, StringComparison.Ordinal);
            Assert.NotEmpty(initiative.Kpis);
        }

        foreach (var policy in _plan.Policies)
        {
            Assert.Contains(Normalized($"基本方針{policy.Number} {policy.Title} ({policy.Subtitle})"), _document, StringComparison.Ordinal);
        }
    }

    [Theory]
    // code, kind, baseline, baseline date, "FY=target" pairs, words the document says it with
    [InlineData("I01-K1", KpiKind.Cumulative, 61.0, "2022-10-01", "2022=100,2023=140,2024=170,2025=200", "61手続|オンライン化 100手続|オンライン化 140手続|オンライン化 170手続|オンライン化 200手続")]
    [InlineData("I02-K1", KpiKind.Stock, 14000.0, "2022-04-01", "2022=17000,2023=18000,2024=19000,2025=20000", "R4.4.1 1.4万人|1.7万人|1.8万人|1.9万人|2万人")]
    [InlineData("I02-K5", KpiKind.Reduction, 100.0, "2022-03-31", "2025=50", "令和7年度までに対令和3年度比で半減")]
    [InlineData("I03-K1", KpiKind.Percentage, null, null, "2022=100", "令和4年度末までに、市民にマイナンバーカードが行き渡り")]
    [InlineData("I04-K1", KpiKind.Cumulative, 0.0, "2022-10-01", "2025=14", "基本編14項目")]
    [InlineData("I05-K1", KpiKind.Cumulative, 0.0, "2022-10-01", "2025=17", "基幹系17業務")]
    [InlineData("I06-K1", KpiKind.Cumulative, 1.0, "2022-10-01", "2025=20", "令和7年度には20業務まで拡大")]
    [InlineData("I09-K1", KpiKind.ZeroTarget, null, null, "2022=0,2023=0,2024=0,2025=0", "被害の皆無を継続させる")]
    public void NumericTargetsAreTheDocumentsOwn(string code, KpiKind kind, double? baseline, string? baselineDate, string targets, string documentWords)
    {
        var kpi = _kpis[code];
        Assert.Equal(kind, kpi.Kind);
        Assert.Equal((decimal?)baseline, kpi.BaselineValue);
        Assert.Equal(baselineDate is null ? null : DateOnly.Parse(baselineDate, CultureInfo.InvariantCulture), kpi.BaselineDate);
        var expected = targets.Split(',').Select(t => t.Split('=')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), decimal.Parse(p[1], CultureInfo.InvariantCulture)));
        Assert.Equal(expected, kpi.Targets.OrderBy(t => t.FiscalYear).Select(t => (t.FiscalYear, t.Value)));
        Assert.All(documentWords.Split('|'), words => Assert.Contains(Normalized(words), _document, StringComparison.Ordinal));
    }

    [Fact]
    public void CashPaymentsAreLowerIsBetterAgainstFiscal2021()
    {
        var cash = _kpis["I02-K5"];
        Assert.Equal(KpiDirection.LowerIsBetter, cash.Direction);
        Assert.Equal(2021, Dashboard.Shared.Fiscal.FiscalQuarter.FiscalYearOf(cash.BaselineDate!.Value));
        Assert.Contains(cash.Owners, d => d.Code == "kaikei" && !d.IsSample); // the one department the plan names
    }

    [Theory]
    [InlineData("I02-K2", 2023, "オンラインによる行政手続に電子収納を導入")]
    [InlineData("I02-K3", 2024, "市税の納付に電子収納を導入")]
    [InlineData("I02-K4", 2025, "市役所窓口に電子収納を導入")]
    [InlineData("I09-K2", 2024, "ドメイン管理と二要素認証の強化")]
    [InlineData("I08-K1", 2025, "電子決裁・文書管理システムを導入する")]
    public void DatedMilestonesAreMilestones(string code, int dueFiscalYear, string documentWords)
    {
        Assert.Equal(KpiKind.Milestone, _kpis[code].Kind);
        Assert.Equal(dueFiscalYear, _kpis[code].MilestoneDueFiscalYear);
        Assert.Empty(_kpis[code].Targets);
        Assert.Contains(Normalized(documentWords), _document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I11-K1", "モバイル端末操作体験会")]
    [InlineData("I11-K2", "民間企業との連携によるスマホ体験会・相談会")]
    [InlineData("I10-K1", "I C T業務研修（一般研修）")]
    public void ActivitiesWithoutANumberAreMonitorOnly(string code, string documentWords)
    {
        Assert.Equal(KpiKind.MonitorOnly, _kpis[code].Kind);
        Assert.Empty(_kpis[code].Targets);
        Assert.Contains(Normalized(documentWords), _document, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKpiHasAnOwnerAndSampleOwnersAreMarked()
    {
        Assert.All(_kpis.Values, k => Assert.NotEmpty(k.Owners));
        var departments = _kpis.Values.SelectMany(k => k.Owners).DistinctBy(d => d.Code).ToList();
        Assert.Contains(departments, d => d.IsSample);
        Assert.All(departments.Where(d => d.Code != "kaikei"), d => Assert.True(d.IsSample, d.Code));
    }

    [Fact]
    public void KpisAreOrderedByInitiativeThenAsWritten()
    {
        var ordered = _kpis.Values.OrderBy(k => k.DisplayOrder).Select(k => k.Code).ToList();
        Assert.Equal(ordered.Order(StringComparer.Ordinal), ordered);
        Assert.Equal(28, ordered.Count);
    }
}
