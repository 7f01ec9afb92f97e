namespace Dashboard.Shared.Exports;

/// <summary>A built file to hand to the person.</summary>
/// <param name="FileName">Japanese file name.</param>
/// <param name="Content">The bytes.</param>
public sealed record ExportFile(string FileName, byte[] Content);

/// <summary>Builds the Excel pack.</summary>
public interface IExportService
{
    /// <summary>The pack for a quarter of the current plan; null when the quarter is outside the plan.</summary>
    Task<ExportFile?> BuildPackAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default);
}
