using System.Text.RegularExpressions;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Plans;

/// <summary>A plan's life: drafted (the planner edits it freely), in force, then ended (read-only, its 最終評価 kept).</summary>
public enum PlanStatus
{
    /// <summary>下書き: not shown on the dashboards, not entered against.</summary>
    Draft,

    /// <summary>実施中.</summary>
    Active,

    /// <summary>終了: read-only; its quarters stay as closed as they were.</summary>
    Ended,
}

/// <summary>What becomes of a KPI of the previous plan in its successor (Hamamatsu's 「第2期計画での継続」 and its siblings).</summary>
public enum KpiDisposition
{
    /// <summary>継続: carried over as it is.</summary>
    Continued,

    /// <summary>拡充: carried over with a larger aim.</summary>
    Expanded,

    /// <summary>統合: merged into another KPI of the successor.</summary>
    Merged,

    /// <summary>完了: achieved; not carried over.</summary>
    Completed,

    /// <summary>廃止: dropped.</summary>
    Abolished,

    /// <summary>延伸: carried over with a later due year.</summary>
    Extended,
}

/// <summary>A plan in the list of plans (the plan chooser).</summary>
/// <param name="Code">Stable key.</param>
/// <param name="Name">計画名.</param>
/// <param name="PeriodStart">First day.</param>
/// <param name="PeriodEnd">Last day.</param>
/// <param name="Status">下書き, 実施中 or 終了.</param>
/// <param name="IsCurrent">The plan pages show by default.</param>
/// <param name="PredecessorCode">The plan it follows, if any.</param>
public sealed record PlanSummaryDto(string Code, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, PlanStatus Status, bool IsCurrent, string? PredecessorCode)
{
    /// <summary>The plan's last quarter: where its 最終評価 is read.</summary>
    public FiscalQuarter LastQuarter => FiscalQuarter.FromDate(PeriodEnd);

    /// <summary>The plan's first quarter.</summary>
    public FiscalQuarter FirstQuarter => FiscalQuarter.FromDate(PeriodStart);
}

/// <summary>How one KPI of the previous plan goes on in this one.</summary>
/// <param name="PredecessorCode">The KPI's code in the previous plan.</param>
/// <param name="PredecessorName">Its name there.</param>
/// <param name="Disposition">継続, 拡充, 統合, 完了, 廃止 or 延伸.</param>
/// <param name="SuccessorCode">The KPI that carries it on in this plan (for 統合, the one it was merged into); null for 完了 and 廃止.</param>
/// <param name="Unit">The previous KPI's unit.</param>
/// <param name="LastTarget">The previous KPI's target for its last year, as revised: where the new plan's targets start from.</param>
/// <param name="Latest">The previous KPI's latest approved figure (the status is not read here).</param>
/// <param name="BaselineValue">The previous KPI's baseline: the draft copies it, and a successor that still has it draws its expected path from there.</param>
/// <param name="BaselineDate">When that baseline was measured.</param>
public sealed record SuccessionDto(string PredecessorCode, string PredecessorName, KpiDisposition Disposition, string? SuccessorCode,
    string Unit = "", KpiTarget? LastTarget = null, LatestFigureDto? Latest = null, decimal? BaselineValue = null, DateOnly? BaselineDate = null)
{
    /// <summary>
    /// Whether <paramref name="successor"/> still has this KPI's baseline, value and date, as the draft copied it: its
    /// expected path then starts from the previous plan's starting point, not from where the KPI stands now.
    /// </summary>
    public bool BaselineKeptBy(KpiDto successor) =>
        BaselineValue is not null && successor.BaselineValue == BaselineValue && successor.BaselineDate == BaselineDate;
}

/// <summary>「次期計画を作成」: the successor's key, name and period (fiscal years).</summary>
/// <param name="Code">計画コード of the new plan.</param>
/// <param name="Name">計画名, e.g. 第2期五所川原市DX推進計画.</param>
/// <param name="FirstFiscalYear">The first fiscal year of the new plan (by default the year after the previous plan ends).</param>
/// <param name="LastFiscalYear">The last fiscal year of the new plan.</param>
public sealed record SuccessorRequest(string? Code, string? Name, int? FirstFiscalYear, int? LastFiscalYear);

/// <summary>Sets what becomes of a previous plan's KPI; <paramref name="MergeInto"/> names the KPI it joins for 統合.</summary>
public sealed record DispositionRequest(KpiDisposition Disposition, string? MergeInto);

