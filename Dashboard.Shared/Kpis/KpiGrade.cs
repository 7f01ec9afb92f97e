using System.Text.Json.Serialization;
using Dashboard.Shared.Fiscal;

namespace Dashboard.Shared.Kpis;

/// <summary>評価区分: the grade the committee reads beside the quarterly 状況.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiGrade>))]
public enum KpiGrade
{
    /// <summary>評価不能: nothing can be graded (no figure, no target, monitor-only).</summary>
    NotGradable,

    /// <summary>S: the target is reached (S/A/B/C/- scheme).</summary>
    S,

    /// <summary>A.</summary>
    A,

    /// <summary>B.</summary>
    B,

    /// <summary>C.</summary>
    C,

    /// <summary>D: only in the A-D scheme.</summary>
    D,
}

/// <summary>Which grading a plan uses; Japanese municipalities choose their own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeScheme>))]
public enum GradeScheme
{
    /// <summary>A-D by 達成率 against the fiscal year's target: A &gt;= A, B &gt;= B, C &gt;= C, D below.</summary>
    AtoD,

    /// <summary>S/A/B/C/- against baseline and target: S reached, A better than the baseline band, B within it, C worse.</summary>
    SAtoC,
}

/// <summary>A plan's grading and its thresholds (shares of the year's target, and the band around the baseline).</summary>
/// <param name="Scheme">A-D or S/A/B/C/-.</param>
/// <param name="A">A-D: 達成率 for A (default 1.00).</param>
/// <param name="B">A-D: 達成率 for B (default 0.80).</param>
/// <param name="C">A-D: 達成率 for C (default 0.60); below it D.</param>
/// <param name="BaselineBand">S/A/B/C/-: within this share of the baseline is B (default 0.10, ±10%).</param>
public sealed record GradeScale(GradeScheme Scheme, decimal A = 1.00m, decimal B = 0.80m, decimal C = 0.60m, decimal BaselineBand = 0.10m)
{
    /// <summary>A-D with 100% / 80% / 60%.</summary>
    public static GradeScale Default { get; } = new(GradeScheme.AtoD);

    /// <summary>0 &lt; C &lt;= B &lt;= A &lt;= 2 and 0 &lt;= band &lt; 1, with a known scheme.</summary>
    public bool IsValid => Enum.IsDefined(Scheme) && C > 0 && C <= B && B <= A && A <= 2 && BaselineBand is >= 0 and < 1;

    /// <summary>Field errors in Japanese, the same in the browser and on the server; empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(Scheme))
        {
            errors[nameof(Scheme)] = ["評価区分の方式を選んでください。"];
        }

        if (!(C > 0 && C <= B && B <= A && A <= 2))
        {
            errors[nameof(A)] = ["達成率の基準は 0 < C ≦ B ≦ A ≦ 200% の順にしてください。"];
        }

        if (BaselineBand is < 0 or >= 1)
        {
            errors[nameof(BaselineBand)] = ["基準値の幅は 0% 以上 100% 未満にしてください。"];
        }

