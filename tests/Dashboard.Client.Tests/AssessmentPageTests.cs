using Dashboard.Shared.Problems;
using Dashboard.Client.Features.Assessments;
using Dashboard.Client.Layout;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Kpis;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Client.Tests;

/// <summary>
/// The initiative's assessment page: the secretariat writes 課題, 今後の方向性 and 推進本部の意見, the owning department
/// replies, and what was saved is what the page then shows. The service keeps what it is sent, applying the same
/// Shared validation the server applies (the server side is proven over SQLite in AssessmentApiTests).
/// </summary>
public sealed class AssessmentPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly KeepingAssessmentService _service = new();

    public AssessmentPageTests()
    {
        _ctx.Services.AddSingleton(new UiPreferences());
        _ctx.Services.AddSingleton<Dashboard.Shared.Threads.IThreadService>(new NoThreads());
        _ctx.Services.AddSingleton<IAssessmentService>(_service);
        _ctx.AddAuthorization().SetAuthorized("someone@demo.local").SetPolicies(Policies.ViewDashboards);
        _ctx.SetRendererInfo(new RendererInfo("WebAssembly", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void TheSecretariatWritesTheAssessmentAndThePageShowsWhatWasSaved()
    {
        _service.MayAssess = true;
        var page = _ctx.Render<AssessmentPage>(p => p.Add(x => x.Number, 2).Add(x => x.FiscalYear, 2025));

        Assert.Contains("取組施策2", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal("B", page.Find("[data-overall]").GetAttribute("data-overall"));
        Assert.Empty(page.FindAll("[data-reply-form]"));
        page.Find("button[data-action='edit-assessment']").Click();
        page.Find("textarea[name='issues']").Change("窓口での案内が不足している");
        page.Find("textarea[name='opinion']").Change("課ごとの利用状況を示すこと");
        page.WaitForAssertion(() => Assert.Equal("課ごとの利用状況を示すこと", page.Find("textarea[name='opinion']").GetAttribute("value") ?? page.Find("textarea[name='opinion']").TextContent));
        page.Find("button[data-action='save-assessment']").Click();

        page.WaitForAssertion(() => Assert.Single(_service.Saves));
        var sent = _service.Saves[0];
        Assert.Equal(("窓口での案内が不足している", "課ごとの利用状況を示すこと", (KpiGrade?)null), (sent.Issues, sent.CommitteeOpinion, sent.Override));
        page.WaitForAssertion(() => Assert.Equal("課ごとの利用状況を示すこと", page.Find("[data-field='opinion']").TextContent.Trim()));
        Assert.Equal("窓口での案内が不足している", page.Find("[data-field='issues']").TextContent.Trim());
        Assert.Contains("評価を保存しました", page.Find("[data-result]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOwningDepartmentRepliesAndAControlCharacterIsRefusedBeforeAnythingIsSent()
    {
        _service.MayReply = true;
        var page = _ctx.Render<AssessmentPage>(p => p.Add(x => x.Number, 2).Add(x => x.FiscalYear, 2025));
        Assert.Empty(page.FindAll("button[data-action='edit-assessment']"));

        page.Find("textarea[name='reply']").Change("案内を掲示します\u0007");
        page.Find("button[data-action='save-reply']").Click();
        page.WaitForAssertion(() => Assert.Contains("入力を確認してください", page.Find("[data-result]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_service.Replies);

        page.Find("textarea[name='reply']").Change("窓口に案内を掲示します。");
        page.Find("button[data-action='save-reply']").Click();

        page.WaitForAssertion(() => Assert.Equal("窓口に案内を掲示します。", Assert.Single(_service.Replies).Reply));
        page.WaitForAssertion(() => Assert.StartsWith("窓口に案内を掲示します。", page.Find("[data-field='reply']").TextContent.Trim(), StringComparison.Ordinal));
    }

    private sealed class KeepingAssessmentService : IAssessmentService
    {
        private InitiativeAssessmentDto _current = new(
            2, "キャッシュレス化の推進", 1, "利用者にとって便利な行政サービスの実現", "キャッシュレス決済を進める", ["会計課"], 2025, [2022, 2023, 2024, 2025],
            2025, 4, true,
            [new("I02-K4", "キャッシュレス決済の導入", KpiStatus.Caution, KpiGrade.B), new("I02-K5", "現金取扱件数", KpiStatus.Delayed, KpiGrade.C)],
            GradeScheme.AtoD, KpiGrade.B, null, null, null, null, null, null, null, null, null, null, false, false);

        public bool MayAssess { get; set; }

        public bool MayReply { get; set; }

        public List<SaveAssessmentRequest> Saves { get; } = [];

        public List<SaveReplyRequest> Replies { get; } = [];

        public Task<InitiativeAssessmentDto?> GetAsync(int initiative, int fiscalYear, CancellationToken cancellationToken = default) =>
            Task.FromResult<InitiativeAssessmentDto?>(_current with { MayAssess = MayAssess, MayReply = MayReply });

        public Task<Outcome<InitiativeAssessmentDto>> SaveAsync(int initiative, int fiscalYear, SaveAssessmentRequest request, CancellationToken cancellationToken = default)
        {
            if (AssessmentRules.Validate(request, GradeScheme.AtoD) is { Count: > 0 } errors)
            {
                return Task.FromResult(Outcome.Invalid<InitiativeAssessmentDto>(errors));
            }

            Saves.Add(request);
            _current = _current with
            {
                Override = request.Override, OverrideReason = request.OverrideReason, Issues = request.Issues, Direction = request.Direction,
                CommitteeOpinion = request.CommitteeOpinion, Version = Guid.NewGuid(), UpdatedBy = "高橋 美咲", UpdatedUtc = DateTime.UtcNow,
            };
            return Task.FromResult(Outcome.Ok(_current with { MayAssess = MayAssess, MayReply = MayReply }));
        }

        public Task<Outcome<InitiativeAssessmentDto>> ReplyAsync(int initiative, int fiscalYear, SaveReplyRequest request, CancellationToken cancellationToken = default)
        {
            if (AssessmentRules.Validate(request) is { Count: > 0 } errors)
            {
                return Task.FromResult(Outcome.Invalid<InitiativeAssessmentDto>(errors));
            }

            Replies.Add(request);
            _current = _current with { DepartmentReply = request.Reply, RepliedBy = "佐藤 花子", Version = Guid.NewGuid() };
            return Task.FromResult(Outcome.Ok(_current with { MayAssess = MayAssess, MayReply = MayReply }));
        }
    }
}
