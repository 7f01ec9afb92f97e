using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Plans;

/// <summary>
/// A KPI's definition as the planner edits it (targets are set apart: a draft's own targets, or a revised target
/// from a date). A KPI's code is its stable ID across versions and plans: set when it is added, never changed.
/// </summary>
/// <param name="Code">For a new KPI: its code (unique in the plan). Ignored for an edit.</param>
/// <param name="InitiativeNumber">For a new KPI: the initiative it belongs to; for a KPI being changed: the initiative it moves to (null keeps it).</param>
/// <param name="Name">KPI名.</param>
/// <param name="Kind">種類.</param>
/// <param name="Direction">方向; null takes the kind's own.</param>
/// <param name="Unit">単位 (numeric kinds).</param>
/// <param name="BaselineValue">基準値 as typed, empty for none.</param>
/// <param name="BaselineDate">基準日.</param>
/// <param name="MilestoneDueFiscalYear">期限年度 of a milestone.</param>
/// <param name="Owners">担当課 (department codes).</param>
/// <param name="Source">出典.</param>
/// <param name="Note">備考.</param>
/// <param name="RevisionDate">改訂日: required for a plan in force (a change to it is a recorded revision).</param>
/// <param name="RevisionReason">改訂の理由: required for a plan in force.</param>
public sealed record KpiEditRequest(
    string? Code,
    int? InitiativeNumber,
    string? Name,
    KpiKind Kind,
    KpiDirection? Direction,
    string? Unit,
    string? BaselineValue,
    DateOnly? BaselineDate,
    int? MilestoneDueFiscalYear,
    IReadOnlyList<string>? Owners,
    string? Source,
    string? Note,
    DateOnly? RevisionDate = null,
    string? RevisionReason = null);

/// <summary>Removing a KPI that has no figures, or retiring (廃止) one of the plan in force; for a plan in force, as a recorded revision with its date and reason.</summary>
/// <param name="RevisionDate">改訂日 (for 廃止, the retirement date): required for a plan in force.</param>
/// <param name="RevisionReason">改訂の理由: required for a plan in force.</param>
/// <param name="Retire">廃止 instead of deleting: for the plan in force, the KPI stays with its figures and takes none for quarters ending after the revision date.</param>
public sealed record KpiRemovalRequest(DateOnly? RevisionDate, string? RevisionReason, bool Retire = false);

/// <summary>A basic policy's or an initiative's title (and subtitle or summary), renamed; for a plan in force, as a recorded revision.</summary>
/// <param name="Title">基本方針 or 施策 title.</param>
/// <param name="Subtitle">The policy's subtitle or the initiative's summary.</param>
/// <param name="RevisionDate">改訂日: required for a plan in force.</param>
/// <param name="RevisionReason">改訂の理由: required for a plan in force.</param>
/// <param name="MoveToPolicy">For an initiative: the basic policy it moves to (regrouping); null keeps it where it is.</param>
public sealed record HeadingEditRequest(string? Title, string? Subtitle, DateOnly? RevisionDate = null, string? RevisionReason = null, int? MoveToPolicy = null);

/// <summary>A new basic policy (<paramref name="PolicyNumber"/> null) or a new initiative in a policy; for a plan in force, as a recorded revision.</summary>
/// <param name="PolicyNumber">The policy the new initiative belongs to; null adds a basic policy.</param>
/// <param name="Title">基本方針 or 施策 title.</param>
/// <param name="Subtitle">The policy's subtitle or the initiative's summary.</param>
/// <param name="RevisionDate">改訂日: required for a plan in force.</param>
/// <param name="RevisionReason">改訂の理由: required for a plan in force.</param>
public sealed record HeadingAddRequest(int? PolicyNumber, string? Title, string? Subtitle, DateOnly? RevisionDate = null, string? RevisionReason = null);

/// <summary>
/// 廃止 inside a plan in force: a KPI that has figures is not deleted but retired by a recorded revision. Its figures
/// and targets stay readable; a quarter that ends after the retirement date takes no figure, is not chased and is not
/// counted as missing. (Between plans, the successor's disposition 廃止 or 完了 does the same by not carrying it over.)
/// </summary>
public static class KpiRetirement
{
    /// <summary>Whether a figure is expected for <paramref name="quarter"/> of a KPI retired on <paramref name="retiredOn"/> (always, when not retired).</summary>
    public static bool Expects(DateOnly? retiredOn, Dashboard.Shared.Fiscal.FiscalQuarter quarter) =>
        retiredOn is not { } day || quarter.EndDate <= day;
}
