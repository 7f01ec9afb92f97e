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
/// Nothing typed is lost in the planners' forms either (decision 016): a target revision or a KPI definition typed
/// before a restart comes back when the plan page is opened again, the choices made in its lists included; the form
/// opens itself, and saving sends exactly what was typed and chosen, then drops the browser's copy. The same for the
/// successor plan's form (次期計画を作成).
/// </summary>
public sealed class PlanEditorsKeptTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly RecordingPlans _plans = new();
    private readonly PlanDto _plan = SamplePlans.Plan(withSamples: false) with
    {
        Departments = [new DepartmentDto("kikaku", "企画課", IsSample: true), new DepartmentDto("soumu", "総務課", IsSample: true)],
    };

    public PlanEditorsKeptTests()
    {
        _ctx.Services.AddSingleton<IPlanService>(_plans);
        _ctx.AddAuthorization().SetAuthorized("takahashi@demo.local").SetPolicies(Policies.MaintainPlan);
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private void Kept(string name, Dictionary<string, string> fields)
    {
        _ctx.JSInterop.Setup<bool>("dashboardKeep.has", name).SetResult(true);
        _ctx.JSInterop.Setup<KeptForm?>("dashboardKeep.take", name).SetResult(new KeptForm("", fields));
    }

    [Fact]
    public void ATargetRevisionTypedBeforeARestartOpensAgainWithItsKpiAndYearAndSavesAsTyped()
    {
        Kept("revision/test-plan/target", new()
        {
            ["kpi"] = "I01-K1", ["target-year"] = "2024", ["target-value"] = "180", ["target-effective"] = "2024-10-01",
            ["target-reason"] = "国の手続オンライン化の対象が増えたため。",
        });
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "revision/test-plan/target");

        var panel = _ctx.Render<PlanRevisionPanel>(p => p.Add(x => x.Plan, _plan));

        panel.WaitForAssertion(() => Assert.Equal("180", panel.Find("[data-form='target'] input[name='target-value']").GetAttribute("value")));
        _ctx.JSInterop.VerifyInvoke("dashboardKeep.restored");

        panel.Find("[data-action='save-target']").Click();

        panel.WaitForAssertion(() => Assert.Equal(
            ("I01-K1", 2024, new TargetRevisionRequest("180", new DateOnly(2024, 10, 1), "国の手続オンライン化の対象が増えたため。")),
            Assert.Single(_plans.Targets)));
        Assert.Single(forgot.Invocations);
    }

    [Fact]
    public void AKpiEditTypedBeforeARestartOpensAgainWithItsChoicesAndSavesAsTyped()
    {
        Kept("editor/test-plan", new()
        {
            ["mode"] = "Edit", ["kpi"] = "I01-K1", ["initiative"] = "2", ["kind"] = "Stock", ["direction"] = "", ["due"] = "",
            ["owners"] = "kikaku,soumu", ["kpi-name"] = "オンラインで申請できる手続の数", ["kpi-unit"] = "手続", ["kpi-baseline"] = "61",
            ["kpi-note"] = "国の標準化対象を含む。", ["editor-revision-date"] = "2025-04-01", ["editor-revision-reason"] = "定義の見直し",
        });
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "editor/test-plan");

        var panel = _ctx.Render<KpiEditorPanel>(p => p.Add(x => x.Plan, _plan));

        panel.WaitForAssertion(() => Assert.Equal("オンラインで申請できる手続の数", panel.Find("[data-form='kpi-editor'] input[name='kpi-name']").GetAttribute("value")));
        Assert.Equal("kikaku,soumu", panel.Find("[data-keep-choice='owners']").GetAttribute("data-value"));

        panel.Find("[data-action='save-kpi-editor']").Click();

        panel.WaitForAssertion(() => Assert.Single(_plans.Kpis));
        var (kpi, request) = _plans.Kpis[0];
        Assert.Equal("I01-K1", kpi);
        Assert.Equal((2, "オンラインで申請できる手続の数", KpiKind.Stock, "国の標準化対象を含む。", new DateOnly(2025, 4, 1), "定義の見直し"),
            (request.InitiativeNumber, request.Name, request.Kind, request.Note, request.RevisionDate, request.RevisionReason));
        Assert.Equal(["kikaku", "soumu"], request.Owners!.Order(StringComparer.Ordinal));
        Assert.Single(forgot.Invocations);
    }

    [Fact]
    public void ASuccessorTypedBeforeARestartOpensAgainWithItsYearsAndIsCreatedAsTyped()
    {
        Kept("successor/test-plan", new()
        {
            ["successor-code"] = "goshogawara-dx-2026", ["successor-name"] = "第2期五所川原市DX推進計画",
            ["successor-first"] = "2026", ["successor-last"] = "2029",
        });
        var forgot = _ctx.JSInterop.SetupVoid("dashboardKeep.forget", "successor/test-plan");

        var panel = _ctx.Render<SuccessorPanel>(p => p.Add(x => x.Plan, _plan));

        panel.WaitForAssertion(() => Assert.Equal("第2期五所川原市DX推進計画", panel.Find("input[name='successor-name']").GetAttribute("value")));
        panel.Find("[data-action='save-successor']").Click();

        panel.WaitForAssertion(() => Assert.Equal(new SuccessorRequest("goshogawara-dx-2026", "第2期五所川原市DX推進計画", 2026, 2029), Assert.Single(_plans.Successors)));
        Assert.Single(forgot.Invocations);
    }

    private sealed class RecordingPlans : PlanServiceDouble
    {
        public List<SuccessorRequest> Successors { get; } = [];

        public override Task<Outcome<PlanSummaryDto>> CreateSuccessorAsync(string code, SuccessorRequest request, CancellationToken cancellationToken = default)
        {
            Successors.Add(request);
            return Task.FromResult(Outcome.Ok(new PlanSummaryDto(request.Code!, request.Name!, new DateOnly(2026, 4, 1), new DateOnly(2030, 3, 31), PlanStatus.Draft, false, code)));
        }

        public List<(string Kpi, int Year, TargetRevisionRequest Request)> Targets { get; } = [];

        public List<(string? Kpi, KpiEditRequest Request)> Kpis { get; } = [];

        public override Task<Outcome<KpiDto>> ReviseTargetAsync(string kpiCode, int fiscalYear, TargetRevisionRequest request, CancellationToken cancellationToken = default)
        {
            Targets.Add((kpiCode, fiscalYear, request));
            return Task.FromResult(Outcome.Ok(Kpi(kpiCode)));
        }

        public override Task<Outcome<KpiDto>> SaveKpiAsync(string code, string? kpiCode, KpiEditRequest request, CancellationToken cancellationToken = default)
        {
            Kpis.Add((kpiCode, request));
            return Task.FromResult(Outcome.Ok(Kpi(kpiCode!)));
        }

        private static KpiDto Kpi(string code) =>
            SamplePlans.Plan(withSamples: false).Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Single(k => k.Code == code);
    }
}
