using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Assessments;
using Dashboard.Shared.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>
/// An initiative's assessment over a real SQLite file: the suggestion from its KPIs' grades, the secretariat's
/// assessment and the committee's opinion, the owning department's reply, who may write what, audit and conflicts.
/// </summary>
public sealed class AssessmentApiTests : AppTestBase
{
    private const string Url = "/api/assessments/2/2025";

    protected override bool Samples => true;

    [Fact]
    public async Task EveryoneReadsTheSuggestionFromTheKpisGradesAsOfTheYearsLastQuarter()
    {
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);

        var view = (await committee.GetFromJsonAsync<InitiativeAssessmentDto>(Url))!;
        var overview = (await committee.GetFromJsonAsync<Dashboard.Shared.Dashboards.OverviewDto>("/api/dashboard/overview?fy=2025&q=4"))!;

        Assert.Equal((2025, 4), (view.GradedFiscalYear, view.GradedQuarter));
        Assert.True(view.IsFinalEvaluation);
        Assert.Equal((1, "利用者に"), (view.PolicyNumber, view.PolicyTitle[..4]));
        Assert.NotEmpty(view.Departments);
        foreach (var kpi in view.Kpis)
        {
            Assert.Equal((kpi.Code, kpi.Grade, kpi.Status), (kpi.Code, overview.Rows.Single(r => r.Code == kpi.Code).Grade, overview.Rows.Single(r => r.Code == kpi.Code).Status));
        }

        Assert.Equal(AssessmentRules.Suggest(view.Kpis.Select(k => k.Grade), GradeScheme.AtoD), view.Suggested);
        Assert.Equal(view.Suggested, view.Overall);
        Assert.Null(view.Version);
        Assert.False(view.MayAssess);
        Assert.False(view.MayReply);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync("/api/assessments/12/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync("/api/assessments/2/2030")).StatusCode);
    }

    [Fact]
    public async Task ThePlannerAssessesTheDepartmentRepliesAndEveryChangeIsAudited()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei); // owns I02-K4/K5
        var committee = await App.SignedInClientAsync(DashboardFactory.Demo.Committee);
        var first = (await planner.GetFromJsonAsync<InitiativeAssessmentDto>(Url))!;
        Assert.True(first.MayAssess);
        var request = new SaveAssessmentRequest(KpiGrade.B, "キャッシュレス決済の利用が伸び悩んでいるため", "窓口での利用案内が不足している", AssessmentDirection.Revise, "利用状況を課ごとに示すこと", null);

        var saved = await planner.PutAsJsonAsync(Url, request);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = (await saved.Content.ReadFromJsonAsync<InitiativeAssessmentDto>())!;
        Assert.Equal((KpiGrade.B, AssessmentDirection.Revise, "利用状況を課ごとに示すこと"), (view.Overall, view.Direction!.Value, view.CommitteeOpinion!));
        Assert.Equal("高橋 美咲（企画・DX推進担当）", view.UpdatedBy); // the name people read, not the login
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PutAsJsonAsync(Url, request with { Version = view.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kaikei.PutAsJsonAsync(Url, request with { Version = view.Version })).StatusCode);

        var kaikeiView = (await kaikei.GetFromJsonAsync<InitiativeAssessmentDto>(Url))!;
        Assert.True(kaikeiView.MayReply);
        var reply = await kaikei.PutAsJsonAsync(Url + "/reply", new SaveReplyRequest("窓口にキャッシュレス決済の案内を掲示します。", kaikeiView.Version));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var replied = (await reply.Content.ReadFromJsonAsync<InitiativeAssessmentDto>())!;
        Assert.Equal("窓口にキャッシュレス決済の案内を掲示します。", replied.DepartmentReply);
        Assert.NotNull(replied.RepliedBy);
        Assert.Equal(view.CommitteeOpinion, replied.CommitteeOpinion); // the reply leaves the assessment alone

        // Staff of departments that own none of the initiative's KPIs may not reply (情報政策課・総務課 own none of 施策2's);
        // nor may the planner, who writes the opinion the department answers.
        var other = await App.SignedInClientAsync(DashboardFactory.Demo.StaffTwoDepartments);
        Assert.False((await other.GetFromJsonAsync<InitiativeAssessmentDto>(Url))!.MayReply);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync(Url + "/reply", new SaveReplyRequest("x", replied.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PutAsJsonAsync(Url + "/reply", new SaveReplyRequest("x", replied.Version))).StatusCode);

        var audit = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "InitiativeAssessment").OrderBy(a => a.Id)
            .Select(a => new { a.EntityKey, a.Field, a.NewValue, a.Actor, a.Reason }).ToListAsync());
        Assert.Contains(audit, a => a.Field == "総合評価" && a.NewValue == "B" && a.Reason == request.OverrideReason && a.Actor == DashboardFactory.Demo.Planner);
        Assert.Contains(audit, a => a.Field == "今後の方向性" && a.NewValue == "見直し");
        Assert.Contains(audit, a => a.Field == "推進本部の意見" && a.NewValue == request.CommitteeOpinion);
        Assert.Contains(audit, a => a.Field == "担当課の回答" && a.Actor == DashboardFactory.Demo.StaffKaikei);
        Assert.All(audit, a => Assert.EndsWith("/施策2/2025", a.EntityKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadInputIsRefusedInJapaneseAndAStaleVersionIsAConflict()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var noReason = await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(KpiGrade.C, " ", null, null, null, null));
        var wrongScale = await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(KpiGrade.S, "理由", null, null, null, null));
        var control = await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(null, null, "課題\u0007", null, null, null));
        var tooLong = await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(null, null, null, null, new string('あ', 2001), null));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("総合評価を変える理由を入力してください", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("この計画の評価区分にない評価です", await wrongScale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("2,000文字以内", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Assessments.CountAsync()));

        var saved = (await (await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(null, null, "最初の課題", AssessmentDirection.Continue, null, null))).Content.ReadFromJsonAsync<InitiativeAssessmentDto>())!;
        var again = await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(null, null, "二度目の課題", null, null, null)); // no version: created twice
        var stale = await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(null, null, "古い版への課題", null, null, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("最初の課題", (await planner.GetFromJsonAsync<InitiativeAssessmentDto>(Url))!.Issues);
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync(Url, new SaveAssessmentRequest(null, null, "直した課題", null, null, saved.Version))).StatusCode);
    }
}
