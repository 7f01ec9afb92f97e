using System.Globalization;
using System.Text;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Publishing;

/// <summary>
/// One row of the open data: one KPI in one published quarter, following the national rules for machine-readable
/// tables (one value per cell, numbers as numbers, a unit column, 西暦 ISO dates, the 6-digit 地方公共団体コード).
/// </summary>
/// <param name="MunicipalityCode">団体コード, e.g. 022059.</param>
/// <param name="MunicipalityName">団体名.</param>
/// <param name="PlanName">計画名.</param>
/// <param name="PolicyNumber">基本方針番号.</param>
/// <param name="PolicyName">基本方針名.</param>
/// <param name="InitiativeNumber">施策番号.</param>
/// <param name="InitiativeName">施策名.</param>
/// <param name="KpiId">KPI_ID.</param>
/// <param name="KpiName">KPI名.</param>
/// <param name="Unit">単位.</param>
/// <param name="Direction">方向: 高いほど良い / 低いほど良い.</param>
/// <param name="Baseline">基準値.</param>
/// <param name="BaselineDate">基準日 (ISO 8601).</param>
/// <param name="FiscalYear">年度 (西暦).</param>
/// <param name="Quarter">四半期 (1-4).</param>
/// <param name="Target">目標値 of the fiscal year.</param>
/// <param name="Actual">実績値: the latest approved figure in a published quarter up to this one.</param>
/// <param name="Achievement">達成率 against the year's target (1.0 = 100%).</param>
/// <param name="Status">状況.</param>
/// <param name="Grade">評価区分.</param>
/// <param name="Departments">担当課.</param>
/// <param name="Updated">更新日 (ISO 8601): when the quarter was published.</param>
/// <param name="PlanCode">計画コード: the plan's stable key.</param>
/// <param name="PlanEdition">計画版: the plan's version (第N版) the row was computed with.</param>
/// <param name="TargetKind">目標値種別: 当初 (the plan's own) or 見直し後 (revised); empty without a target.</param>
/// <param name="TargetSetDate">目標設定日 (ISO 8601) of a revised target.</param>
/// <param name="TargetRevisionReason">見直し理由 of a revised target.</param>
/// <param name="PreviousKpiId">前計画KPI_ID: the previous plan's KPI (or KPIs merged, separated by 、) this one carries on.</param>
/// <param name="PreviousDisposition">前計画からの引継区分: 継続, 拡充, 統合 or 延伸.</param>
/// <param name="NextKpiId">次計画KPI_ID: the KPI that carries this one on in the next plan.</param>
/// <param name="NextDisposition">次計画での扱い: 継続, 拡充, 統合, 完了, 廃止 or 延伸.</param>
public sealed record OpenDataRow(
    string MunicipalityCode,
    string MunicipalityName,
    string PlanName,
    int PolicyNumber,
    string PolicyName,
    int InitiativeNumber,
    string InitiativeName,
    string KpiId,
    string KpiName,
    string Unit,
    string Direction,
    decimal? Baseline,
    string? BaselineDate,
    int FiscalYear,
    int Quarter,
    decimal? Target,
    decimal? Actual,
    decimal? Achievement,
    string Status,
    string Grade,
    string Departments,
    string Updated,
    string PlanCode = "",
    int PlanEdition = 1,
    string TargetKind = "",
    string? TargetSetDate = null,
    string? TargetRevisionReason = null,
    string? PreviousKpiId = null,
    string? PreviousDisposition = null,
    string? NextKpiId = null,
    string? NextDisposition = null);

