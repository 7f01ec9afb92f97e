using Dashboard.Client.Features.Forms;
using Dashboard.Client.Features.Plans;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>
/// The 次期計画 draft: what the planner chose in one row survives saving another row (it was put back to the saved
/// value without a word), and the plan does not start while choices or targets are not saved; the refusal is shown
/// beside the start button, a long page away from the panel's top on a phone.
/// </summary>
public sealed class DraftPlanPanelTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly DraftPlans _plans = new();

    public DraftPlanPanelTests()
    {
        _ctx.Services.AddSingleton<IPlanService>(_plans);
        _ctx.AddAuthorization().SetAuthorized("takahashi@demo.local").SetPolicies(Policies.MaintainPlan);
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<DraftPlanPanel> Render() => _ctx.Render<DraftPlanPanel>(p => p.Add(x => x.Plan, _plans.Draft));

    private static void Choose(IRenderedComponent<DraftPlanPanel> panel, string code, KpiDisposition disposition) =>
        panel.Find($"tr[data-succession='{code}'] select[data-field='disposition']").Change(disposition.ToString());

    [Fact]
    public void SavingOneRowKeepsWhatWasChosenInAnother()
    {
        var panel = Render();
        Choose(panel, "I02-K3", KpiDisposition.Abolished);
        Choose(panel, "I01-K1", KpiDisposition.Expanded);
        Assert.Equal(2, panel.FindAll("[data-unsaved]").Count);

        panel.Find("tr[data-succession='I01-K1'] [data-action='save-disposition']").Click();

        panel.WaitForAssertion(() => Assert.Equal(KpiDisposition.Expanded, Assert.Single(_plans.Dispositions).Disposition));
        panel.Render(p => p.Add(x => x.Plan, _plans.Draft)); // the page hands the panel the reloaded plan
        Assert.Equal("Abolished", panel.Find("tr[data-succession='I02-K3'] select[data-field='disposition']").GetAttribute("value"));
        Assert.Equal("I02-K3", Assert.Single(panel.FindAll("[data-unsaved]")).Closest("tr")!.GetAttribute("data-succession"));
    }

    [Fact]
    public void TheTargetsStandBesideWhereThePreviousPlansKpiStood()
    {
        var panel = Render();

        Assert.Contains(panel.FindAll("[data-draft-targets] th"), th => th.TextContent.Trim() == "前の計画");
        Assert.Equal("令和7年度目標 200手続、実績 188手続（令和7年度 第3四半期）",
            string.Join(" ", panel.Find("[data-draft-targets] td[data-previous='I01-K1']").TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)).Replace(" 、", "、", StringComparison.Ordinal).Replace("、 ", "、", StringComparison.Ordinal).Replace(" （", "（", StringComparison.Ordinal));

        // A previous plan with no target or approved figure for any carried KPI: no column.
        var bare = _ctx.Render<DraftPlanPanel>(p => p.Add(x => x.Plan, _plans.Draft with
        {
            Successions = [.. _plans.Draft.Successions!.Select(x => x with { LastTarget = null, Latest = null })],
        }));
        Assert.DoesNotContain(bare.FindAll("[data-draft-targets] th"), th => th.TextContent.Trim() == "前の計画");
        Assert.Empty(bare.FindAll("td[data-previous]"));
    }

    [Fact]
    public void ABaselineCopiedUnchangedFromThePreviousPlanIsPointedOut()
    {
        var kpi = _plans.Draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == "I01-K1");
        Assert.NotNull(kpi.BaselineValue);
        var kept = _ctx.Render<DraftPlanPanel>(p => p.Add(x => x.Plan, _plans.Draft with
        {
            Successions = [.. _plans.Draft.Successions!.Select(x => x with { BaselineValue = kpi.BaselineValue, BaselineDate = kpi.BaselineDate })],
        }));
        var line = kept.Find("td[data-previous='I01-K1'] [data-baseline-kept]");
        Assert.StartsWith("基準値は前の計画のまま: " + KpiFormat.Value(kpi.BaselineValue!.Value, kpi.Unit), string.Join(" ", line.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("「指標を変更する」", kept.Find("[data-draft-targets] p").TextContent, StringComparison.Ordinal);

        // Once the planner sets the new plan's own baseline (or the old KPI had another), nothing is said.
        var changed = _ctx.Render<DraftPlanPanel>(p => p.Add(x => x.Plan, _plans.Draft with
        {
            Successions = [.. _plans.Draft.Successions!.Select(x => x with { BaselineValue = kpi.BaselineValue - 1, BaselineDate = kpi.BaselineDate })],
        }));
        Assert.Empty(changed.FindAll("[data-baseline-kept]"));
        Assert.Empty(Render().FindAll("[data-baseline-kept]"));
    }

    [Theory]
    [InlineData("ja-JP", "保存していない変更があります（引継ぎ区分 1件、目標 1件）。保存してから開始してください。")]
    [InlineData("en-US", "Some changes are not saved yet (dispositions: 1, targets: 1). Save them before starting.")]
    public void ThePlanDoesNotStartWithUnsavedChoicesOrTargets(string culture, string message)
    {
        UiCulture.Use(culture);
        try
        {
            var panel = Render();
            Choose(panel, "I02-K3", KpiDisposition.Abolished);
            panel.Find("input[name='target-I01-K1-2026']").Change("220");

            panel.Find("[data-action='start-plan']").Click();

            Assert.Equal(message, panel.Find("[data-start] [data-start-problem]").TextContent.Trim());
            Assert.Empty(panel.FindAll("[data-start-confirm]"));
            Assert.Equal(0, _plans.Starts);
        }
        finally
        {
            UiCulture.Use("ja-JP");
        }
    }

    [Fact]
    public void OnceSavedThePlanStartsAndARefusalIsShownBesideTheButton()
    {
        _plans.RefuseStart = "取組施策2「民間サービスを活用した利便性向上」に指標がありません。";
        var panel = Render();

        panel.Find("[data-action='start-plan']").Click();
        panel.Find("[data-action='confirm-start']").Click();

        panel.WaitForAssertion(() => Assert.Equal(_plans.RefuseStart, panel.Find("[data-start] [data-start-problem]").TextContent.Trim()));
        Assert.Equal(1, _plans.Starts);
    }

    // After a restart the page comes again and the browser's copy of the typed targets is handed back: only targets of
    // this plan's numeric KPIs, only where they differ from the saved ones; a save sends exactly those and drops the copy.
    [Fact]
    public void TargetsTypedBeforeARestartComeBackUnsavedAndSaveAsTyped()
    {
        _ctx.JSInterop.Setup<KeptForm?>("dashboardKeep.take", "draft/goshogawara-dx-2026/targets").SetResult(new KeptForm("", new Dictionary<string, string>
        {
            ["target-I01-K1-2027"] = "250",
            ["target-I01-K1-2026"] = TargetOf("I01-K1", 2026),
            ["target-NOPE-K9-2026"] = "9",
            ["target-I01-K1-next"] = "7",
        }));
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "draft/goshogawara-dx-2026/targets");

        var panel = Render();

        panel.WaitForAssertion(() => Assert.Equal("250", panel.Find("input[name='target-I01-K1-2027']").GetAttribute("value")));
        panel.Find("[data-action='start-plan']").Click();
        Assert.Contains("目標 1件", panel.Find("[data-start] [data-start-problem]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-action='save-draft-targets']").Click();

        panel.WaitForAssertion(() => Assert.Equal(("I01-K1", 2027, "250"), Assert.Single(_plans.Targets)));
        Assert.Single(forgot.Invocations);
    }

    private string TargetOf(string code, int year) =>
        _plans.Draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == code)
            .Targets.FirstOrDefault(t => t.FiscalYear == year) is { } target ? target.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "";

    private sealed class DraftPlans : PlanServiceDouble
    {
        public List<(string Code, int Year, string? Text)> Targets { get; } = [];

        public List<DispositionRequest> Dispositions { get; } = [];

        public int Starts { get; private set; }

        public string? RefuseStart { get; set; }

        public PlanDto Draft { get; private set; } = NewDraft(KpiDisposition.Continued);

        private static PlanDto NewDraft(KpiDisposition online)
        {
            var plan = SamplePlans.Plan(withSamples: false);
            return plan with
            {
                Code = "goshogawara-dx-2026", PeriodStart = new DateOnly(2026, 4, 1), PeriodEnd = new DateOnly(2031, 3, 31), FiscalYears = [2026, 2027, 2028, 2029, 2030],
                IsCurrent = false, Status = PlanStatus.Draft, PredecessorCode = "test-plan",
                Successions = [new SuccessionDto("I01-K1", "オンライン化した行政手続の数", online, "I01-K1", "手続", new KpiTarget(2025, 200), new LatestFigureDto(2025, 3, 188, null, false)), new SuccessionDto("I02-K3", "市税の納付への電子収納の導入", KpiDisposition.Continued, "I02-K3")],
            };
        }

        public override Task<Outcome<SuccessionDto>> SetDispositionAsync(string code, string predecessorKpiCode, DispositionRequest request, CancellationToken cancellationToken = default)
        {
            Dispositions.Add(request);
            Draft = NewDraft(request.Disposition);
            return Task.FromResult(Outcome.Ok(Draft.Successions![0]));
        }

        public override Task<Outcome<KpiDto>> SetDraftTargetAsync(string code, string kpiCode, int fiscalYear, DraftTargetRequest request, CancellationToken cancellationToken = default)
        {
            Targets.Add((kpiCode, fiscalYear, request.Value));
            return Task.FromResult(Outcome.Ok(Draft.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == kpiCode)));
        }

        public override Task<Outcome<PlanSummaryDto>> StartAsync(string code, CancellationToken cancellationToken = default)
        {
            Starts++;
            return Task.FromResult(RefuseStart is null
                ? Outcome.Ok(new PlanSummaryDto(code, Draft.Name, Draft.PeriodStart, Draft.PeriodEnd, PlanStatus.Active, true, "test-plan"))
                : Outcome.Refused<PlanSummaryDto>(RefuseStart));
        }
    }
}