/// <summary>A draft plan's own target (当初) for a year, set freely until the plan starts; empty clears it.</summary>
public sealed record DraftTargetRequest(string? Value);

/// <summary>The checks of a plan's life, the same in the browser and on the server, in Japanese.</summary>
public static partial class PlanLifecycleRules
{
    /// <summary>Longest plan name.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Longest plan code.</summary>
    public const int CodeMaxLength = 32;

    /// <summary>Longest plan a successor may be (fiscal years).</summary>
    public const int MaxYears = 10;

    /// <summary>The disposition as the plan documents write it.</summary>
    public static string Japanese(this KpiDisposition disposition) => disposition switch
    {
        KpiDisposition.Continued => "継続",
        KpiDisposition.Expanded => "拡充",
        KpiDisposition.Merged => "統合",
        KpiDisposition.Completed => "完了",
        KpiDisposition.Abolished => "廃止",
        KpiDisposition.Extended => "延伸",
        _ => disposition.ToString(),
    };

    /// <summary>Whether the KPI goes on as a KPI of its own in the successor.</summary>
    public static bool CarriesOver(this KpiDisposition disposition) =>
        disposition is KpiDisposition.Continued or KpiDisposition.Expanded or KpiDisposition.Extended;

    /// <summary>The status as the plan page writes it.</summary>
    public static string Japanese(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "下書き",
        PlanStatus.Active => "実施中",
        PlanStatus.Ended => "終了",
        _ => status.ToString(),
    };

    /// <summary>A plan or KPI code: letters, digits and hyphens (the seed files' rule).</summary>
    public static bool IsCode(string? code) => code is { Length: > 0 and <= CodeMaxLength } && CodePattern().IsMatch(code);

    /// <summary>
    /// Field errors of a successor to a plan ending on <paramref name="predecessorEnd"/>; empty when valid. The
    /// successor may not start before its predecessor ends.
    /// </summary>
    public static Dictionary<string, string[]> Validate(SuccessorRequest request, DateOnly predecessorEnd)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            errors[nameof(request.Code)] = [Wording.Pick("計画コードを入力してください。", "Enter the plan code.")];
        }
        else if (!IsCode(request.Code))
        {
            errors[nameof(request.Code)] = [Wording.Pick($"計画コードは英数字とハイフンで、{CodeMaxLength}文字以内にしてください。", $"A plan code is letters, digits and hyphens, at most {CodeMaxLength} characters.")];
        }

        var name = TextPolicy.Clean(request.Name);
        if (name is null)
        {
            errors[nameof(request.Name)] = [Wording.Pick("計画名を入力してください。", "Enter the plan's name.")];
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(request.Name)] = [Wording.Pick($"計画名は{NameMaxLength}文字以内で入力してください。", $"The plan's name has at most {NameMaxLength} characters.")];
        }
        else if (TextPolicy.NameProblem(request.Name, Wording.Pick("計画名", "The plan's name")) is { } problem)
        {
            errors[nameof(request.Name)] = [problem];
        }

        var after = FiscalQuarter.FiscalYearOf(predecessorEnd) + 1;
        var first = request.FirstFiscalYear ?? after;
        if (FiscalQuarter.FiscalYearEnd(first - 1) < predecessorEnd)
        {
            errors[nameof(request.FirstFiscalYear)] =
                [Wording.Pick(
                    $"次期計画は前の計画が終わる日（{predecessorEnd:yyyy/MM/dd}）より後に始めてください（{JapaneseEra.FiscalYearLabel(after)}から）。",
                    $"The next plan starts after the previous one ends ({Wording.Date(predecessorEnd)}): from FY{after}.")];
        }

        if (request.LastFiscalYear is not { } last)
        {
            errors[nameof(request.LastFiscalYear)] = [Wording.Pick("最終年度を選んでください。", "Choose the last fiscal year.")];
        }
        else if (last < first || last >= first + MaxYears)
        {
            errors[nameof(request.LastFiscalYear)] = [Wording.Pick($"最終年度は{JapaneseEra.FiscalYearLabel(first)}から{MaxYears}年度以内で選んでください。", $"Choose a last fiscal year within {MaxYears} years from FY{first}.")];
        }

        return errors;
    }

    /// <summary>Whether two periods share a day.</summary>
    public static bool Overlaps(DateOnly start1, DateOnly end1, DateOnly start2, DateOnly end2) => start1 <= end2 && start2 <= end1;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex CodePattern();
}