/// <summary>The open data's columns: Japanese names (the CSV header) and their documented English keys (the JSON).</summary>
public static class OpenDataColumns
{
    /// <summary>(Japanese column name, English JSON key, description, English description) in column order.</summary>
    public static IReadOnlyList<(string Japanese, string Key, string Description, string EnglishDescription)> All { get; } =
    [
        ("団体コード", "municipalityCode", "全国地方公共団体コード（6桁）", "Nationwide local government code (6 digits)"),
        ("団体名", "municipalityName", "地方公共団体名", "Name of the local government"),
        ("計画名", "planName", "計画の名称", "Name of the plan"),
        ("基本方針番号", "policyNumber", "基本方針の番号", "Number of the basic policy"),
        ("基本方針名", "policyName", "基本方針の名称", "Name of the basic policy"),
        ("施策番号", "initiativeNumber", "取組施策の番号", "Number of the initiative"),
        ("施策名", "initiativeName", "取組施策の名称", "Name of the initiative"),
        ("KPI_ID", "kpiId", "成果指標の識別子", "Identifier of the KPI (outcome target)"),
        ("KPI名", "kpiName", "成果指標の名称", "Name of the KPI"),
        ("単位", "unit", "実績値・目標値の単位", "Unit of the figure and the target"),
        ("方向", "direction", "高いほど良い／低いほど良い", "Higher is better / lower is better"),
        ("基準値", "baseline", "計画策定時の基準値（数値）", "Baseline when the plan was made (number)"),
        ("基準日", "baselineDate", "基準値の時点（西暦、YYYY-MM-DD）", "Date of the baseline (YYYY-MM-DD)"),
        ("年度", "fiscalYear", "年度（西暦、4月始まり）", "Fiscal year (starting in April, Western calendar)"),
        ("四半期", "quarter", "四半期（1=4〜6月、2=7〜9月、3=10〜12月、4=1〜3月）", "Quarter (1 = Apr-Jun, 2 = Jul-Sep, 3 = Oct-Dec, 4 = Jan-Mar)"),
        ("目標値", "target", "その年度の目標値（数値）", "Target for that fiscal year (number)"),
        ("実績値", "actual", "公表した四半期までの最新の承認済み実績（数値）", "Latest approved figure up to the published quarter (number)"),
        ("達成率", "achievement", "年度目標に対する達成率（1=100%）", "Achievement against the year's target (1 = 100%)"),
        ("状況", "status", "達成・順調・注意・遅延・未報告・完了・予定どおり・期限超過など", "Status: achieved, on track, caution, delayed, not reported, completed, on schedule, overdue, etc."),
        ("評価区分", "grade", "計画の評価区分（A〜D、S/A/B/C、評価不能）", "The plan's grade (A-D, S/A/B/C, or not gradable)"),
        ("担当課", "departments", "担当課（複数は「、」区切り）", "Departments in charge (several separated by an ideographic comma, U+3001)"),
        ("更新日", "updated", "その四半期を公表した日（西暦、YYYY-MM-DD）", "Date the quarter was published (YYYY-MM-DD)"),
        ("計画コード", "planCode", "計画の識別子（計画をまたいでも変わらない）", "Identifier of the plan (stable across versions)"),
        ("計画版", "planEdition", "計算に使った計画の版（第N版のN）", "The plan's edition the row was computed with (N of edition N)"),
        ("目標値種別", "targetKind", "目標値が当初のものか見直し後のものか", "Whether the target is the plan's original or a revised one"),
        ("目標設定日", "targetSetDate", "見直し後の目標を設定した日（西暦、YYYY-MM-DD）", "Date a revised target took effect (YYYY-MM-DD)"),
        ("見直し理由", "targetRevisionReason", "目標を見直した理由", "Why the target was revised"),
        ("前計画KPI_ID", "previousKpiId", "前の計画で対応する成果指標の識別子（統合したものは「、」区切り）", "KPI of the previous plan this one carries on (several merged ones separated by U+3001)"),
        ("前計画からの引継区分", "previousDisposition", "前の計画の指標をどう引き継いだか（継続・拡充・統合・延伸）", "How the previous plan's KPI was carried on (continued, expanded, merged, extended)"),
        ("次計画KPI_ID", "nextKpiId", "次の計画でこの指標を引き継いだ成果指標の識別子", "KPI of the next plan that carries this one on"),
        ("次計画での扱い", "nextDisposition", "次の計画での扱い（継続・拡充・統合・完了・廃止・延伸）", "What became of the KPI in the next plan (continued, expanded, merged, completed, abolished, extended)"),
    ];

    /// <summary>The row's cells in column order, numbers as invariant numbers, empty for none.</summary>
    public static IReadOnlyList<string> Cells(OpenDataRow r) =>
    [
        Text(r.MunicipalityCode), Text(r.MunicipalityName), Text(r.PlanName), Number(r.PolicyNumber), Text(r.PolicyName), Number(r.InitiativeNumber),
        Text(r.InitiativeName), Text(r.KpiId), Text(r.KpiName), Text(r.Unit), Text(r.Direction), Number(r.Baseline), Text(r.BaselineDate ?? ""), Number(r.FiscalYear),
        Number(r.Quarter), Number(r.Target), Number(r.Actual), Number(r.Achievement), Text(r.Status), Text(r.Grade), Text(r.Departments), Text(r.Updated),
        Text(r.PlanCode), Number(r.PlanEdition), Text(r.TargetKind), Text(r.TargetSetDate ?? ""), Text(r.TargetRevisionReason ?? ""),
        Text(r.PreviousKpiId ?? ""), Text(r.PreviousDisposition ?? ""), Text(r.NextKpiId ?? ""), Text(r.NextDisposition ?? ""),
    ];

    /// <summary>
    /// A text cell that a spreadsheet will not run as a formula: one starting with = + - @, a tab or a carriage return
    /// gets a leading apostrophe (OWASP's CSV injection advice). Numbers are written by <see cref="Number(decimal?)"/>
    /// and keep their sign.
    /// </summary>
    public static string Text(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>UTF-8 with BOM, CRLF line ends, RFC 4180 quoting: opens in Excel as it is.</summary>
    public static byte[] Csv(IEnumerable<OpenDataRow> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", All.Select(c => Quote(c.Japanese)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", Cells(row).Select(Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>English status names for the English page.</summary>
    public static string English(KpiStatus status) => status switch
    {
        KpiStatus.Achieved => "Achieved",
        KpiStatus.OnTrack => "On track",
        KpiStatus.Caution => "Caution",
        KpiStatus.Delayed => "Delayed",
        KpiStatus.NotReported => "Not reported",
        KpiStatus.Completed => "Completed",
        KpiStatus.Scheduled => "On schedule",
        KpiStatus.Overdue => "Overdue",
        KpiStatus.Reported => "Reported",
        _ => "No target",
    };

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
