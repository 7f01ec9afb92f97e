namespace Dashboard.Shared.Entries;

/// <summary>
/// The PDCA text of the quarter before, offered as a start for this quarter's (「前期の記述を引用」). For the first quarter
/// of a plan that carries a KPI over, it is the predecessor KPI's last quarter in the plan before.
/// </summary>
/// <param name="FiscalYear">The quarter the text was written for.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="Done">実施内容.</param>
/// <param name="Check">評価・課題.</param>
/// <param name="Act">改善策.</param>
public sealed record PreviousNotes(int FiscalYear, int Quarter, string? Done, string? Check, string? Act)
{
    /// <summary>The PDCA fields, by the names the form and the request use.</summary>
    public static readonly IReadOnlyList<string> Fields = ["done", "check", "act"];

    /// <summary>The quarter's text for one field, or null when it wrote nothing there.</summary>
    public string? Of(string field) => Blank(field switch
    {
        "done" => Done,
        "check" => Check,
        "act" => Act,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a PDCA field."),
    });

    /// <summary>Whether there is anything to quote.</summary>
    public bool HasText => Fields.Any(f => Of(f) is not null);

    /// <summary>
    /// The text to put in a field: the previous quarter's when the field is empty and it has some, otherwise what is
    /// there. Nothing a person typed is ever replaced.
    /// </summary>
    public string? Fill(string field, string? current) => Blank(current) is null && Of(field) is { } quoted ? quoted : current;

    /// <summary>Whether a field still holds the quoted text unchanged (shown as 引用 until it is edited).</summary>
    public bool IsQuoted(string field, string? current) => Blank(current) is { } text && Of(field) is { } quoted && text == quoted;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
