namespace Dashboard.Shared.Exports;

/// <summary>The upload cap for a filled entry template, the same in the browser and on the server.</summary>
public static class TemplateLimits
{
    /// <summary>2 MB: a department's template is tens of kilobytes.</summary>
    public const int MaxMegabytes = 2;

    /// <summary>In bytes.</summary>
    public const int MaxBytes = MaxMegabytes * 1024 * 1024;
}

/// <summary>A problem in an uploaded entry template, named by sheet, row and column as Excel shows them.</summary>
public sealed record TemplateError(string Sheet, int Row, string Column, string Message)
{
    /// <summary>「入力」シート 5行 F列: ...</summary>
    public override string ToString() => Row > 0 ? $"「{Sheet}」シート {Row}行 {Column}列: {Message}" : $"「{Sheet}」シート: {Message}";
}

/// <summary>One KPI row of an uploaded template and what saving it would change.</summary>
public sealed record TemplateRowPreview(int Row, string KpiCode, string KpiName, IReadOnlyList<TemplateChange> Changes);

/// <summary>One field that would change.</summary>
public sealed record TemplateChange(string Field, string? OldValue, string? NewValue);

/// <summary>What an uploaded template would do: the changes, or the errors that stop it. Nothing is saved by a preview.</summary>
public sealed record TemplatePreviewDto(int FiscalYear, int Quarter, IReadOnlyList<TemplateRowPreview> Rows, IReadOnlyList<TemplateError> Errors)
{
    /// <summary>Whether it can be saved as it is.</summary>
    public bool CanSave => Errors.Count == 0 && Rows.Any(r => r.Changes.Count > 0);
}
