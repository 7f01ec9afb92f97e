using Dashboard.Shared.Problems;
using Dashboard.Client.Features.Plans;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>The plan's 評価区分 on the plan page: everyone reads it, planners change it.</summary>
public sealed class GradingEditorTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly RecordingPlanService _plans = new();

    public GradingEditorTests()
    {
        _ctx.Services.AddSingleton<IPlanService>(_plans);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void APlannerChangesTheThresholdsAndTheyAreSavedAsShares()
    {
        _ctx.AddAuthorization().SetAuthorized("takahashi@demo.local").SetPolicies(Policies.MaintainPlan);
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        var saved = 0;
        var editor = _ctx.Render<GradingEditor>(p => p.Add(e => e.Grading, GradeScale.Default).Add(e => e.OnSaved, () => saved++));

        Assert.Contains("A 100%以上", editor.Find("[data-grading-text]").TextContent, StringComparison.Ordinal);
        editor.Find("button[data-action='edit-grading']").Click();
        editor.Find("input[name='grade-b']").Change("85");
        editor.WaitForAssertion(() => Assert.Equal("85", editor.Find("input[name='grade-b']").GetAttribute("value")));
        editor.Find("button[data-action='save-grading']").Click();

        editor.WaitForAssertion(() => Assert.Single(_plans.Saved));
        var grading = Assert.Single(_plans.Saved);
        Assert.Equal((GradeScheme.AtoD, 1.00m, 0.85m, 0.60m), (grading.Scheme, grading.A, grading.B, grading.C));
        Assert.Equal(1, saved);
    }

    [Fact]
    public void ThresholdsOutOfOrderAreRefusedBeforeAnythingIsSent()
    {
        _ctx.AddAuthorization().SetAuthorized("takahashi@demo.local").SetPolicies(Policies.MaintainPlan);
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        var editor = _ctx.Render<GradingEditor>(p => p.Add(e => e.Grading, GradeScale.Default));

        editor.Find("button[data-action='edit-grading']").Click();
        editor.Find("input[name='grade-c']").Change("90");
        editor.WaitForAssertion(() => Assert.Equal("90", editor.Find("input[name='grade-c']").GetAttribute("value")));
        editor.Find("button[data-action='save-grading']").Click();

        // MudNumericField applies the typed value asynchronously: wait for the refusal to be drawn.
        var alert = editor.WaitForElement("[role='alert']");
        Assert.Contains("0 < C ≦ B ≦ A", alert.TextContent, StringComparison.Ordinal);
        Assert.Empty(_plans.Saved);
    }

    [Fact]
    public void TheCommitteeReadsTheGradingButCannotChangeIt()
    {
        _ctx.AddAuthorization().SetAuthorized("suzuki@demo.local");
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
        var editor = _ctx.Render<GradingEditor>(p => p.Add(e => e.Grading, new GradeScale(GradeScheme.SAtoC)));

        Assert.Contains("S/A/B/C/-", editor.Find("[data-grading-text]").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("button[data-action='edit-grading']"));
    }

    private sealed class RecordingPlanService : PlanServiceDouble
    {
        public List<GradeScale> Saved { get; } = [];

        public override Task<Outcome<Done>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default)
        {
            Saved.Add(grading);
            return Task.FromResult(Outcome.Done());
        }
    }
}
