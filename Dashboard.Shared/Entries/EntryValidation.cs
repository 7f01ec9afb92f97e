using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Entries;

/// <summary>The outcome of checking an entry: field errors, the figure as read, and the status it computes to.</summary>
public sealed record EntryCheck(IReadOnlyDictionary<string, string[]> Errors, decimal? Value, KpiStatus Status)
{
    /// <summary>No field errors.</summary>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The entry rules, the same in the browser (as the person types) and on the server (before anything is stored).
/// Drafts may be incomplete; a submission must be complete, and a 注意 / 遅延 / 期限超過 status needs 評価・課題.
/// </summary>
public static class EntryValidation
{
    /// <summary>Longest PDCA note.</summary>
    public const int NoteMaxLength = 2000;

    /// <summary>Longest evidence link.</summary>
    public const int UrlMaxLength = 2000;

    /// <summary>
    /// Checks <paramref name="request"/> for <paramref name="kpi"/> in <paramref name="quarter"/> of a plan that starts
    /// on <paramref name="planStart"/> (a milestone is not completed before its plan; none given: no lower bound but 2000).
    /// <paramref name="lastApproved"/> is the latest approved figure before the quarter (<see cref="EntryDto.LastApproved"/>):
    /// a cumulative count below it needs the person's confirmation.
    /// </summary>
    public static EntryCheck Check(KpiDefinition kpi, FiscalQuarter quarter, SaveEntryRequest request, StatusThresholds thresholds, DateOnly? planStart = null, decimal? lastApproved = null)
    {
        var errors = new Dictionary<string, string[]>();
        var value = CheckValue(kpi, request, lastApproved, errors);
        CheckMilestone(kpi, quarter, planStart, request, errors);
        CheckNote(nameof(request.Done), Wording.Pick("実施内容", "What was done"), request.Done, errors);
        CheckNote(nameof(request.Check), Wording.Pick("評価・課題", "Check and issues"), request.Check, errors);
        CheckNote(nameof(request.Act), Wording.Pick("改善策", "What changes next"), request.Act, errors);
        CheckUrl(request.EvidenceUrl, errors);

        var report = new QuarterReport(value, request.Milestone, Reported: value is not null || request.Milestone is not null || !string.IsNullOrWhiteSpace(request.Done));
        var status = KpiRules.Status(kpi, quarter, report, thresholds);
        if (request.Submit)
        {
            CheckComplete(kpi, request, value, status, errors);
        }

        return new EntryCheck(errors, value, status);
    }

    private static decimal? CheckValue(KpiDefinition kpi, SaveEntryRequest request, decimal? lastApproved, Dictionary<string, string[]> errors)
    {
        if (!kpi.Kind.IsNumeric())
        {
            if (!string.IsNullOrWhiteSpace(request.Value))
            {
                errors[nameof(request.Value)] = [Wording.Pick("この指標には数値を入力しません。", "This indicator takes no figure.")];
            }

            return null;
        }

        if (!KpiValueParser.TryParse(request.Value, out var value, out var error))
        {
            errors[nameof(request.Value)] = [error!];
            return null;
        }

        if (value is not { } v)
        {
            return null;
        }

        if (v < 0)
        {
            errors[nameof(request.Value)] = [Wording.Pick("0以上の数値を入力してください。", "Enter a number of 0 or more.")];
        }
        else if (kpi.Kind.IsCount() && decimal.Truncate(v) != v)
        {
            errors[nameof(request.Value)] = [Wording.Pick("件数・人数は整数で入力してください。", "Counts of things and people are whole numbers.")];
        }
        else if (kpi.Kind == KpiKind.Percentage && v > 100)
        {
            errors[nameof(request.Value)] = [Wording.Pick("割合は0から100の間で入力してください。", "Enter a percentage between 0 and 100.")];
        }
        else if (decimal.Round(v, 2) != v)
        {
            errors[nameof(request.Value)] = [Wording.Pick("小数は2桁までで入力してください。", "Use at most two decimal places.")];
        }

        if (!errors.ContainsKey(nameof(request.Value)) && !request.ConfirmUnlikely && IsUnlikely(kpi, v, lastApproved) is { } limit)
        {
            errors[nameof(request.Value)] = [UnlikelyMessage(limit)];
        }

        if (!errors.ContainsKey(nameof(request.Value)) && !request.ConfirmUnlikely && IsBelowRunningTotal(kpi, v, lastApproved) is { } last)
        {
            errors[nameof(request.Value)] = [BelowRunningTotalMessage(last)];
        }

        return errors.ContainsKey(nameof(request.Value)) ? null : v;
    }

