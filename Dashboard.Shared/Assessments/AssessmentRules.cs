using Dashboard.Shared.Kpis;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Assessments;

/// <summary>The initiative's 総合評価 suggestion and the assessment's validation, the same in the browser and on the server.</summary>
public static class AssessmentRules
{
    /// <summary>Longest text of any assessment field.</summary>
    public const int TextMaxLength = 2000;

    /// <summary>
    /// 総合評価 suggested from the KPIs' grades: the mean of the gradable ones on the plan's scale (S/A = 4 ... D = 1,
    /// or S = 4, A = 3, B = 2, C = 1), rounded half up; 評価不能 when none can be graded.
    /// </summary>
    public static KpiGrade Suggest(IEnumerable<KpiGrade> grades, GradeScheme scheme)
    {
        var scores = grades.Where(g => g != KpiGrade.NotGradable).Select(g => Score(g, scheme)).ToList();
        if (scores.Count == 0)
        {
            return KpiGrade.NotGradable;
        }

        var mean = (int)Math.Floor((decimal)scores.Sum() / scores.Count + 0.5m);
        return FromScore(mean, scheme);
    }

    /// <summary>The grades a 総合評価 may take in <paramref name="scheme"/>.</summary>
    public static IReadOnlyList<KpiGrade> Choices(GradeScheme scheme) => scheme == GradeScheme.SAtoC
        ? [KpiGrade.S, KpiGrade.A, KpiGrade.B, KpiGrade.C, KpiGrade.NotGradable]
        : [KpiGrade.A, KpiGrade.B, KpiGrade.C, KpiGrade.D, KpiGrade.NotGradable];

    /// <summary>Field errors (<see cref="Wording"/>); empty when the request may be saved.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SaveAssessmentRequest request, GradeScheme scheme)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Override is { } grade && !Choices(scheme).Contains(grade))
        {
            errors[nameof(request.Override)] = [Wording.Pick("この計画の評価区分にない評価です。", "This grade is not one of the plan's grades.")];
        }

        if (request.Override is not null && string.IsNullOrWhiteSpace(request.OverrideReason))
        {
            errors[nameof(request.OverrideReason)] = [Wording.Pick("総合評価を変える理由を入力してください。", "Enter the reason for changing the overall grade.")];
        }

        if (request.Direction is { } direction && !Enum.IsDefined(direction))
        {
            errors[nameof(request.Direction)] = [Wording.Pick("今後の方向性を選んでください。", "Choose the future direction.")];
        }

        Text(errors, nameof(request.OverrideReason), request.OverrideReason, Wording.Pick("総合評価を変える理由", "The reason for changing the overall grade"));
        Text(errors, nameof(request.Issues), request.Issues, Wording.Pick("課題", "The issues"));
        Text(errors, nameof(request.CommitteeOpinion), request.CommitteeOpinion, Wording.Pick("推進本部の意見", "The headquarters' opinion"));
        return errors;
    }

    /// <summary>Field errors of a department's reply; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SaveReplyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, nameof(request.Reply), request.Reply, Wording.Pick("担当課の回答", "The department's reply"));
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? text, string label)
    {
        if (errors.ContainsKey(field))
        {
            return;
        }

        var problem = text is { Length: > TextMaxLength }
            ? Wording.Pick($"{label}は{TextMaxLength:N0}文字以内で入力してください。", $"{label}: at most {TextMaxLength:N0} characters.")
            : TextPolicy.Problem(text, label, multiline: true);
        if (problem is not null)
        {
            errors[field] = [problem];
        }
    }

    private static int Score(KpiGrade grade, GradeScheme scheme) => (grade, scheme) switch
    {
        (KpiGrade.S, _) => 4,
        (KpiGrade.A, GradeScheme.SAtoC) => 3,
        (KpiGrade.A, _) => 4,
        (KpiGrade.B, GradeScheme.SAtoC) => 2,
        (KpiGrade.B, _) => 3,
        (KpiGrade.C, GradeScheme.SAtoC) => 1,
        (KpiGrade.C, _) => 2,
        _ => 1,
    };

    private static KpiGrade FromScore(int score, GradeScheme scheme) => scheme == GradeScheme.SAtoC
        ? score switch { >= 4 => KpiGrade.S, 3 => KpiGrade.A, 2 => KpiGrade.B, _ => KpiGrade.C }
        : score switch { >= 4 => KpiGrade.A, 3 => KpiGrade.B, 2 => KpiGrade.C, _ => KpiGrade.D };
}
