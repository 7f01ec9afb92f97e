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

/// <summary>
/// A workbook's problems as an outcome's field errors: each key is the cell as Excel names it (<c>入力!F5</c>, or the
/// sheet alone), so the one outcome contract carries them and they read back as <see cref="TemplateError"/>s.
/// </summary>
public static class TemplateErrors
{
    /// <summary>The problems keyed by cell, in order.</summary>
    public static IReadOnlyDictionary<string, string[]> ToFieldErrors(IEnumerable<TemplateError> errors)
    {
        var byCell = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            var key = error.Row > 0 ? $"{error.Sheet}!{error.Column}{error.Row}" : error.Sheet;
            if (!byCell.TryGetValue(key, out var messages))
            {
                byCell[key] = messages = [];
            }

            messages.Add(error.Message);
        }

        return byCell.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The problems back from field errors keyed by cell; a key that names no cell is the sheet <paramref name="sheet"/>.</summary>
    public static IReadOnlyList<TemplateError> FromFieldErrors(IReadOnlyDictionary<string, string[]> errors, string sheet) =>
        errors.SelectMany(e => e.Value.Select(message => Parse(e.Key, sheet, message))).ToList();

    private static TemplateError Parse(string key, string sheet, string message)
    {
        var bang = key.LastIndexOf('!');
        if (bang < 0)
        {
            return new TemplateError(key.Length > 0 ? key : sheet, 0, "", message);
        }

        var cell = key[(bang + 1)..];
        var digits = cell.Length - cell.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        return int.TryParse(cell[digits..], out var row)
            ? new TemplateError(key[..bang], row, cell[..digits], message)
            : new TemplateError(key[..bang], 0, "", message);
    }
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
