using System.Text.Json.Serialization;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Assessments;

/// <summary>今後の方向性: what the city does with an initiative next.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentDirection>))]
public enum AssessmentDirection
{
    /// <summary>拡充.</summary>
    Expand,

    /// <summary>継続.</summary>
    Continue,

    /// <summary>見直し.</summary>
    Revise,

    /// <summary>縮小.</summary>
    Reduce,

    /// <summary>廃止.</summary>
    Abolish,

    /// <summary>完了.</summary>
    Complete,
}

/// <summary>Japanese and English names of <see cref="AssessmentDirection"/>.</summary>
public static class AssessmentDirections
{
    /// <summary>拡充, 継続, 見直し, 縮小, 廃止, 完了.</summary>
    public static string Japanese(this AssessmentDirection direction) => direction switch
    {
        AssessmentDirection.Expand => "拡充",
        AssessmentDirection.Continue => "継続",
        AssessmentDirection.Revise => "見直し",
        AssessmentDirection.Reduce => "縮小",
        AssessmentDirection.Abolish => "廃止",
        _ => "完了",
    };

    /// <summary>Expand, Continue, Revise, Reduce, Abolish, Complete.</summary>
    public static string English(this AssessmentDirection direction) => direction.ToString();
}

/// <summary>One KPI of the initiative as the assessment reads it.</summary>
/// <param name="Code">KPI code.</param>
/// <param name="Name">KPI name.</param>
/// <param name="Status">状況 as of the graded quarter.</param>
/// <param name="Grade">評価区分 as of the graded quarter.</param>
public sealed record AssessedKpiDto(string Code, string Name, KpiStatus Status, KpiGrade Grade);

/// <summary>
/// An initiative's assessment for one fiscal year: the 総合評価 suggested from its KPIs' grades (overridable with a
/// reason), 課題, 今後の方向性, the committee's opinion (推進本部の意見) and the owning department's reply.
/// </summary>
/// <param name="Initiative">Initiative number (1-11).</param>
/// <param name="Title">Initiative title.</param>
/// <param name="PolicyNumber">基本方針 number.</param>
/// <param name="PolicyTitle">基本方針 title.</param>
/// <param name="Summary">目的: the plan's own summary of the initiative.</param>
/// <param name="Departments">担当課: the departments owning its KPIs.</param>
/// <param name="FiscalYear">The fiscal year assessed.</param>
/// <param name="FiscalYears">The plan's fiscal years, to choose another.</param>
/// <param name="GradedFiscalYear">Fiscal year of the quarter whose grades the suggestion reads.</param>
/// <param name="GradedQuarter">That quarter (the year's Q4, or the reporting quarter while the year runs).</param>
/// <param name="IsFinalEvaluation">The graded quarter is the plan's last: grades are against the final targets (最終評価).</param>
/// <param name="Kpis">The initiative's KPIs with their grades.</param>
/// <param name="Scheme">The plan's grading scheme (which grades a 総合評価 may take).</param>
/// <param name="Suggested">総合評価 suggested from the KPIs' grades.</param>
/// <param name="Override">The secretariat's 総合評価 when it differs from the suggestion.</param>
/// <param name="OverrideReason">Why the suggestion was overridden.</param>
/// <param name="Issues">課題.</param>
/// <param name="Direction">今後の方向性.</param>
/// <param name="CommitteeOpinion">推進本部の意見.</param>
/// <param name="DepartmentReply">The owning department's reply.</param>
/// <param name="UpdatedBy">Display name of the last person to change the assessment, if any.</param>
/// <param name="UpdatedUtc">When it was last changed.</param>
/// <param name="RepliedBy">Display name of the person who wrote the reply.</param>
/// <param name="Version">Concurrency token; send it back when saving (null before the first save).</param>
/// <param name="MayAssess">The caller may write the assessment and the opinion (planners).</param>
/// <param name="MayReply">The caller may write the department's reply (staff of an owning department).</param>
public sealed record InitiativeAssessmentDto(
    int Initiative,
    string Title,
    int PolicyNumber,
    string PolicyTitle,
    string? Summary,
    IReadOnlyList<string> Departments,
    int FiscalYear,
    IReadOnlyList<int> FiscalYears,
    int GradedFiscalYear,
    int GradedQuarter,
    bool IsFinalEvaluation,
    IReadOnlyList<AssessedKpiDto> Kpis,
    GradeScheme Scheme,
    KpiGrade Suggested,
    KpiGrade? Override,
    string? OverrideReason,
    string? Issues,
    AssessmentDirection? Direction,
    string? CommitteeOpinion,
    string? DepartmentReply,
    string? UpdatedBy,
    DateTime? UpdatedUtc,
    string? RepliedBy,
    Guid? Version,
    bool MayAssess,
    bool MayReply)
{
    /// <summary>総合評価: the override when there is one, otherwise the suggestion.</summary>
    public KpiGrade Overall => Override ?? Suggested;
}

/// <summary>What the secretariat saves: the assessment and the committee's opinion.</summary>
/// <param name="Override">総合評価 when it differs from the suggestion; null keeps the suggestion.</param>
/// <param name="OverrideReason">Required with an override.</param>
/// <param name="Issues">課題.</param>
/// <param name="Direction">今後の方向性.</param>
/// <param name="CommitteeOpinion">推進本部の意見.</param>
/// <param name="Version">The version read; null when none was saved yet.</param>
public sealed record SaveAssessmentRequest(
    KpiGrade? Override,
    string? OverrideReason,
    string? Issues,
    AssessmentDirection? Direction,
    string? CommitteeOpinion,
    Guid? Version);

/// <summary>What the owning department saves: its reply to the committee's opinion.</summary>
/// <param name="Reply">The reply.</param>
/// <param name="Version">The version read.</param>
public sealed record SaveReplyRequest(string? Reply, Guid? Version);