    private const string UnlikelyPrefixJa = "確認:";
    private const string UnlikelyPrefixEn = "Check:";
    private const string ConfirmTailJa = "正しければ「この値で正しい」を選んでください。";
    private const string ConfirmTailEn = "If it is right, choose \u201cThis figure is right\u201d.";

    /// <summary>Start of the message for a figure that needs <see cref="SaveEntryRequest.ConfirmUnlikely"/>, in the language of the messages.</summary>
    public static string UnlikelyPrefix => Wording.Pick(UnlikelyPrefixJa, UnlikelyPrefixEn);

    /// <summary>How a confirmation message ends in the entry form.</summary>
    public static string ConfirmTail => Wording.Pick(ConfirmTailJa, ConfirmTailEn);

    /// <summary>The same ending where there is nothing to choose (an uploaded workbook): the form is where a person confirms.</summary>
    public static string ConfirmInFormTail => Wording.Pick(
        "正しい値のときは、この指標を入力フォームで入力し、「この値で正しい」を選んでください。",
        "If it is right, enter this indicator in the entry form and choose \u201cThis figure is right\u201d there.");

    /// <summary>Whether <paramref name="message"/> asks the person to confirm the figure (in either language), so the form offers the choice.</summary>
    public static bool AsksToConfirm(string? message) =>
        message is not null
        && (message.StartsWith(UnlikelyPrefixJa, StringComparison.Ordinal) || message.StartsWith(UnlikelyPrefixEn, StringComparison.Ordinal));

    /// <summary>
    /// A confirmation message for a caller that confirms elsewhere (a workbook: the form; a script: its flag): the
    /// ending that names the form's choice is replaced by <paramref name="tail"/>; other messages are returned as they are.
    /// </summary>
    public static string ConfirmedElsewhere(string message, string tail) =>
        message.EndsWith(ConfirmTailJa, StringComparison.Ordinal) ? message[..^ConfirmTailJa.Length] + tail
        : message.EndsWith(ConfirmTailEn, StringComparison.Ordinal) ? message[..^ConfirmTailEn.Length] + tail
        : message;

    private static string UnlikelyMessage(decimal limit) => Wording.Pick(
        $"{UnlikelyPrefixJa} 計画の目標・基準値の10倍（{Wording.Number(limit)}）を超えています。入力の誤りでないか確かめ、{ConfirmTailJa}",
        $"{UnlikelyPrefixEn} this is more than ten times the plan's targets and baseline ({Wording.Number(limit)}). Make sure it is not a typing error. {ConfirmTailEn}");

    private static string BelowRunningTotalMessage(decimal last) => Wording.Pick(
        $"{UnlikelyPrefixJa} 累計の指標ですが、直近の実績（{Wording.Number(last)}）より小さい値です。この四半期に増えた数ではなく、これまでの累計を入力してください。{ConfirmTailJa}",
        $"{UnlikelyPrefixEn} this indicator is a running total, and the figure is below the latest one ({Wording.Number(last)}). Enter the total so far, not this quarter's increase. {ConfirmTailEn}");

    /// <summary>
    /// The latest approved figure when a cumulative count falls below it, else null: a running total rarely goes down,
    /// and the usual cause is the quarter's increase typed in its place (5 instead of 193).
    /// </summary>
    public static decimal? IsBelowRunningTotal(KpiDefinition kpi, decimal value, decimal? lastApproved) =>
        kpi.Kind == KpiKind.Cumulative && lastApproved is { } last && value < last ? last : null;

    /// <summary>
    /// The bound past which a figure is probably a typing error, or null when it is plausible: more than ten times the
    /// largest of the KPI's targets, baseline and latest approved figure (a 第2期 plan's KPI may have no targets yet
    /// while its carried figures stand far above the old baseline); for zero targets (incidents) more than 100.
    /// Percentages are capped at 100 by their own rule.
    /// </summary>
    public static decimal? IsUnlikely(KpiDefinition kpi, decimal value, decimal? lastApproved = null)
    {
        if (kpi.Kind == KpiKind.Percentage)
        {
            return null;
        }

        var reference = kpi.Targets.Select(t => t.Value).Append(kpi.BaselineValue ?? 0).Append(lastApproved ?? 0).Max();
        var limit = reference > 0 ? reference * 10 : 100;
        return value > limit ? limit : null;
    }

