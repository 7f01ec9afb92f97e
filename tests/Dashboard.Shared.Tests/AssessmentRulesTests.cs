using Dashboard.Shared.Assessments;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public sealed class AssessmentRulesTests
{
    [Theory]
    [InlineData(GradeScheme.AtoD, "A,A,A", KpiGrade.A)]
    [InlineData(GradeScheme.AtoD, "A,B", KpiGrade.A)] // 3.5 rounds half up
    [InlineData(GradeScheme.AtoD, "A,C", KpiGrade.B)]
    [InlineData(GradeScheme.AtoD, "B,C,D", KpiGrade.C)]
    [InlineData(GradeScheme.AtoD, "D,D,C", KpiGrade.D)] // 1.33
    [InlineData(GradeScheme.AtoD, "A,NotGradable,NotGradable", KpiGrade.A)] // 評価不能 is left out, not counted as low
    [InlineData(GradeScheme.AtoD, "NotGradable", KpiGrade.NotGradable)]
    [InlineData(GradeScheme.AtoD, "", KpiGrade.NotGradable)]
    [InlineData(GradeScheme.SAtoC, "S,S,A", KpiGrade.S)] // 3.67
    [InlineData(GradeScheme.SAtoC, "S,B", KpiGrade.A)]
    [InlineData(GradeScheme.SAtoC, "A,C", KpiGrade.B)]
    [InlineData(GradeScheme.SAtoC, "C,C,B", KpiGrade.C)]
    public void TheSuggestionIsTheMeanOfTheGradableKpisOnThePlansScale(GradeScheme scheme, string grades, KpiGrade expected)
    {
        var list = grades.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<KpiGrade>);

        Assert.Equal(expected, AssessmentRules.Suggest(list, scheme));
    }

    [Fact]
    public void AnOverrideNeedsAReasonAndAGradeOfThePlansScale()
    {
        Assert.Contains("OverrideReason", AssessmentRules.Validate(new SaveAssessmentRequest(KpiGrade.B, "  ", null, null, null, null), GradeScheme.AtoD).Keys);
        Assert.Contains("Override", AssessmentRules.Validate(new SaveAssessmentRequest(KpiGrade.S, "理由", null, null, null, null), GradeScheme.AtoD).Keys);
        Assert.Contains("Override", AssessmentRules.Validate(new SaveAssessmentRequest(KpiGrade.D, "理由", null, null, null, null), GradeScheme.SAtoC).Keys);
        Assert.Empty(AssessmentRules.Validate(new SaveAssessmentRequest(KpiGrade.NotGradable, "数値がそろわない", null, null, null, null), GradeScheme.SAtoC));
        Assert.Empty(AssessmentRules.Validate(new SaveAssessmentRequest(null, null, "課題\n二行目", AssessmentDirection.Expand, "意見", null), GradeScheme.AtoD));
        Assert.Contains("Direction", AssessmentRules.Validate(new SaveAssessmentRequest(null, null, null, (AssessmentDirection)99, null, null), GradeScheme.AtoD).Keys);
        Assert.Contains("Issues", AssessmentRules.Validate(new SaveAssessmentRequest(null, null, new string('課', AssessmentRules.TextMaxLength + 1), null, null, null), GradeScheme.AtoD).Keys);
        Assert.Contains("Reply", AssessmentRules.Validate(new SaveReplyRequest("回答\u0000", null)).Keys);
    }

    [Fact]
    public void EveryDirectionHasAJapaneseName() =>
        Assert.Equal("拡充,継続,見直し,縮小,廃止,完了", string.Join(",", Enum.GetValues<AssessmentDirection>().Select(d => d.Japanese())));
}
