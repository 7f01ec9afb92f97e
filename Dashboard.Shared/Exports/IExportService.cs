using Dashboard.Shared.Problems;

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

    /// <summary>The entry template of the caller's departments for a quarter; null outside the plan.</summary>
    Task<ExportFile?> BuildTemplateAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default);

    /// <summary>Reads a filled template and says what saving it would change; saves nothing.</summary>
    Task<TemplatePreviewDto> PreviewTemplateAsync(ExportFile upload, CancellationToken cancellationToken = default);

    /// <summary>Saves a filled template as drafts, all or nothing; the errors say why not.</summary>
    Task<Outcome<TemplatePreviewDto>> ImportTemplateAsync(ExportFile upload, CancellationToken cancellationToken = default);
}