    private static void CheckMilestone(KpiDefinition kpi, FiscalQuarter quarter, DateOnly? planStart, SaveEntryRequest request, Dictionary<string, string[]> errors)
    {
        if (kpi.Kind != KpiKind.Milestone)
        {
            if (request.Milestone is not null || request.MilestoneDate is not null)
            {
                errors[nameof(request.Milestone)] = [Wording.Pick("この指標はマイルストーンではありません。", "This indicator is not a milestone.")];
            }

            return;
        }

        if (request.Milestone is { } state && !Enum.IsDefined(state))
        {
            errors[nameof(request.Milestone)] = [Wording.Pick("状態を選んでください。", "Choose a state.")];
        }

        if (request.MilestoneDate is { } date && date.Year < 2000)
        {
            errors[nameof(request.MilestoneDate)] = [Wording.Pick("完了日が正しくありません。", "The completion date is not a valid date.")];
        }
        else if (request.MilestoneDate is { } early && planStart is { } start && early < start)
        {
            errors[nameof(request.MilestoneDate)] = [Wording.Pick(
                $"完了日が計画の開始日（{start:yyyy/MM/dd}）より前です。計画期間内に完了した日付を入力してください。",
                $"The completion date is before the plan starts ({Wording.Date(start)}). Enter a date within the plan's period.")];
        }
        else if (request.MilestoneDate is { } done && done > quarter.EndDate)
        {
            errors[nameof(request.MilestoneDate)] = [Wording.Pick(
                $"完了日が{quarter.ToJapaneseLabel()}の末日（{quarter.EndDate:yyyy/MM/dd}）より後です。この四半期までに完了した日付を入力してください。",
                $"The completion date is after the end of {quarter.ToEnglishLabel()} ({Wording.Date(quarter.EndDate)}). Enter a date by the end of this quarter.")];
        }
        else if (request.MilestoneDate is not null && request.Milestone != MilestoneState.Done)
        {
            errors[nameof(request.MilestoneDate)] = [Wording.Pick("完了日は状態が「完了」のときだけ入力します。", "Enter a completion date only when the state is Done.")];
        }
    }

    private static void CheckNote(string field, string label, string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > NoteMaxLength)
        {
            errors[field] = [Wording.Pick(
                $"{label}は{NoteMaxLength:N0}文字以内で入力してください（現在 {text.Length:N0}文字）。",
                $"{label}: at most {NoteMaxLength:N0} characters (now {text.Length:N0}).")];
        }
        else if (TextPolicy.Problem(text, label, multiline: true) is { } problem)
        {
            errors[field] = [problem];
        }
    }

    private static void CheckUrl(string? url, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (TextPolicy.Problem(url, Wording.Pick("根拠資料のリンク", "The link to evidence"), multiline: false) is { } problem)
        {
            errors[nameof(SaveEntryRequest.EvidenceUrl)] = [problem];
            return;
        }

        if (url.Length > UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            errors[nameof(SaveEntryRequest.EvidenceUrl)] = [Wording.Pick(
                "根拠資料のリンクは http:// または https:// で始まるURLを入力してください。",
                "The link to evidence must be a URL starting with http:// or https://.")];
        }
    }

    private static void CheckComplete(KpiDefinition kpi, SaveEntryRequest request, decimal? value, KpiStatus status, Dictionary<string, string[]> errors)
    {
        if (kpi.Kind.IsNumeric() && value is null && !errors.ContainsKey(nameof(request.Value)))
        {
            errors[nameof(request.Value)] = [Wording.Pick("提出するには実績値を入力してください。", "Enter the figure before submitting.")];
        }

        if (kpi.Kind == KpiKind.Milestone && request.Milestone is null)
        {
            errors[nameof(request.Milestone)] = [Wording.Pick("提出するには状態を選んでください。", "Choose a state before submitting.")];
        }

        if (kpi.Kind == KpiKind.Milestone && request.Milestone == MilestoneState.Done && request.MilestoneDate is null && !errors.ContainsKey(nameof(request.MilestoneDate)))
        {
            errors[nameof(request.MilestoneDate)] = [Wording.Pick("完了日を入力してください。", "Enter the completion date.")];
        }

        if (string.IsNullOrWhiteSpace(request.Done) && !errors.ContainsKey(nameof(request.Done)))
        {
            errors[nameof(request.Done)] = [Wording.Pick("提出するには実施内容を入力してください。", "Enter what was done before submitting.")];
        }

        if (status is KpiStatus.Caution or KpiStatus.Delayed or KpiStatus.Overdue
            && string.IsNullOrWhiteSpace(request.Check) && !errors.ContainsKey(nameof(request.Check)))
        {
            errors[nameof(request.Check)] = [Wording.Pick(
                $"状況が「{status.Japanese()}」のため、評価・課題を入力してください。",
                $"The status is {status.Named()}, so enter the check and issues.")];
        }
    }
}
