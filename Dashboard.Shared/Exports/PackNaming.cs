using Dashboard.Shared.Fiscal;

namespace Dashboard.Shared.Exports;

/// <summary>Names in the Excel pack for the steering committee's PDCA review.</summary>
public static class PackNaming
{
    /// <summary>DX推進計画_令和7年度第4四半期_PDCA資料.xlsx.</summary>
    public static string FileName(FiscalQuarter quarter) =>
        $"DX推進計画_{quarter.ToJapaneseLabel().Replace(" ", "", StringComparison.Ordinal)}_PDCA資料.xlsx";

    /// <summary>実績入力_令和7年度第4四半期.xlsx.</summary>
    public static string TemplateFileName(FiscalQuarter quarter, IEnumerable<string>? departmentNames = null) =>
        $"実績入力_{quarter.ToJapaneseLabel().Replace(" ", "", StringComparison.Ordinal)}{Departments(departmentNames)}.xlsx";

    // The departments in the name, so that two departments' files do not overwrite each other in Downloads.
    private static string Departments(IEnumerable<string>? names) =>
        names?.Select(n => string.Concat(n.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c != ' '))).Where(n => n.Length > 0).ToList() is { Count: > 0 } list
            ? "_" + string.Join("・", list)
            : "";

    /// <summary>The sheet of an initiative: 施策01 行政手続のオンライン化 (Excel allows 31 characters and no []:*?/\).</summary>
    public static string InitiativeSheet(int number, string title)
    {
        var name = $"施策{number:00} {title}";
        foreach (var c in "[]:*?/\\")
        {
            name = name.Replace(c, '・');
        }

        return name.Length <= 31 ? name : name[..31];
    }
}
