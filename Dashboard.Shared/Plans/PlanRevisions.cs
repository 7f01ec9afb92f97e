using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Plans;

/// <summary>
/// A revision (改訂) of the current plan: when it was decided, what changed and why, and optionally a longer period
/// (the plan then runs to the end of <paramref name="ExtendToFiscalYear"/>).
/// </summary>
/// <param name="Date">改訂日: when the revision was decided.</param>
/// <param name="Description">What changed, e.g. 計画期間を令和8年度まで延長.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExtendToFiscalYear">The plan's new last fiscal year, when the period is extended; null keeps it.</param>
public sealed record PlanRevisionRequest(DateOnly? Date, string? Description, string? Reason, int? ExtendToFiscalYear);

/// <summary>A revised target (見直し後の目標) for one KPI and fiscal year; the plan's own value is kept.</summary>
/// <param name="Value">The new target as typed (full-width digits allowed).</param>
/// <param name="EffectiveFrom">目標設定日: from when the new target applies (quarters ending before it keep the old one).</param>
/// <param name="Reason">見直し理由.</param>
public sealed record TargetRevisionRequest(string? Value, DateOnly? EffectiveFrom, string? Reason);

/// <summary>The checks of a revision and a revised target, the same in the browser and on the server, in Japanese.</summary>
public static class PlanRevisionRules
{
    /// <summary>Longest description of a revision.</summary>
    public const int DescriptionMaxLength = 500;

    /// <summary>Longest reason.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>How many fiscal years a plan may be extended by at once.</summary>
    public const int MaxExtensionYears = 5;

    /// <summary>Field errors of <paramref name="request"/> for a plan running from <paramref name="start"/> to <paramref name="end"/>; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(PlanRevisionRequest request, DateOnly start, DateOnly end)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Date is not { } date)
        {
            errors[nameof(request.Date)] = [Wording.Pick("改訂日を入力してください。", "Enter the date of the revision.")];
        }
        else if (date < start)
        {
            errors[nameof(request.Date)] = [Wording.Pick($"改訂日が計画の開始日（{start:yyyy/MM/dd}）より前です。", $"The revision date is before the plan starts ({Wording.Date(start)}).")];
        }

        Text(errors, nameof(request.Description), Wording.Pick("改訂の内容", "What the revision changes"), request.Description, DescriptionMaxLength);
        Text(errors, nameof(request.Reason), Wording.Pick("改訂の理由", "The reason for the revision"), request.Reason, ReasonMaxLength);
        var last = FiscalQuarter.FromDate(end).FiscalYear;
        if (request.ExtendToFiscalYear is { } to && (to <= last || to > last + MaxExtensionYears))
        {
            errors[nameof(request.ExtendToFiscalYear)] =
                [Wording.Pick($"延長後の最終年度は、今の最終年度（{JapaneseEra.FiscalYearLabel(last)}）より後、{MaxExtensionYears}年度以内で選んでください。", $"Choose a new last fiscal year after the current one (FY{last}), at most {MaxExtensionYears} years later.")];
        }

        return errors;
    }

    /// <summary>
    /// Field errors of a revised target for <paramref name="kpi"/> in <paramref name="fiscalYear"/> of a plan running
    /// from <paramref name="start"/> to <paramref name="end"/>; <paramref name="value"/> gets the value as read.
    /// </summary>
    public static Dictionary<string, string[]> Validate(TargetRevisionRequest request, KpiDefinition kpi, int fiscalYear, DateOnly start, DateOnly end, out decimal value)
    {
        var errors = new Dictionary<string, string[]>();
        value = 0;
        var (first, last) = (FiscalQuarter.FromDate(start).FiscalYear, FiscalQuarter.FromDate(end).FiscalYear);
        if (!kpi.Kind.IsNumeric())
        {
            errors[nameof(request.Value)] = [Wording.Pick("この指標には数値の目標がありません（マイルストーン・実施状況の指標）。", "This indicator has no numeric target (a milestone or an activity).")];
        }
        else if (fiscalYear < first || fiscalYear > last)
        {
            errors["FiscalYear"] = [Wording.Pick($"{JapaneseEra.FiscalYearLabel(fiscalYear)}は計画期間（{JapaneseEra.FiscalYearLabel(first)}〜{JapaneseEra.FiscalYearLabel(last)}）の外です。先に計画期間を延長してください。", $"FY{fiscalYear} is outside the plan's period (FY{first} to FY{last}). Extend the period first.")];
        }
        else if (!KpiValueParser.TryParse(request.Value, out var parsed, out var problem) || parsed is not { } read)
        {
            errors[nameof(request.Value)] = [problem ?? Wording.Pick("目標値を入力してください。", "Enter the target.")];
        }
        else if (kpi.InForceAt(request.EffectiveFrom ?? DateOnly.MaxValue).TargetFor(fiscalYear) == read)
        {
            errors[nameof(request.Value)] = [Wording.Pick("今の目標と同じ値です。変える値を入力してください。", "This is the current target. Enter the new one.")];
        }
        else
        {
            value = read;
        }

        if (request.EffectiveFrom is not { } from)
        {
            errors[nameof(request.EffectiveFrom)] = [Wording.Pick("目標設定日を入力してください。", "Enter the date the target applies from.")];
        }
        else if (from < start)
        {
            errors[nameof(request.EffectiveFrom)] = [Wording.Pick($"目標設定日が計画の開始日（{start:yyyy/MM/dd}）より前です。", $"The date the target applies from is before the plan starts ({Wording.Date(start)}).")];
        }

        Text(errors, nameof(request.Reason), Wording.Pick("見直しの理由", "The reason for the change"), request.Reason, ReasonMaxLength);
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string label, string? text, int max)
    {
        var clean = TextPolicy.Clean(text);
        if (clean is null)
        {
            errors[field] = [Wording.Pick($"{label}を入力してください。", $"{label} is required.")];
        }
        else if (clean.Length > max)
        {
            errors[field] = [Wording.Pick($"{label}は{max}文字以内で入力してください。", $"{label}: at most {max} characters.")];
        }
        else if (TextPolicy.Problem(text, label, multiline: true) is { } problem)
        {
            errors[field] = [problem];
        }
    }
}
