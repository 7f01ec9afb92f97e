namespace Dashboard.Shared.Figures;

/// <summary>One figure sent by another system: the value as its export has it (read with the entry form's rules).</summary>
/// <param name="Value">The figure, e.g. 1234 or 56.7.</param>
/// <param name="ConfirmUnlikely">Keep a value the plausibility check finds unlikely (as the form's confirmation does).</param>
public sealed record PutFigureRequest(string? Value, bool ConfirmUnlikely = false);

/// <summary>A figure saved as a draft.</summary>
/// <param name="KpiCode">The KPI.</param>
/// <param name="FiscalYear">Fiscal year (2026 = 令和8年度).</param>
/// <param name="Quarter">1-4 (Q1 = April-June).</param>
/// <param name="Value">The figure as stored.</param>
/// <param name="Version">The entry's version after the save.</param>
public sealed record FigureSavedDto(string KpiCode, int FiscalYear, int Quarter, decimal? Value, Guid? Version);

/// <summary>What an upload saved: every row as a draft, or nothing.</summary>
/// <param name="Encoding">UTF-8 or Shift_JIS, as read.</param>
/// <param name="Saved">The saved rows.</param>
public sealed record FiguresImportDto(string Encoding, IReadOnlyList<FigureSavedDto> Saved);

/// <summary>The figures API's limits and addresses.</summary>
public static class FiguresApi
{
    /// <summary>The largest CSV accepted.</summary>
    public const int MaxCsvBytes = 1024 * 1024;

    /// <summary>The most rows in one CSV.</summary>
    public const int MaxRows = 2000;

    /// <summary>How a token starts; the rest is 43 characters of base64url.</summary>
    public const string TokenPrefix = "dxf_";

    /// <summary>The authentication scheme of a token's requests.</summary>
    public const string TokenScheme = "FigureToken";

    /// <summary>The token's whole length.</summary>
    public const int TokenLength = 47;
}