        return errors;
    }

    /// <summary>How the grading reads for people: A 100%以上・B 80%以上・C 60%以上・D それ未満.</summary>
    public string Describe() => Scheme == GradeScheme.AtoD
        ? $"A〜D（年度目標に対する達成率: A {Percent(A)}以上・B {Percent(B)}以上・C {Percent(C)}以上・D それ未満）"
        : $"S/A/B/C/-（S 目標達成・A 基準値より{Percent(BaselineBand)}超の改善・B 基準値の±{Percent(BaselineBand)}以内・C 悪化・- 比較できない）";

    /// <summary>The same in English: A at least 100%, B at least 80% …</summary>
    public string DescribeEnglish() => Scheme == GradeScheme.AtoD
        ? $"A-D (achievement against the year's target: A {Percent(A)} or more, B {Percent(B)} or more, C {Percent(C)} or more, D below)"
        : $"S/A/B/C/- (S target reached, A more than {Percent(BaselineBand)} better than the baseline, B within ±{Percent(BaselineBand)} of it, C worse, - not comparable)";

    // The same text in every culture: the browser's ja-JP formats P0 as "80 %", the server's as "80%".
    private static string Percent(decimal share) => (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// The grading rules, the same for the dashboards, the pack and the public page. Numeric KPIs are graded on the
/// latest approved figure at or before the quarter, against the fiscal year's target (A-D) or against baseline and
/// target (S/A/B/C/-); milestones and zero targets by their own rule; anything without a figure or target is 評価不能.
/// </summary>
public static class KpiGrades
{
    /// <summary>The grade of <paramref name="kpi"/> at <paramref name="quarter"/>.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="quarter">The quarter graded; its fiscal year's target is the yardstick.</param>
    /// <param name="status">The status as of the quarter (see <see cref="KpiRules.StatusAsOf"/>), for milestones.</param>
    /// <param name="latest">The latest approved figure at or before the quarter, for numeric kinds.</param>
    /// <param name="scale">The plan's grading.</param>
    /// <param name="finalTarget">Grade against the plan's final target instead of the year's (最終評価).</param>
    public static KpiGrade Grade(KpiDefinition kpi, FiscalQuarter quarter, KpiStatus status, decimal? latest, GradeScale scale, bool finalTarget = false)
    {
        kpi = kpi.InForceAt(quarter.EndDate);
        var sa = scale.Scheme == GradeScheme.SAtoC;
        switch (kpi.Kind)
        {
            case KpiKind.MonitorOnly:
                return KpiGrade.NotGradable;
            case KpiKind.Milestone:
                return status switch
                {
                    KpiStatus.Completed => sa ? KpiGrade.S : KpiGrade.A,
                    KpiStatus.Scheduled => KpiGrade.B,
                    KpiStatus.Overdue => sa ? KpiGrade.C : KpiGrade.D,
                    _ => KpiGrade.NotGradable,
                };
        }

        if (latest is not { } actual)
        {
            return KpiGrade.NotGradable;
        }

        if (kpi.Kind == KpiKind.ZeroTarget)
        {
            return actual <= 0 ? (sa ? KpiGrade.S : KpiGrade.A) : (sa ? KpiGrade.C : KpiGrade.D);
        }

        var target = finalTarget ? kpi.FinalTarget?.Value : kpi.TargetFor(quarter.FiscalYear);
        if (target is not { } t)
        {
            return KpiGrade.NotGradable;
        }

        var achievement = KpiRules.Achievement(kpi.Direction, kpi.BaselineValue, t, actual);
        if (!sa)
        {
            return achievement >= scale.A ? KpiGrade.A
                : achievement >= scale.B ? KpiGrade.B
                : achievement >= scale.C ? KpiGrade.C
                : KpiGrade.D;
        }

        if (achievement >= 1)
        {
            return KpiGrade.S;
        }

        if (kpi.BaselineValue is not { } baseline || baseline == 0)
        {
            return KpiGrade.NotGradable;
        }

        // Better than the baseline by more than the band: A; within it: B; worse: C (lower-is-better turned round).
        var change = (actual - baseline) / Math.Abs(baseline);
        var better = kpi.Direction == KpiDirection.HigherIsBetter ? change : -change;
        return better > scale.BaselineBand ? KpiGrade.A
            : better >= -scale.BaselineBand ? KpiGrade.B
            : KpiGrade.C;
    }

    /// <summary>
    /// A KPI's standing at <paramref name="quarter"/> from its approved reports: the carried status, the latest approved
    /// report up to the quarter, and the grade (against the final target at the plan's last quarter, 最終評価). The one
    /// place the pack, the assessments and the dashboards' rows read "latest approved up to a quarter".
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="quarter">The quarter.</param>
    /// <param name="approved">The KPI's approved reports, any quarter.</param>
    /// <param name="thresholds">The plan's status thresholds.</param>
    /// <param name="scale">The plan's grading.</param>
    /// <param name="lastQuarter">The plan's last quarter.</param>
    public static KpiStanding Standing(KpiDefinition kpi, FiscalQuarter quarter, IEnumerable<(FiscalQuarter Quarter, QuarterReport Report)> approved, StatusThresholds thresholds, GradeScale scale, FiscalQuarter lastQuarter)
    {
        var upTo = approved.Where(r => r.Quarter <= quarter).OrderBy(r => r.Quarter).ToList();
        var status = KpiRules.StatusAsOf(kpi, quarter, upTo, thresholds);
        var latestValue = upTo.Select(r => r.Report.Value).LastOrDefault(v => v is not null);
        return new KpiStanding(status, Grade(kpi, quarter, status, latestValue, scale, finalTarget: quarter == lastQuarter), KpiRules.LatestUpTo(upTo, quarter));
    }

    /// <summary>S, A, B, C, D, or 評価不能.</summary>
    public static string Japanese(this KpiGrade grade) => grade == KpiGrade.NotGradable ? "評価不能" : grade.ToString();

    /// <summary>S, A, B, C, D, or Not gradable.</summary>
    public static string English(this KpiGrade grade) => grade == KpiGrade.NotGradable ? "Not gradable" : grade.ToString();
}

/// <summary>A KPI at a quarter: its carried status, its grade and its latest approved report up to the quarter.</summary>
/// <param name="Status">状況 as of the quarter.</param>
/// <param name="Grade">評価区分 as of the quarter.</param>
/// <param name="Latest">The latest approved report at or before the quarter, with its quarter.</param>
public sealed record KpiStanding(KpiStatus Status, KpiGrade Grade, (FiscalQuarter Quarter, QuarterReport Report)? Latest);
